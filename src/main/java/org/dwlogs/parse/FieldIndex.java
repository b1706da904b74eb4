package org.dwlogs.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dwlogs.config.JobConfig.FieldAliases;

/**
 * Resolves the configured field aliases against the field names of a JSON object or a CSV
 * header. Names compare ignoring case, spaces, underscores and a trailing bracketed suffix,
 * so {@code Session ID}, {@code session_Id} and {@code sessionId} are one name, and so are
 * {@code timestamp [UTC]} (a Log Analytics export header) and {@code timestamp}.
 */
public final class FieldIndex {
  private FieldIndex() {}

  /** A bracketed suffix such as the zone Log Analytics adds to datetime columns. */
  private static final Pattern BRACKET_SUFFIX = Pattern.compile("\\s*\\[[^\\]]*\\]\\s*$");
  private static final Pattern SPACES_AND_UNDERSCORES = Pattern.compile("[\\s_]");

  /** The logical fields. */
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

  /** A field name (JSON key or CSV header) as compared. */
  public static String key(String name) {
    String n = name.replace("\uFEFF", "");
    if (n.endsWith("]") && n.indexOf('[') > 0) {
      n = BRACKET_SUFFIX.matcher(n).replaceFirst("");
    }
    return SPACES_AND_UNDERSCORES.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
