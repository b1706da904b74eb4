package org.dwlogs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The text of a {@link Reader} as a stream of UTF-8 bytes, so that UTF-16 files go through
 * the same byte-based line reader as every other file. Byte offsets are then offsets in
 * this UTF-8 stream, as they are in the decompressed stream for gzip files.
 */
final class Utf8Transcoder extends InputStream {
  private final Reader reader;
  private final char[] chars = new char[8192];
  private byte[] bytes = new byte[0];
  private int next;
  private char carried; // a high surrogate whose low half is in the next read
  private boolean hasCarried;

  Utf8Transcoder(Reader reader) {
    this.reader = reader;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return bytes[next++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, bytes.length - next);
    System.arraycopy(bytes, next, b, off, n);
    next += n;
    return n;
  }

  private boolean fill() throws IOException {
    while (next >= bytes.length) {
      int start = 0;
      if (hasCarried) {
        chars[0] = carried;
        hasCarried = false;
        start = 1;
      }
      int n = reader.read(chars, start, chars.length - start);
      if (n < 0) {
        if (start == 0) {
          return false;
        }
        n = 0; // a lone high surrogate at the end: encoded as '?'
      }
      int count = start + n;
      if (n > 0 && Character.isHighSurrogate(chars[count - 1])) {
        carried = chars[--count];
        hasCarried = true;
      }
      bytes = new String(chars, 0, count).getBytes(StandardCharsets.UTF_8);
      next = 0;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
