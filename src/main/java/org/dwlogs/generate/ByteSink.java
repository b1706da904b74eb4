package org.dwlogs.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes text as UTF-8 into a buffer and writes it out in large blocks, counting the bytes
 * exactly (the generator stops a file by its size). Lone surrogates become '?'.
 */
final class ByteSink implements AutoCloseable {
  private static final int FLUSH_AT = 1 << 18;

  private final OutputStream out;
  private byte[] buf = new byte[FLUSH_AT + (1 << 16)];
  private int len;
  private long flushed;

  ByteSink(OutputStream out) {
    this.out = out;
  }

  /** Bytes accepted so far (written out or buffered). */
  long count() {
    return flushed + len;
  }

  private char[] chars = new char[1 << 14];

  void append(String s) throws IOException {
    append(s, s.length());
  }

  void append(StringBuilder s) throws IOException {
    append(s, s.length());
  }

  private void append(CharSequence s, int n) throws IOException {
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    if (s instanceof StringBuilder sb) {
      sb.getChars(0, n, chars, 0);
    } else {
      ((String) s).getChars(0, n, chars, 0);
    }
    char[] cs = chars;
    ensure(n * 3L);
    byte[] b = buf;
    int p = len;
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
        int cp = Character.toCodePoint(c, cs[++i]);
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        b[p++] = '?';
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    len = p;
    if (len >= FLUSH_AT) {
      flush();
    }
  }

  private void ensure(long extra) throws IOException {
    if (len + extra <= buf.length) {
      return;
    }
    flush();
    if (extra > buf.length) {
      buf = new byte[(int) Math.min(Integer.MAX_VALUE - 16, extra + 1024)];
    }
  }

  /** Writes the buffered bytes to the stream. */
  void flush() throws IOException {
    if (len > 0) {
      out.write(buf, 0, len);
      flushed += len;
      len = 0;
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
