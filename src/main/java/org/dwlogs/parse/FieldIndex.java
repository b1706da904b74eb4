package org.dwlogs.parse;

import java.util.List;
import java.util.Locale;
import org.dwlogs.config.JobConfig.FieldAliases;

/**
 * Resolves the configured field aliases against the field names of a JSON object or a CSV
 * header. Names compare ignoring case; for CSV also ignoring spaces and underscores.
 */
public final class FieldIndex {
  private FieldIndex() {}

  /** The logical fields, in the order used by {@link #columns}. */
  public enum Field { TIMESTAMP, LEVEL, MESSAGE, SESSION, ACTIVITY, COMPONENT }

  public static List<String> aliases(FieldAliases aliases, Field field) {
    return switch (field) {
      case TIMESTAMP -> aliases.timestamp();
      case LEVEL -> aliases.level();
      case MESSAGE -> aliases.message();
      case SESSION -> aliases.session();
      case ACTIVITY -> aliases.activity();
      case COMPONENT -> aliases.component();
    };
  }

  /** A JSON key as compared: lowercase. */
  public static String jsonKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** A CSV header as compared: lowercase, without spaces and underscores. */
  public static String csvKey(String name) {
    return name.replace("\uFEFF", "").replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
  }

  /**
   * For each {@link Field}, the indexes of header columns that carry it, in alias order.
   * A field absent from the header gets an empty array.
   */
  public static int[][] columns(FieldAliases aliases, String[] header) {
    Field[] fields = Field.values();
    int[][] out = new int[fields.length][];
    for (Field f : fields) {
      out[f.ordinal()] = aliases(aliases, f).stream()
          .map(FieldIndex::csvKey)
          .flatMap(alias -> {
            java.util.stream.IntStream.Builder hits = java.util.stream.IntStream.builder();
            for (int i = 0; i < header.length; i++) {
              if (csvKey(header[i]).equals(alias)) {
                hits.add(i);
              }
            }
            return hits.build().boxed();
          })
          .mapToInt(Integer::intValue)
          .toArray();
    }
    return out;
  }
}
