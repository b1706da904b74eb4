package org.dwlogs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.job.ReportJob;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV injection: log messages are attacker-controlled, so a report cell that a spreadsheet
 * would evaluate as a formula is prefixed with {@code '} unless the guard is switched off.
 */
class FormulaGuardTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"x\")";

  @TempDir
  Path tmp;

  @Test
  void cellsThatStartAFormulaGetALeadingApostrophe() {
    assertThat(CsvReportWriter.neutralise("=1+2")).isEqualTo("'=1+2");
    assertThat(CsvReportWriter.neutralise("+1")).isEqualTo("'+1");
    assertThat(CsvReportWriter.neutralise("-1+cmd|' /C calc'!A0")).isEqualTo("'-1+cmd|' /C calc'!A0");
    assertThat(CsvReportWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvReportWriter.neutralise("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvReportWriter.neutralise("\r=1")).isEqualTo("'\r=1");
    assertThat(CsvReportWriter.neutralise(FORMULA)).isEqualTo("'" + FORMULA);
  }

  @Test
  void ordinaryAndEmptyCellsAreLeftAlone() {
    assertThat(CsvReportWriter.neutralise("")).isEmpty();
    assertThat(CsvReportWriter.neutralise(null)).isNull();
    assertThat(CsvReportWriter.neutralise("Response status code: 401")).isEqualTo("Response status code: 401");
    assertThat(CsvReportWriter.neutralise("2026-11-20T01:02:03.456Z")).isEqualTo("2026-11-20T01:02:03.456Z");
    assertThat(CsvReportWriter.neutralise("42")).isEqualTo("42");
    assertThat(CsvReportWriter.neutralise("a=b")).isEqualTo("a=b");
    assertThat(CsvReportWriter.neutralise(" =1")).isEqualTo(" =1");
    assertThat(CsvReportWriter.neutralise("'=1")).isEqualTo("'=1");
  }

  @Test
  void theWriterGuardsEveryCellOnlyWhenTheGuardIsOn() throws IOException {
    assertThat(writeOneRow(true)).endsWith("\r\n'=1,plain,'@x,,'-2,\"'=a,b\"\r\n");
    assertThat(writeOneRow(false)).endsWith("\r\n=1,plain,@x,,-2,\"=a,b\"\r\n");
  }

  private static String writeOneRow(boolean guard) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvReportWriter out = new CsvReportWriter(bytes, ReportTable.UNMATCHED_ERRORS, guard)) {
      out.write("=1", "plain", "@x", "", "-2", "=a,b");
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFormulaInALoggedErrorIsNeutralisedInUnmatchedErrors() throws IOException {
    Map<String, String> row = unmatchedFormulaRow(true);

    assertThat(row.get("example")).startsWith("'=").isEqualTo("'" + FORMULA);
    assertThat(row.get("pattern")).startsWith("'=HYPERLINK(");
  }

  @Test
  void withTheGuardOffTheFormulaIsWrittenAsLogged() throws IOException {
    Map<String, String> row = unmatchedFormulaRow(false);

    assertThat(row.get("example")).startsWith("=").isEqualTo(FORMULA);
    assertThat(row.get("pattern")).startsWith("=HYPERLINK(");
  }

  private Map<String, String> unmatchedFormulaRow(boolean guard) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("service.log"),
        "2026-11-20 01:02:03,456 INFO [DualWriteSync] started\n"
            + "2026-11-20 01:02:04,000 ERROR [DualWriteSync] " + FORMULA + "\n"
            + "Session ID: 4bf3fc02-f6df-4aab-8068-ee14decc3a86\n"
            + "2026-11-20 01:02:05,000 INFO [DualWriteSync] done\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out-" + guard);
    new ReportJob(SPARK.session(), new RunOptions(List.of(in.toString()), out.toString(),
        CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneOffset.UTC, Map.of(), 1.0,
        guard)).run();
    ReportCsv report = ReportCsv.read(out.resolve(ReportTable.UNMATCHED_ERRORS.fileName()));
    assertThat(report.rows()).hasSize(1);
    assertThat(report.rows().get(0).get("occurrences")).isEqualTo("1");
    return report.rows().get(0);
  }
}
