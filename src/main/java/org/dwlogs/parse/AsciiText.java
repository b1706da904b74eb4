package org.dwlogs.parse;

import java.nio.charset.StandardCharsets;

/**
 * ASCII bytes seen as characters, without decoding or copying them: the reader's byte path
 * runs the configured regular expressions on it. Only for bytes below 0x80, where a byte and
 * its character are the same number; the reader checks that first (as it reads the line).
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

  public byte[] bytes() {
    return bytes;
  }

  /** Where this text starts in {@link #bytes()}. */
  public int from() {
    return from;
  }

  /** Where {@code hint} first occurs at or after {@code fromIndex}, ignoring case, or -1. */
  int indexOf(AsciiHint hint, int fromIndex) {
    int at = hint.indexIn(bytes, from + fromIndex, from + length);
    return at < 0 ? -1 : at - from;
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
  public AsciiText subSequence(int start, int end) {
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
