package org.dwlogs.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What the reader needs to know of a line's bytes before anything else: whether they are all
 * ASCII and whether, before the first byte that is not, there is a control character (C0 other
 * than tab and line ends, or DEL). Read eight bytes at a time: most lines are plain ASCII
 * text, and one test of a word tells that none of its eight bytes is anything else.
 */
final class LineBytes {
  /** {@link #classify}: a byte is not ASCII. */
  static final int NOT_ASCII = 1;
  /** {@link #classify}: a control character comes before any byte that is not ASCII. */
  static final int CONTROL = 2;

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;

  private LineBytes() {}

  /** {@link #NOT_ASCII} and {@link #CONTROL} of {@code bytes[0, length)}. */
  static int classify(byte[] bytes, int length) {
    boolean control = false;
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      long w = (long) WORDS.get(bytes, i);
      if ((w & HIGH_BITS) != 0) {
        break; // a byte that is not ASCII: read this word byte by byte below
      }
      // With every byte below 0x80, these tests are exact for the word as a whole: one byte
      // below 0x20, one byte equal to 0x7F. Only then are its bytes looked at one by one
      // (tabs, say).
      if (!control && (((w - 0x20 * ONES) & ~w & HIGH_BITS) != 0
          || (((w ^ 0x7F * ONES) - ONES) & ~(w ^ 0x7F * ONES) & HIGH_BITS) != 0)) {
        for (int j = i; j < i + Long.BYTES; j++) {
          control |= isControl(bytes[j]);
        }
      }
    }
    for (; i < length; i++) {
      byte b = bytes[i];
      if (b < 0) {
        return NOT_ASCII | (control ? CONTROL : 0);
      }
      control |= isControl(b);
    }
    return control ? CONTROL : 0;
  }

  private static boolean isControl(byte b) {
    return (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
  }
}
