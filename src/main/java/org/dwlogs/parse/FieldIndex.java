package org.dwlogs.parse;

import java.util.List;
import java.util.Locale;
import org.dwlogs.config.JobConfig.FieldAliases;

/**
 * Resolves the configured field aliases against the field names of a JSON object or a CSV
 * header. Names compare ignoring case, spaces, underscores and a trailing bracketed suffix,
 * so {@code Session ID}, {@code session_Id} and {@code sessionId} are one name, and so are
 * {@code timestamp [UTC]} (a Log Analytics export header) and {@code timestamp}.
 */
public final class FieldIndex {
  private FieldIndex() {}

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
    int end = name.length();
    // A trailing bracketed suffix, as in "timestamp [UTC]", is no part of the name.
    int close = end;
    while (close > 0 && Character.isWhitespace(name.charAt(close - 1))) {
      close--;
    }
    if (close > 0 && name.charAt(close - 1) == ']') {
      int open = name.lastIndexOf('[', close - 1);
      if (open > 0) {
        end = open;
      }
    }
    StringBuilder out = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '\uFEFF' && !Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
