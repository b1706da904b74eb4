package org.dwlogs.ingest;

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
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  /** The line being read, without its line end. */
  private byte[] line = new byte[1024];
  private int lineLength;
  /** The decoded line, then its line end as it was: served in that order. */
  private String text = "";
  private String ending = "";
  private int next;
  private boolean eof;

  DecodingReader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (next >= text.length() + ending.length()) {
      if (eof || !fill()) {
        return -1;
      }
    }
    int n;
    if (next < text.length()) {
      n = Math.min(len, text.length() - next);
      text.getChars(next, next + n, buf, off);
    } else {
      int at = next - text.length();
      n = Math.min(len, ending.length() - at);
      ending.getChars(at, at + n, buf, off);
    }
    next += n;
    return n;
  }

  /** Decodes the next line, and keeps its line end; false at the end of the stream. */
  private boolean fill() throws IOException {
    lineLength = 0;
    boolean newline = false;
    while (!newline) {
      if (position == limit) {
        limit = Math.max(0, in.read(buffer, 0, buffer.length));
        position = 0;
        if (limit == 0) {
          eof = true;
          break;
        }
      }
      int i = position;
      while (i < limit && buffer[i] != '\n') {
        i++;
      }
      append(position, i - position);
      newline = i < limit;
      position = newline ? i + 1 : limit;
    }
    if (!newline && lineLength == 0) {
      return false;
    }
    boolean cr = lineLength > 0 && line[lineLength - 1] == '\r';
    text = decoder.decode(line, 0, cr ? lineLength - 1 : lineLength);
    ending = cr ? (newline ? "\r\n" : "\r") : (newline ? "\n" : "");
    next = 0;
    return true;
  }

  private void append(int from, int length) {
    if (lineLength + length > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(2 * line.length, lineLength + length));
    }
    System.arraycopy(buffer, from, line, lineLength, length);
    lineLength += length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
