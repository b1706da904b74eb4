package org.dwlogs.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A {@link Reader} that decodes its stream a line at a time with {@link LineDecoder}: each
 * line UTF-8, or Windows-1252, or UTF-8 with U+FFFD, and without a byte-order mark at its
 * start. Line ends are passed through as they are.
 */
final class DecodingReader extends Reader {
  private final InputStream in;
  private final LineDecoder decoder = new LineDecoder();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private String text = "";
  private int next;
  private boolean eof;

  DecodingReader(InputStream in) {
    this.in = new BufferedInputStream(in, 64 * 1024);
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (next >= text.length()) {
      if (eof || !fill()) {
        return -1;
      }
    }
    int n = Math.min(len, text.length() - next);
    text.getChars(next, next + n, buf, off);
    next += n;
    return n;
  }

  /** Decodes the next line, with its line end; false at the end of the stream. */
  private boolean fill() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    if (b < 0) {
      eof = true;
      if (line.size() == 0) {
        return false;
      }
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    boolean cr = length > 0 && bytes[length - 1] == '\r';
    String decoded = decoder.decode(bytes, 0, cr ? length - 1 : length);
    text = decoded + (cr ? "\r" : "") + (b < 0 ? "" : "\n");
    next = 0;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
