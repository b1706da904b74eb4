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
    if (word == null) {
      return null;
    }
    // A log writes few level words, each millions of times: remember them as written.
    String level = seen.get(word);
    if (level == null && seen.size() < MAX_SEEN) {
      level = canonical.getOrDefault(word.strip().toUpperCase(Locale.ROOT), NONE);
      seen.put(word, level);
    } else if (level == null) {
      level = canonical.getOrDefault(word.strip().toUpperCase(Locale.ROOT), NONE);
    }
    return level == NONE ? null : level;
  }

  /**
   * As {@link #canonical(String)} for the ASCII {@code text[from, to)}: a word seen before, as
   * written, is recognised from its bytes, without a string of it.
   */
  public String canonical(AsciiText text, int from, int to) {
    byte[] bytes = text.bytes();
    int at = text.from() + from;
    int length = to - from;
    for (int i = 0; i < seenAscii; i++) {
      byte[] w = seenWords[i];
      if (w.length == length && java.util.Arrays.equals(w, 0, length, bytes, at, at + length)) {
        return seenLevels[i];
      }
    }
    String word = new String(bytes, at, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    String level = canonical(word);
    if (seenAscii < seenWords.length) {
      seenWords[seenAscii] = java.util.Arrays.copyOfRange(bytes, at, at + length);
      seenLevels[seenAscii++] = level;
    }
    return level;
  }

  private final byte[][] seenWords = new byte[16][];
  private final String[] seenLevels = new String[16];
  private int seenAscii;

  private static final int MAX_SEEN = 256;
  /** Stands for "not a level word" among the words seen. */
  private static final String NONE = new String("");
  private final Map<String, String> seen = new HashMap<>();
}
