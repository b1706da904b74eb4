package org.dwlogs.parse;

import java.util.Arrays;

/**
 * A lowercase literal looked for in ASCII bytes, ignoring case, by Horspool's method: after a
 * mismatch the search moves on by as much as the byte under the literal's last position
 * allows, so a long hint such as {@code activity} reads few of a message's bytes.
 */
final class AsciiHint {
  private final byte[] literal;
  private final int[] shift = new int[128];

  /** Null when the hint is not ASCII (it then never occurs in ASCII text). */
  static AsciiHint of(String lowercase) {
    for (int i = 0; i < lowercase.length(); i++) {
      if (lowercase.charAt(i) >= 128) {
        return null;
      }
    }
    return new AsciiHint(lowercase);
  }

  private AsciiHint(String lowercase) {
    int m = lowercase.length();
    literal = new byte[m];
    Arrays.fill(shift, m);
    for (int i = 0; i < m; i++) {
      literal[i] = (byte) lowercase.charAt(i);
      if (i < m - 1) {
        shift[literal[i]] = m - 1 - i;
        shift[Character.toUpperCase(literal[i]) & 0x7F] = m - 1 - i;
      }
    }
  }

  /** Where the literal first occurs in {@code bytes[from, to)} at or after {@code from}, or -1. */
  int indexIn(byte[] bytes, int from, int to) {
    int m = literal.length;
    int last = m - 1;
    for (int i = from; i <= to - m; ) {
      int j = last;
      while (j >= 0 && lower(bytes[i + j]) == literal[j]) {
        j--;
      }
      if (j < 0) {
        return i;
      }
      int b = bytes[i + last];
      i += b < 0 ? m : shift[b];
    }
    return -1;
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
  }
}
