package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stray quote whose span over the lines below happens to close into a row of the header's
 * width (a sample that {@code NothingCrashesProperties} found): the rows in between must not
 * vanish inside that one record.
 */
class CsvStrayQuoteTest {
  private static List<CsvRecords.Item> read(String csv) throws IOException {
    CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(csv)), 100, 10_000);
    List<CsvRecords.Item> out = new ArrayList<>();
    for (CsvRecords.Item item = records.next(); item != null; item = records.next()) {
      if (out.isEmpty()) {
        records.expectWidth(item.fields().length);
      }
      out.add(item);
    }
    return out;
  }

  @Test
  void aStrayQuoteThatClosesIntoTheHeaderWidthDoesNotSwallowTheRowsBelowIt() throws IOException {
    // Line 2 is a damaged row (its timestamp cut to a lone quote, a line break inserted): its
    // quotes pair up with those of lines 3 to 5 into six fields, the header's width. Lines 4
    // and 5 are a good row with a quoted field over two lines; it must still be read.
    String csv = "timestamp,level,component,message,sessionId,activityId\n"
        + "\"\"\",\"Debug\",\"DualWriteSync\",\"Sync completed for\n"
        + " table map Customers V3 in 120 ms, 42 rows\",\"s-bad\",\"a-bad\"\n"
        + "\"2026-11-20T00:01:30.090Z\",\"ERROR\",\"DualWriteSync\",\"Unable to sync.\n"
        + "   at Foo.Bar() line 12\",\"s-good\",\"a-good\"\n";
    List<CsvRecords.Item> items = read(csv);

    // Line 3, the damaged row's second half, is read again on its own (as a row of its own).
    assertThat(items).extracting(CsvRecords.Item::line).containsExactly(1L, 2L, 3L, 4L);
    CsvRecords.Item good = items.get(3);
    assertThat(good.bad()).isFalse();
    assertThat(good.fields()).containsExactly("2026-11-20T00:01:30.090Z", "ERROR",
        "DualWriteSync", "Unable to sync.\n   at Foo.Bar() line 12", "s-good", "a-good");
    assertThat(items.get(1).bad()).isTrue();
    assertThat(items.get(1).line()).isEqualTo(2);
  }

  @Test
  void aWellFormedQuotedFieldOverSeveralLinesIsStillOneRow() throws IOException {
    String csv = "ts,message,session\n"
        + "t1,\"first line\nsecond \"\"quoted\"\" line\",s1\n"
        + "t2,plain,s2\n";
    List<CsvRecords.Item> items = read(csv);

    assertThat(items).hasSize(3).noneMatch(CsvRecords.Item::bad);
    assertThat(items.get(1).fields()).containsExactly("t1", "first line\nsecond \"quoted\" line", "s1");
    assertThat(items.get(2).line()).isEqualTo(4);
  }

  @Test
  void wellFormedReadsRfc4180Strictly() {
    assertThat(CsvRecords.wellFormed("a,\"b\nc\",d")).isTrue();
    assertThat(CsvRecords.wellFormed("\"\",\"x\"\"y\",")).isTrue();
    assertThat(CsvRecords.wellFormed("a,b\"c,d")).isFalse();
    assertThat(CsvRecords.wellFormed("a,\"b\"c,d")).isFalse();
    assertThat(CsvRecords.wellFormed("a,\"b")).isFalse();
  }
}
