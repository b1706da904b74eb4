package org.dwlogs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV dialect of every report: RFC 4180, CRLF, UTF-8 without BOM, a header row. */
class CsvReportWriterTest {
  static final ReportTable DAILY = ReportTable.ISSUE_DAILY; // day, issue_id, occurrences, sessions

  static String written(boolean formulaGuard, String[]... rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvReportWriter out = new CsvReportWriter(bytes, DAILY, formulaGuard)) {
      for (String[] row : rows) {
        out.write(row);
      }
      assertThat(out.rows()).isEqualTo(rows.length);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static String written(String[]... rows) throws IOException {
    return written(true, rows);
  }

  static String[] row(String... cells) {
    return cells;
  }

  @Test
  void aReportWithoutRowsIsItsHeaderEndedByCrlf() throws IOException {
    assertThat(written()).isEqualTo("day,issue_id,occurrences,sessions\r\n");
  }

  @Test
  void everyRowEndsWithCrlfAndPlainCellsAreNotQuoted() throws IOException {
    assertThat(written(row("2026-11-18", "map-create-401", "4", "3"),
        row("2026-11-19", "login-refused", "1", "")))
        .isEqualTo("day,issue_id,occurrences,sessions\r\n"
            + "2026-11-18,map-create-401,4,3\r\n"
            + "2026-11-19,login-refused,1,\r\n");
  }

  @Test
  void aCellWithACommaIsQuoted() throws IOException {
    assertThat(written(row("a,b", "x", "1", "2")))
        .endsWith("\r\n\"a,b\",x,1,2\r\n");
  }

  @Test
  void aQuoteInACellIsDoubledAndTheCellQuoted() throws IOException {
    assertThat(written(row("say \"hi\"", "x", "1", "2")))
        .endsWith("\r\n\"say \"\"hi\"\"\",x,1,2\r\n");
  }

  @Test
  void aCellWithALineBreakIsQuotedAndKeepsItsLineBreak() throws IOException {
    assertThat(written(row("line 1\nline 2", "cr\rhere", "1", "2")))
        .endsWith("\r\n\"line 1\nline 2\",\"cr\rhere\",1,2\r\n");
  }

  @Test
  void writtenRowsReadBackUnchangedWithAnRfc4180Parser() throws Exception {
    String[] tricky = row("Zürich, \"東京\"", "a\r\nb", "", "✓ ünïcödé");
    String csv = written(false, tricky);
    try (CSVReader in = new CSVReaderBuilder(new StringReader(csv))
        .withCSVParser(new RFC4180ParserBuilder().build()).withKeepCarriageReturn(true).build()) {
      List<String[]> all = in.readAll();
      assertThat(all).hasSize(2);
      assertThat(all.get(0)).containsExactly(DAILY.header());
      assertThat(all.get(1)).containsExactly(tricky);
    }
  }

  @Test
  void textIsUtf8WithoutByteOrderMark() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvReportWriter out = new CsvReportWriter(bytes, DAILY)) {
      out.write("Zürich", "東京", "1", "2");
    }
    byte[] b = bytes.toByteArray();
    assertThat(b[0]).as("first byte is the header's 'd', not a BOM").isEqualTo((byte) 'd');
    String expected = "day,issue_id,occurrences,sessions\r\nZürich,東京,1,2\r\n";
    assertThat(b).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theHeaderIsTheTablesColumnContract() throws IOException {
    for (ReportTable t : ReportTable.ALL) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new CsvReportWriter(bytes, t).close();
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .isEqualTo(String.join(",", t.columns()) + "\r\n");
    }
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsRefused() throws IOException {
    try (CsvReportWriter out = new CsvReportWriter(new ByteArrayOutputStream(), DAILY)) {
      assertThatThrownBy(() -> out.write("2026-11-18", "map-create-401", "4"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3 cells").hasMessageContaining("4");
      assertThat(out.rows()).isZero();
    }
  }

  @Test
  void theFormulaGuardQuotesCellsASpreadsheetWouldEvaluate() throws IOException {
    assertThat(written(row("=1+1", "+cmd", "-2", "@SUM(A1)")))
        .endsWith("\r\n'=1+1,'+cmd,'-2,'@SUM(A1)\r\n");
    assertThat(written(row("\tx", "a=b", "1", "2")))
        .endsWith("\r\n'\tx,a=b,1,2\r\n");
  }

  @Test
  void withoutTheFormulaGuardCellsAreWrittenAsTheyAre() throws IOException {
    assertThat(written(false, row("=1+1", "+cmd", "-2", "@SUM(A1)")))
        .endsWith("\r\n=1+1,+cmd,-2,@SUM(A1)\r\n");
  }
}
