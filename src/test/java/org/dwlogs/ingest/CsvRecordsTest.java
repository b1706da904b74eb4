package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvRecords} on its own: RFC 4180 records that span lines, doubled quotes, and the
 * recovery from a quote that is never closed, so that one bad quote costs one row and never
 * the good rows after it.
 */
class CsvRecordsTest {
  private static final int MAX_LINES = 100;
  private static final int MAX_CHARS = 10_000;

  /** Reads every item; the first one is the header and sets the expected width. */
  private static List<CsvRecords.Item> read(String csv, int maxLines, int maxChars)
      throws IOException {
    CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(csv)), maxLines,
        maxChars);
    List<CsvRecords.Item> out = new ArrayList<>();
    for (CsvRecords.Item item = records.next(); item != null; item = records.next()) {
      if (out.isEmpty() && !item.bad()) {
        records.expectWidth(item.fields().length);
      }
      out.add(item);
    }
    return out;
  }

  private static List<CsvRecords.Item> read(String csv) throws IOException {
    return read(csv, MAX_LINES, MAX_CHARS);
  }

  private static List<String> good(List<CsvRecords.Item> items) {
    return items.stream().filter(i -> !i.bad()).map(i -> i.line() + ":" + String.join("|", i.fields()))
        .toList();
  }

  private static List<CsvRecords.Item> bad(List<CsvRecords.Item> items) {
    return items.stream().filter(CsvRecords.Item::bad).toList();
  }

  @Test
  void aQuotedFieldMaySpanLinesAndKeepsItsLineBreak() throws IOException {
    List<CsvRecords.Item> items = read("a,b\n1,\"first\nsecond\"\n2,z\n");

    assertThat(bad(items)).isEmpty();
    assertThat(items).hasSize(3);
    assertThat(items.get(1).line()).isEqualTo(2);
    assertThat(items.get(1).fields()).containsExactly("1", "first\nsecond");
    assertThat(items.get(1).raw()).isEqualTo("1,\"first\nsecond\"");
    // The next record is numbered by its own first line, after the two-line record.
    assertThat(items.get(2).line()).isEqualTo(4);
    assertThat(items.get(2).fields()).containsExactly("2", "z");
  }

  @Test
  void aQuotedFieldSpanningCrlfLinesIsReadLikeLf() throws IOException {
    List<CsvRecords.Item> items = read("a,b\r\n1,\"first\r\nsecond\"\r\n2,z\r\n");

    assertThat(good(items)).containsExactly("1:a|b", "2:1|first\nsecond", "4:2|z");
  }

  @Test
  void doubledQuotesAreOneQuoteInsideAQuotedField() throws IOException {
    List<CsvRecords.Item> items = read("a,b\n1,\"say \"\"hi\"\", then, go\"\n2,\"\"\"\"\n");

    assertThat(bad(items)).isEmpty();
    assertThat(items.get(1).fields()).containsExactly("1", "say \"hi\", then, go");
    assertThat(items.get(2).fields()).containsExactly("2", "\"");
  }

  @Test
  void aQuoteNeverClosedBeforeTheEndOfTheFileCostsOnlyItsOwnLine() throws IOException {
    List<CsvRecords.Item> items = read("a,b\n1,ok\n2,\"oops\n3,fine\n4,good\n");

    assertThat(bad(items)).singleElement().satisfies(b -> {
      assertThat(b.line()).isEqualTo(3);
      assertThat(b.raw()).isEqualTo("2,\"oops");
      assertThat(b.fields()).isNull();
      assertThat(b.problem()).contains("line 3").contains("not closed");
    });
    // The lines after the bad one are read again as records of their own.
    assertThat(good(items)).containsExactly("1:a|b", "2:1|ok", "4:3|fine", "5:4|good");
  }

  @Test
  void anUnclosedQuoteOnTheLastLineIsReportedNotLost() throws IOException {
    List<CsvRecords.Item> items = read("a,b\n1,ok\n2,\"oops");

    assertThat(good(items)).containsExactly("1:a|b", "2:1|ok");
    assertThat(bad(items)).singleElement().satisfies(b -> {
      assertThat(b.line()).isEqualTo(3);
      assertThat(b.raw()).isEqualTo("2,\"oops");
    });
  }

  @Test
  void anUnclosedQuoteInTheMiddleDoesNotSwallowTheRowsAfterIt() throws IOException {
    // Line 2 opens a quote; line 4 has a properly quoted field whose opening quote would
    // close line 2's, so a plain reader would glue lines 2 to 4 into one broken row.
    List<CsvRecords.Item> items = read(
        "a,b,c\n1,\"bad,x\n2,b,c\n3,\"q\",c\n4,b,c\n5,\"multi\nline\",c\n6,b,c\n");

    assertThat(bad(items)).singleElement().satisfies(b -> {
      assertThat(b.line()).isEqualTo(2);
      assertThat(b.raw()).isEqualTo("1,\"bad,x");
    });
    assertThat(good(items)).containsExactly("1:a|b|c", "3:2|b|c", "4:3|q|c", "5:4|b|c",
        "6:5|multi\nline|c", "8:6|b|c");
  }

  @Test
  void aSwallowThatClosesIntoTheWrongWidthIsRejectedAndReread() throws IOException {
    // The quote opened on line 2 closes at the end of line 4: one record of 2 fields where
    // the header has 3. It must not be taken as a row.
    List<CsvRecords.Item> items = read("a,b,c\n1,\"bad,x\n2,b,c\n3,b,c\"\n4,b,c\n");

    assertThat(bad(items)).extracting(CsvRecords.Item::line).startsWith(2L);
    assertThat(bad(items).get(0).problem()).contains("line 2").contains("header has 3");
    assertThat(good(items)).contains("3:2|b|c", "5:4|b|c");
    assertThat(items).noneMatch(i -> !i.bad() && i.line() == 2);
  }

  @Test
  void aQuotedFieldMaySpanAtMostMaxLinesLines() throws IOException {
    String csv = "a,b\n1,\"long\n2,b\n3,c\n4,d\"\n5,e\n";

    // Unbounded, lines 2 to 5 are one valid two-field record.
    assertThat(good(read(csv, MAX_LINES, MAX_CHARS)))
        .containsExactly("1:a|b", "2:1|long\n2,b\n3,c\n4,d", "6:5|e");

    // Bounded to 3 lines, line 2 is bad and the lines after it are rows again.
    List<CsvRecords.Item> bounded = read(csv, 3, MAX_CHARS);
    assertThat(bounded.get(1).bad()).isTrue();
    assertThat(bounded.get(1).line()).isEqualTo(2);
    assertThat(bounded.get(1).problem()).contains("within 3 lines");
    assertThat(good(bounded)).contains("1:a|b", "3:2|b", "4:3|c", "6:5|e");
  }

  @Test
  void aRecordEndingExactlyAtMaxLinesIsStillGood() throws IOException {
    List<CsvRecords.Item> items = read("a,b\n1,\"x\ny\nz\"\n2,w\n", 3, MAX_CHARS);

    assertThat(bad(items)).isEmpty();
    assertThat(good(items)).containsExactly("1:a|b", "2:1|x\ny\nz", "5:2|w");
  }

  @Test
  void aQuotedFieldMaySpanAtMostFourTimesTheBound() throws IOException {
    String big = "y".repeat(200);
    String csv = "a,b\n1,\"x\n" + big + "\n" + big + "\n" + big + "\"\n2,w\n";

    assertThat(bad(read(csv, MAX_LINES, MAX_CHARS))).isEmpty();

    // 606 bytes over 4 lines: more than 4 x 100, so the quote counts as never closed.
    List<CsvRecords.Item> bounded = read(csv, MAX_LINES, 100);
    assertThat(bounded.get(1).bad()).isTrue();
    assertThat(bounded.get(1).line()).isEqualTo(2);
    assertThat(bounded.get(1).problem()).contains("within 100 lines or 400 bytes");
    assertThat(good(bounded)).contains("6:2|w");
  }

  @Test
  void aMultiLineRecordOverTheBoundIsOneRecordCutAtTheBound() throws IOException {
    String big = "y".repeat(120);
    // The record spans 3 lines and 4 + 1 + 120 + 1 + 121 = 247 bytes: over 100, under 400.
    String csv = "a,b\n1,\"x\n" + big + "\n" + big + "\"\n2,w\n";

    List<CsvRecords.Item> items = read(csv, MAX_LINES, 100);

    assertThat(bad(items)).isEmpty();
    assertThat(items).hasSize(3);
    CsvRecords.Item cut = items.get(1);
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.line()).isEqualTo(2);
    assertThat(cut.fields()).containsExactly("1", "x\n" + "y".repeat(95));
    assertThat(items.get(2).line()).isEqualTo(5);
    assertThat(items.get(2).fields()).containsExactly("2", "w");
  }

  @Test
  void aLongLineIsCutInBytesNotCharacters() throws IOException {
    // 60 two-byte characters are 120 bytes: over a 100-byte bound although only 62 chars.
    String wide = "\u00e9".repeat(60);
    List<CsvRecords.Item> items = read("a,b\n1," + wide + "\n2,w\n", MAX_LINES, 100);

    assertThat(items).hasSize(3);
    assertThat(items.get(1).truncated()).isTrue();
    assertThat(items.get(1).fields()).containsExactly("1", "\u00e9".repeat(49));
    assertThat(items.get(2).fields()).containsExactly("2", "w");
  }

  @Test
  void aLongLineCutInsideAQuoteEndsWhereTheQuoteCloses() throws IOException {
    // The cut falls inside the quoted field; its quote closes after the cut on the same line.
    String csv = "a,b,c\n1,\"" + "q".repeat(300) + "\",tail\n2,w,v\n";
    List<CsvRecords.Item> items = read(csv, MAX_LINES, 100);

    assertThat(bad(items)).isEmpty();
    assertThat(items).hasSize(3);
    assertThat(items.get(1).truncated()).isTrue();
    assertThat(items.get(1).fields()).containsExactly("1", "q".repeat(97));
    assertThat(items.get(2).fields()).containsExactly("2", "w", "v");
  }

  @Test
  void anEmptyStreamHasNoRecords() throws IOException {
    assertThat(read("")).isEmpty();
  }
}
