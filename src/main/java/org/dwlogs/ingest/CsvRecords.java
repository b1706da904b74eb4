package org.dwlogs.ingest;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Splits a CSV stream into records with OpenCSV's RFC 4180 parser, so that quoted fields may
 * span lines, and recovers from a quote that is never closed.
 *
 * <p>A plain CSV reader that meets a stray opening quote swallows the rest of the file into
 * one field. Here a record may span at most {@code maxLines} lines and
 * {@value #SPAN_FACTOR} times {@code maxBytes} bytes (UTF-8), and a record that spans several
 * lines must have the header's width; a record that breaks either rule is reported as bad on
 * its first line, and the lines after that line are read again as new records. So one bad
 * quote costs one row, never the good rows after it.
 *
 * <p>A record longer than {@code maxBytes} is still one record: it is kept up to that bound,
 * its fields after the cut are absent, and it is flagged truncated. A line longer than the
 * bound is cut as it is read (the rest of it is consumed, only its quotes are counted, to
 * know where the record ends), so memory stays bounded whatever the input.
 */
final class CsvRecords {
  /** How many times the bound a multi-line record may span before its quote counts as bad. */
  static final int SPAN_FACTOR = 4;

  /** One record: its first line number, its fields (null when bad), raw text, and why bad. */
  record Item(long line, String[] fields, String raw, String problem, boolean truncated) {
    Item(long line, String[] fields, String raw, String problem) {
      this(line, fields, raw, problem, false);
    }

    boolean bad() {
      return problem != null;
    }
  }

  /**
   * A physical line, cut at the bound: {@code bytes} is its whole length, {@code text} what
   * was kept, {@code droppedQuotes} counts the quotes after the cut.
   */
  private record Line(long number, String text, long bytes, boolean cut, int droppedQuotes) {}

  private final Reader reader;
  private final int maxLines;
  private final int maxBytes;
  private final Deque<Line> pushback = new ArrayDeque<>();
  private ICSVParser parser = newParser();
  private long lineNumber;
  private int width = -1;
  private boolean eof;
  private final char[] buffer = new char[8192];
  private int bufferPos;
  private int bufferLen;

  CsvRecords(Reader reader, int maxLines, int maxBytes) {
    this.reader = reader;
    this.maxLines = maxLines;
    this.maxBytes = maxBytes;
  }

  /** Sets the width multi-line records must have: the header's. */
  void expectWidth(int width) {
    this.width = width;
  }

  /** The next record, or null at the end of the stream. */
  Item next() throws IOException {
    Line first = nextLine();
    if (first == null) {
      return null;
    }
    List<Line> consumed = new ArrayList<>();
    consumed.add(first);
    StringBuilder kept = new StringBuilder(first.text());
    String[] fields = parser.parseLineMulti(first.text());
    long span = first.bytes();
    boolean truncated = first.cut();
    // Inside a quoted field at the end of the line: the parser knows until the record is cut,
    // then the parity of the quotes after the cut tells.
    boolean inside = parser.isPending() ^ (first.droppedQuotes() % 2 == 1);
    while (inside) {
      Line next = consumed.size() < maxLines && span <= (long) SPAN_FACTOR * maxBytes
          ? nextLine() : null;
      if (next == null) {
        boolean bounded = consumed.size() >= maxLines || span > (long) SPAN_FACTOR * maxBytes;
        return unbalanced(consumed, "a quoted field opened on line " + first.number()
            + " is not closed" + (bounded
                ? " within " + maxLines + " lines or " + (long) SPAN_FACTOR * maxBytes + " bytes"
                : " before the end of the file"));
      }
      consumed.add(next);
      span += next.bytes() + 1;
      if (!truncated && span <= maxBytes && !next.cut()) {
        kept.append('\n').append(next.text());
        fields = concat(fields, parser.parseLineMulti(next.text()));
        inside = parser.isPending();
        continue;
      }
      if (!truncated) {
        // This line crosses the bound: the parser reads what fits, the quotes tell the rest.
        String fit = prefix(next.text(), maxBytes - (kept.length() == 0 ? 0 : Utf8.length(kept) + 1));
        kept.append('\n').append(fit);
        fields = concat(fields, parser.parseLineMulti(fit));
        truncated = true;
        inside = parser.isPending()
            ^ ((quotes(next.text(), fit.length()) + next.droppedQuotes()) % 2 == 1);
        continue;
      }
      inside ^= (quotes(next.text(), 0) + next.droppedQuotes()) % 2 == 1;
    }
    if (truncated) {
      return new Item(first.number(), closePending(fields), kept.toString(), null, true);
    }
    if (consumed.size() > 1 && width >= 0 && fields.length != width) {
      return unbalanced(consumed, "a quoted field opened on line " + first.number()
          + " runs over " + consumed.size() + " lines into a row of " + fields.length
          + " fields, the header has " + width);
    }
    String raw = kept.toString();
    if (consumed.size() > 1 && !wellFormed(raw)) {
      // A stray quote that happened to pair with quotes further down, into the right width:
      // without this check the rows in between would vanish inside one record.
      return unbalanced(consumed, "a quoted field opened on line " + first.number()
          + " runs over " + consumed.size() + " lines, but the row is not well-formed"
          + " (a quote inside a field that is not doubled)");
    }
    return new Item(first.number(), fields, raw, null);
  }

  /**
   * True when every field of {@code row} is either unquoted and holds no quote, or quoted
   * with its inner quotes doubled and its closing quote followed by a comma or the end: RFC
   * 4180 read strictly. Only a row that spans lines has to pass, since only such a row can
   * swallow the rows after a stray quote.
   */
  static boolean wellFormed(String row) {
    int n = row.length();
    int i = 0;
    boolean fieldStart = true;
    while (i < n) {
      char c = row.charAt(i);
      if (fieldStart && c == '"') {
        i++;
        while (true) {
          if (i >= n) {
            return false; // never closed
          }
          if (row.charAt(i++) == '"') {
            if (i < n && row.charAt(i) == '"') {
              i++; // a doubled quote
            } else {
              break;
            }
          }
        }
        if (i < n && row.charAt(i) != ',') {
          return false; // text after the closing quote
        }
        fieldStart = false;
      } else if (c == '"') {
        return false; // a quote inside an unquoted field
      } else {
        fieldStart = c == ',';
        i++;
      }
    }
    return true;
  }

  /** The fields read before the cut, with the field the cut left open closed. */
  private String[] closePending(String[] fields) throws IOException {
    String[] out = fields;
    for (int i = 0; i < 2 && parser.isPending(); i++) {
      out = concat(out, parser.parseLineMulti("\"")); // a cut between doubled quotes needs two
    }
    if (parser.isPending()) {
      parser = newParser();
    }
    if (out.length > 0 && out != fields && out[out.length - 1].endsWith("\n")) {
      String last = out[out.length - 1];
      out[out.length - 1] = last.substring(0, last.length() - 1); // the closer's line break
    }
    return out;
  }

  private Item unbalanced(List<Line> consumed, String problem) {
    // Read again everything after the bad line; the parser's pending state is discarded.
    for (int i = consumed.size() - 1; i >= 1; i--) {
      pushback.addFirst(consumed.get(i));
    }
    parser = newParser();
    Line first = consumed.get(0);
    return new Item(first.number(), null, first.text(), problem);
  }

  private Line nextLine() throws IOException {
    Line pushed = pushback.pollFirst();
    if (pushed != null) {
      return pushed;
    }
    return readLine();
  }

  /**
   * Reads one line (ended by LF, CR LF or a lone CR, like {@code BufferedReader}), keeping
   * at most {@code maxBytes} bytes of it; null at the end of the stream.
   */
  private Line readLine() throws IOException {
    if (eof) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    long droppedBytes = 0;
    boolean cut = false;
    int dropped = 0;
    boolean any = false;
    while (true) {
      int c = read();
      if (c < 0) {
        eof = true;
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        break; // a lone CR ends the line too
      }
      int size = Utf8.size((char) c);
      if (cut) {
        droppedBytes += size;
        if (c == '"') {
          dropped++;
        }
        continue;
      }
      if (bytes + size > maxBytes) {
        cut = true;
        droppedBytes += size;
        if (Character.isLowSurrogate((char) c) && text.length() > 0) {
          text.setLength(text.length() - 1); // half a character is not kept
        }
        if (c == '"') {
          dropped++;
        }
        continue;
      }
      text.append((char) c);
      bytes += size;
    }
    return new Line(++lineNumber, text.toString(), bytes + droppedBytes, cut, dropped);
  }

  private int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      bufferPos++;
    }
    return c;
  }

  private int peek() throws IOException {
    while (bufferPos >= bufferLen) {
      int n = reader.read(buffer, 0, buffer.length);
      if (n < 0) {
        return -1;
      }
      bufferPos = 0;
      bufferLen = n;
    }
    return buffer[bufferPos];
  }

  /** The longest start of {@code s} of at most {@code budget} bytes, whole characters only. */
  private static String prefix(String s, long budget) {
    return s.substring(0, Utf8.prefixChars(s, budget));
  }

  private static int quotes(String s, int from) {
    int n = 0;
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  /** Joins the fields of two reads of one record; the last field of the first continues. */
  private static String[] concat(String[] a, String[] b) {
    if (a.length == 0) {
      return b;
    }
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static ICSVParser newParser() {
    return new RFC4180ParserBuilder().build();
  }
}
