package org.dwlogs.parse;

import java.nio.charset.StandardCharsets;

/**
 * ASCII bytes seen as characters, without decoding or copying them: the reader's byte path
 * runs the configured regular expressions on it. Only for bytes below 0x80, where a byte and
 * its character are the same number; the reader checks that first.
 */
public final class AsciiText implements CharSequence {
  private final byte[] bytes;
  private final int from;
  private final int length;

  public AsciiText(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.length = to - from;
  }

  /** True when every byte of {@code bytes[from, to)} is below 0x80. */
  public static boolean isAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** Where this text starts in {@link #bytes()}. */
  public int from() {
    return from;
  }

  /**
   * Where the lowercase {@code hint} first occurs, each byte compared lowercased, or -1: as
   * {@code IdExtractor.indexIgnoringCase} on the same text, straight on the bytes.
   */
  int indexIgnoringCase(String hint, int fromIndex) {
    int first = hint.charAt(0);
    int last = from + length - hint.length();
    for (int i = from + fromIndex; i <= last; i++) {
      if (lower(bytes[i]) == first && restMatches(i, hint)) {
        return i - from;
      }
    }
    return -1;
  }

  private boolean restMatches(int at, String hint) {
    for (int j = 1; j < hint.length(); j++) {
      if (lower(bytes[at + j]) != hint.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) bytes[from + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    if (start < 0 || end > length || start > end) {
      throw new IndexOutOfBoundsException(start + ".." + end + " of " + length);
    }
    return new AsciiText(bytes, from + start, from + end);
  }

  @Override
  public String toString() {
    return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
  }
}
