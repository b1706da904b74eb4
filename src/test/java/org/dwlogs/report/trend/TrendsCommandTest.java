package org.dwlogs.report.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dwlogs.ReportCsv;
import org.dwlogs.TrendLogs;
import org.dwlogs.cli.DwlogsCommand;
import org.dwlogs.cli.ExitCodes;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * trends.csv, alerts.csv and exit code 6 from real runs of {@code nightly} and
 * {@code report --baseline} on three days of logs with known counts ({@link TrendLogs}): day 3
 * has one issue of each status against days 1 and 2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrendsCommandTest {
  @TempDir
  static Path tmp;
  static Path logs;
  static Path out;

  record Run(int code, String err) {}

  @BeforeAll
  static void threeDaysOfLogs() throws IOException {
    logs = TrendLogs.write(tmp.resolve("logs"));
    out = tmp.resolve("reports");
  }

  static Run run(String command, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = DwlogsCommand.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    String[] all = Stream.concat(Stream.of(command, "--master", "local[2]", "--progress-interval", "0",
        "--catalog", TrendLogs.CATALOG.toString()), Stream.of(args)).toArray(String[]::new);
    return new Run(cmd.execute(all), err.toString());
  }

  static Run expect(int code, String command, String... args) {
    Run r = run(command, args);
    assertThat(r.code()).as("dwlogs %s %s%n%s", command, String.join(" ", args), r.err()).isEqualTo(code);
    return r;
  }

  static Map<String, Map<String, String>> trends(Path folder) {
    ReportCsv csv = ReportCsv.read(folder.resolve(ReportTable.TRENDS.fileName()));
    assertThat(csv.header()).isEqualTo(ReportTable.TRENDS.columns());
    Map<String, Map<String, String>> byIssue = new java.util.TreeMap<>();
    csv.rows().forEach(r -> byIssue.put(r.get("issue_id"), r));
    return byIssue;
  }

  static String row(Map<String, String> r) {
    return String.join(",", ReportTable.TRENDS.columns().stream().skip(1).map(r::get).toList());
  }

  @Test
  @Order(1)
  void threeNightsGiveEachStatusAndFailOnRisingExitsSixNamingTheRisingIssue() throws IOException {
    Run r = expect(ExitCodes.ALERT, "nightly", "--input-root", logs.toString(), "--output-root",
        out.toString(), "--from", "2026-11-01", "--to", "2026-11-03", "--fail-on", "rising");
    // All three days were published before the exit code said so.
    for (String day : TrendLogs.DAYS) {
      assertThat(out.resolve("dt=" + day + "/_SUCCESS")).exists();
      assertThat(out.resolve("dt=" + day + "/report.html")).exists();
    }
    List<String> alertLines = r.err().lines().filter(l -> l.startsWith("dwlogs: alert")).toList();
    assertThat(alertLines).containsExactly("dwlogs: alert (--fail-on rising): 2026-11-03: "
        + "rising-token-refused rising (6 sessions, 6 occurrences, mean 1.00 sessions)");

    // Day 1: nothing earlier, every issue seen is new, and no mean is made up.
    Map<String, Map<String, String>> day1 = trends(out.resolve("dt=2026-11-01"));
    assertThat(day1.keySet()).containsExactly("falling-lookup-missing", "gone-plugin-crash",
        "rising-token-refused", "steady-sync-timeout");
    assertThat(row(day1.get("falling-lookup-missing"))).isEqualTo("8,8,,,,,new,0,");
    // Day 2 against day 1: the same counts are steady.
    Map<String, Map<String, String>> day2 = trends(out.resolve("dt=2026-11-02"));
    assertThat(day2.values()).allSatisfy(t -> assertThat(t.get("status")).isEqualTo("steady"));
    assertThat(row(day2.get("steady-sync-timeout"))).isEqualTo("4,4,4,4,4.00,4.00,steady,1,2026-11-01");
    // Day 3 against days 1 and 2: one issue of each status.
    Map<String, Map<String, String>> day3 = trends(out.resolve("dt=2026-11-03"));
    assertThat(row(day3.get("steady-sync-timeout"))).isEqualTo("5,5,4,4,4.00,4.00,steady,2,2026-11-02");
    assertThat(row(day3.get("rising-token-refused"))).isEqualTo("6,6,1,1,1.00,1.00,rising,2,2026-11-02");
    assertThat(row(day3.get("falling-lookup-missing"))).isEqualTo("2,2,8,8,8.00,8.00,falling,2,2026-11-02");
    assertThat(row(day3.get("gone-plugin-crash"))).isEqualTo("0,0,2,2,2.00,2.00,gone,2,2026-11-02");
    assertThat(row(day3.get("new-quota-exceeded"))).isEqualTo("3,3,0,0,0.00,0.00,new,2,2026-11-02");

    // alerts.csv holds what triggered, on the day it triggered; the other days have none.
    ReportCsv alerts = ReportCsv.read(out.resolve("dt=2026-11-03/alerts.csv"));
    assertThat(alerts.header()).isEqualTo(ReportTable.ALERTS.columns());
    assertThat(alerts.rows()).singleElement().satisfies(a -> {
      assertThat(a.get("issue_id")).isEqualTo("rising-token-refused");
      assertThat(a.get("status")).isEqualTo("rising");
      assertThat(a.get("fail_on")).isEqualTo("rising");
    });
    assertThat(ReportCsv.read(out.resolve("dt=2026-11-01/alerts.csv")).rows()).isEmpty();
    // latest/ is the newest day, its trends included.
    assertThat(out.resolve("latest/trends.csv")).hasSameTextualContentAs(out.resolve("dt=2026-11-03/trends.csv"));
    // The run log says how many earlier days were compared, and which were missing.
    try (Stream<Path> files = Files.list(out.resolve("_logs"))) {
      assertThat(files.findFirst().orElseThrow()).content()
          .contains("2026-11-01: trends against 0 of the 7 days before (no complete report for 2026-10-25,")
          .contains("2026-11-03: trends against 2 of the 7 days before")
          .contains("2026-11-03: alert (--fail-on rising): rising-token-refused rising");
    }
  }

  @Test
  @Order(2)
  void failOnNewNamesOnlyTheNewIssueAndWithoutTheFlagNothingChanges() throws IOException {
    Run r = expect(ExitCodes.ALERT, "nightly", "--input-root", logs.toString(), "--output-root",
        out.toString(), "--date", "2026-11-03", "--fail-on", "new");
    assertThat(r.err()).contains("dwlogs: alert (--fail-on new): 2026-11-03: new-quota-exceeded new")
        .doesNotContain("rising-token-refused rising");
    assertThat(ReportCsv.read(out.resolve("dt=2026-11-03/alerts.csv")).column("status", "issue_id"))
        .containsExactly(Map.entry("new-quota-exceeded", "new"));

    Run any = expect(ExitCodes.ALERT, "nightly", "--input-root", logs.toString(), "--output-root",
        out.toString(), "--date", "2026-11-03", "--fail-on", "any");
    assertThat(ReportCsv.read(out.resolve("dt=2026-11-03/alerts.csv")).column("status", "issue_id"))
        .containsExactly(Map.entry("new-quota-exceeded", "new"), Map.entry("rising-token-refused", "rising"));
    assertThat(any.err()).contains("new-quota-exceeded new", "rising-token-refused rising");

    // Without --fail-on: exit 0, the same trends, no alerts.csv.
    Run plain = expect(ExitCodes.OK, "nightly", "--input-root", logs.toString(), "--output-root",
        out.toString(), "--date", "2026-11-03");
    assertThat(plain.err()).doesNotContain("alert");
    assertThat(out.resolve("dt=2026-11-03/alerts.csv")).doesNotExist();
    assertThat(trends(out.resolve("dt=2026-11-03")).get("rising-token-refused").get("status")).isEqualTo("rising");
  }

  @Test
  @Order(3)
  void reportWithABaselineComparesWithThatFolderAndFailsOnAny() throws IOException {
    Path folder = tmp.resolve("report-d3");
    Run r = expect(ExitCodes.ALERT, "report", "--input", logs.resolve("dt=2026-11-03").toString(),
        "--output", folder.toString(), "--baseline", out.resolve("dt=2026-11-02").toString(),
        "--fail-on", "any");
    assertThat(r.err()).contains("dwlogs: alert (--fail-on any against ")
        .contains("new-quota-exceeded new (3 sessions, 3 occurrences, mean 0.00 sessions), "
            + "rising-token-refused rising (6 sessions, 6 occurrences, mean 1.00 sessions)");
    assertThat(folder.resolve("_SUCCESS")).exists();
    Map<String, Map<String, String>> t = trends(folder);
    assertThat(row(t.get("rising-token-refused"))).isEqualTo("6,6,1,1,1.00,1.00,rising,1,dt=2026-11-02");
    assertThat(row(t.get("gone-plugin-crash"))).isEqualTo("0,0,2,2,2.00,2.00,gone,1,dt=2026-11-02");
    assertThat(ReportCsv.read(folder.resolve("alerts.csv")).rows()).hasSize(2);

    // Without --fail-on: trends.csv, exit 0, no alerts.csv.
    Path plain = tmp.resolve("report-plain");
    expect(ExitCodes.OK, "report", "--input", logs.resolve("dt=2026-11-03").toString(),
        "--output", plain.toString(), "--baseline", out.resolve("dt=2026-11-02").toString());
    assertThat(plain.resolve("trends.csv")).exists();
    assertThat(plain.resolve("alerts.csv")).doesNotExist();
  }

  @Test
  @Order(4)
  void failOnWithoutABaselineIsAUsageErrorAndABadBaselineAnInputError() {
    Run usage = expect(ExitCodes.USAGE, "report", "--input", logs.toString(), "--output",
        tmp.resolve("x").toString(), "--fail-on", "new");
    assertThat(usage.err()).contains("--fail-on needs --baseline DIR");
    Run badValue = expect(ExitCodes.USAGE, "nightly", "--input-root", logs.toString(),
        "--output-root", out.toString(), "--date", "2026-11-03", "--fail-on", "often");
    assertThat(badValue.err()).contains("'often' is not one of new, rising, any");
    Run noBaseline = expect(ExitCodes.INPUT, "report", "--input", logs.toString(), "--output",
        tmp.resolve("y").toString(), "--baseline", tmp.resolve("nothing-here").toString());
    assertThat(noBaseline.err()).contains("nothing-here has no issue_summary.csv");
    assertThat(tmp.resolve("y")).doesNotExist();
  }
}
