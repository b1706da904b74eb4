package org.dwlogs.ingest;

/** UTF-8 sizes of Java text, for bounds that count bytes whatever the file's encoding. */
final class Utf8 {
  private Utf8() {}

  /** UTF-8 bytes of one UTF-16 unit; a surrogate counts half of its pair's 4. */
  static int size(char c) {
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    return Character.isSurrogate(c) ? 2 : 3;
  }

  static long length(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += size(s.charAt(i));
    }
    return n;
  }

  /** The length, in chars, of the longest start of {@code s} of at most {@code budget} bytes. */
  static int prefixChars(CharSequence s, long budget) {
    long bytes = 0;
    int i = 0;
    while (i < s.length() && bytes + size(s.charAt(i)) <= budget) {
      bytes += size(s.charAt(i));
      i++;
    }
    if (i > 0 && i < s.length() && Character.isHighSurrogate(s.charAt(i - 1))) {
      i--; // half a character is not kept
    }
    return i;
  }
}
