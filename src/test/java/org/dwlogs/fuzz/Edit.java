package org.dwlogs.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * One byte-level mutation of a record's bytes: a flipped byte, an inserted byte, a line cut
 * short, a line split in two. {@code where} (0 to 1) places it within the editable range;
 * {@code value} is the byte flipped in or inserted.
 */
record Edit(Kind kind, double where, int value) {
  enum Kind { FLIP, INSERT, CUT_LINE, SPLIT_LINE, DELETE }

  /**
   * Applies the edits to {@code bytes}, never touching the first {@code keepHead} bytes or the
   * final line feed: so a unit stays one piece of the file and, for text, keeps its record
   * start where the generator put one.
   */
  static byte[] apply(byte[] bytes, Iterable<Edit> edits, int keepHead) {
    byte[] out = bytes;
    for (Edit e : edits) {
      out = e.apply(out, keepHead);
    }
    return out;
  }

  private byte[] apply(byte[] bytes, int keepHead) {
    int from = Math.min(keepHead, bytes.length - 1);
    int to = bytes.length - 1; // exclusive: the final '\n' stays
    if (to <= from) {
      return bytes;
    }
    int at = from + (int) Math.min(to - from - 1, Math.floor(where * (to - from)));
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1);
    switch (kind) {
      case FLIP -> {
        byte[] copy = bytes.clone();
        copy[at] = (byte) (copy[at] ^ (value == 0 ? 0x20 : value));
        return copy;
      }
      case INSERT -> {
        out.write(bytes, 0, at);
        out.write(value);
        out.write(bytes, at, bytes.length - at);
      }
      case SPLIT_LINE -> {
        out.write(bytes, 0, at);
        out.write('\n');
        out.write(bytes, at, bytes.length - at);
      }
      case DELETE -> {
        out.write(bytes, 0, at);
        out.write(bytes, at + 1, bytes.length - at - 1);
      }
      case CUT_LINE -> {
        int end = at;
        while (end < to && bytes[end] != '\n' && bytes[end] != '\r') {
          end++;
        }
        out.write(bytes, 0, at);
        out.write(bytes, end, bytes.length - end);
      }
    }
    return out.toByteArray();
  }
}
