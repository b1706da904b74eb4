package org.dwlogs.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Maps level words as written (any case) to canonical levels. */
public final class Levels {
  private final Map<String, String> canonical = new HashMap<>();

  public Levels(Map<String, String> words) {
    words.forEach((word, level) -> canonical.put(word.toUpperCase(Locale.ROOT), level));
  }

  /** The canonical level of {@code word}, or null when it is not a known level word. */
  public String canonical(String word) {
    return word == null ? null : canonical.get(word.strip().toUpperCase(Locale.ROOT));
  }
}
