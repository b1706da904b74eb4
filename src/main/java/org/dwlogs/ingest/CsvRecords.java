package org.dwlogs.ingest;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
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
 * one field. Here a record may span at most {@code maxLines} lines and {@code maxChars}
 * characters, and a record that spans several lines must have the header's width; a record
 * that breaks either rule is reported as bad on its first line, and the lines after that
 * line are read again as new records. So one bad quote costs one row, never the good rows
 * after it.
 */
final class CsvRecords {
  /** One record: its first line number, its fields (null when bad), raw text, and why bad. */
  record Item(long line, String[] fields, String raw, String problem) {
    boolean bad() {
      return problem != null;
    }
  }

  private record Line(long number, String text) {}

  private final BufferedReader reader;
  private final int maxLines;
  private final int maxChars;
  private final Deque<Line> pushback = new ArrayDeque<>();
  private ICSVParser parser = newParser();
  private long lineNumber;
  private int width = -1;

  CsvRecords(BufferedReader reader, int maxLines, int maxChars) {
    this.reader = reader;
    this.maxLines = maxLines;
    this.maxChars = maxChars;
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
    String[] fields = parser.parseLineMulti(first.text());
    int chars = first.text().length();
    while (parser.isPending()) {
      Line next = consumed.size() < maxLines && chars <= maxChars ? nextLine() : null;
      if (next == null) {
        return unbalanced(consumed, "a quoted field opened on line " + first.number()
            + " is not closed" + (consumed.size() >= maxLines || chars > maxChars
                ? " within " + maxLines + " lines or " + maxChars + " characters"
                : " before the end of the file"));
      }
      consumed.add(next);
      chars += next.text().length() + 1;
      String[] more = parser.parseLineMulti(next.text());
      fields = concat(fields, more);
    }
    if (consumed.size() > 1 && width >= 0 && fields.length != width) {
      return unbalanced(consumed, "a quoted field opened on line " + first.number()
          + " runs over " + consumed.size() + " lines into a row of " + fields.length
          + " fields, the header has " + width);
    }
    String raw = raw(consumed);
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
    String text = reader.readLine();
    return text == null ? null : new Line(++lineNumber, text);
  }

  private static String raw(List<Line> lines) {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l.text());
    }
    return sb.toString();
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
