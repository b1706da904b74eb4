package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dwlogs.ReportCsv;
import org.dwlogs.cli.DwlogsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad value never fails a run. Each test runs the command line in-process on good
 * records with one or two bad ones between them, and checks that it exits 0 with exactly the
 * good records counted and the bad ones quarantined with their reason.
 */
class OneBadValueReportTest {
  static final String MAP_401 = "map-create-401";

  @TempDir
  Path tmp;

  /** What one run printed and returned. */
  record Run(int code, String err) {}

  static Run report(String... args) {
    StringWriter err = new StringWriter();
    int code = DwlogsCommand.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    return new Run(code, err.toString());
  }

  /**
   * {@code dualwrite-inputs/offset-out-of-range/}, written by hand: timestamps whose offset lies outside
   * the +-18:00 that java.time takes ({@code +25:00}, {@code +18:30}, {@code -18:45},
   * {@code +18:01}), each between good records, all of them {@code map-create-401}.
   * {@code service.log} has 5 text records, the 2nd and 4th bad; {@code events.jsonl} and
   * {@code rows.csv} have 4 records each, the 2nd and 3rd without a readable timestamp.
   * Before the fix, {@code +18:30} threw {@code DateTimeException} in a task: exit 4.
   */
  @Test
  void anOffsetOutsideEighteenHoursIsABadTimestampNotAFailedRun() throws IOException {
    Path out = tmp.resolve("out");
    Run run = report("report", "--master", "local[2]", "--input",
        "src/test/resources/dualwrite-inputs/offset-out-of-range", "--output", out.toString(),
        "--max-malformed-ratio", "0.2");
    assertThat(run.code()).as("exit code; stderr:%n%s", run.err()).isZero();

    Map<String, JsonNode> inputs = MessyLogs.inputsByName(MessyLogs.manifest(out));
    JsonNode text = inputs.get("service.log");
    assertThat(text.get("records").asLong()).isEqualTo(3);
    assertThat(text.get("malformed").asLong()).isEqualTo(2);
    assertThat(text.get("malformed_by_kind").get("bad_timestamp").asLong()).isEqualTo(2);
    for (String name : List.of("events.jsonl", "rows.csv")) {
      JsonNode f = inputs.get(name);
      assertThat(f.get("records").asLong()).as(name).isEqualTo(4);
      assertThat(f.get("malformed").asLong()).as(name).isZero();
      assertThat(f.get("records_without_timestamp").asLong()).as(name).isEqualTo(2);
    }

    ReportCsv quarantine = ReportCsv.read(out.resolve("quarantine/malformed.csv"));
    assertThat(quarantine.rows()).extracting(r -> r.get("kind"))
        .containsExactly("bad_timestamp", "bad_timestamp");
    assertThat(quarantine.rows()).extracting(r -> r.get("reason")).containsExactly(
        "unreadable timestamp '2026-11-20T01:02:04.000+25:00'",
        "unreadable timestamp '2026-11-20T01:02:06.000+18:30'");
    assertThat(quarantine.rows()).allSatisfy(r -> assertThat(r.get("source")).endsWith("service.log"));

    Map<String, String> summary = row(out.resolve("issue_summary.csv"), MAP_401);
    assertThat(summary.get("occurrences")).isEqualTo("11");
    assertThat(summary.get("sessions")).isEqualTo("11");
    String sessions = Files.readString(out.resolve("issue_sessions.csv"), StandardCharsets.UTF_8);
    // The bad text records are quarantined, so their sessions are not counted.
    assertThat(sessions).contains("11111111-1111-4111-8111-111111111111",
        "33333333-3333-4333-8333-333333333333", "55555555-5555-4555-8555-555555555555",
        "77777777-7777-4777-8777-777777777777", "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb")
        .doesNotContain("22222222-2222-4222-8222-222222222222")
        .doesNotContain("44444444-4444-4444-8444-444444444444");
  }

  /**
   * A value that a configured regular expression cannot take: an ID notation and a catalog
   * extractor that recurse once per character (Java's regex engine does so for an
   * alternation under a quantifier) meet a 300,000-character value and overflow the stack.
   * Each such record is quarantined as {@code parse_failure}, in every format, whether it
   * fails in parsing (the ID) or in matching (the extractor); the good records around it are
   * counted and the run exits 0.
   */
  @Test
  void aRecordWhoseParsingOrMatchingFailsIsQuarantinedAndTheRunGoesOn() throws IOException {
    String bomb = "ab".repeat(150_000);
    String good = "Response status code does not indicate success: 401 (Unauthorized).";
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("service.log"), String.join("\n",
        "2026-11-20T01:00:00Z ERROR [Sync] " + good + " session=" + session(1),
        "2026-11-20T01:00:01Z ERROR [Sync] Connection reset, session=" + bomb,
        "2026-11-20T01:00:02Z ERROR [Sync] " + good + " session=" + session(2),
        "2026-11-20T01:00:03Z ERROR [Sync] table map failed: " + bomb,
        "2026-11-20T01:00:04Z ERROR [Sync] " + good + " session=" + session(3), ""),
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("events.jsonl"), String.join("\n",
        "{\"level\":\"Error\",\"message\":\"" + good + "\",\"sessionId\":\"" + session(4) + "\"}",
        "{\"level\":\"Error\",\"message\":\"Connection reset, session=" + bomb + "\"}",
        "{\"level\":\"Error\",\"message\":\"" + good + "\",\"sessionId\":\"" + session(5) + "\"}",
        ""), StandardCharsets.UTF_8);
    Files.writeString(in.resolve("rows.csv"), String.join("\r\n", "Level,Message,Session ID",
        "Error," + good + "," + session(6), "Error,\"Connection reset, session=" + bomb + "\",",
        "Error," + good + "," + session(7), ""), StandardCharsets.UTF_8);
    Path config = tmp.resolve("dwlogs.yaml");
    Files.writeString(config, withSessionNotation(
        Files.readString(Path.of("conf/dwlogs.yaml"), StandardCharsets.UTF_8),
        "(?i)\\bsession=(?<id>(?:[0-9a-f]|-)+)"), StandardCharsets.UTF_8);

    Path out = tmp.resolve("out");
    Run run = report("report", "--master", "local[2]", "--input", in.toString(), "--output",
        out.toString(), "--config", config.toString(), "--catalog",
        "src/test/resources/dualwrite-inputs/pathological-value/catalog.yaml",
        "--max-malformed-ratio", "0.5");
    assertThat(run.code()).as("exit code; stderr:%n%s", run.err()).isZero();

    Map<String, JsonNode> inputs = MessyLogs.inputsByName(MessyLogs.manifest(out));
    assertThat(inputs.get("service.log").get("records").asLong()).isEqualTo(3);
    assertThat(inputs.get("service.log").get("malformed_by_kind").get("parse_failure").asLong())
        .isEqualTo(2);
    for (String name : List.of("events.jsonl", "rows.csv")) {
      assertThat(inputs.get(name).get("records").asLong()).as(name).isEqualTo(2);
      assertThat(inputs.get(name).get("malformed_by_kind").get("parse_failure").asLong())
          .as(name).isEqualTo(1);
    }
    ReportCsv quarantine = ReportCsv.read(out.resolve("quarantine/malformed.csv"));
    assertThat(quarantine.rows()).hasSize(4).allSatisfy(r -> {
      assertThat(r.get("kind")).isEqualTo("parse_failure");
      assertThat(r.get("reason")).isEqualTo("java.lang.StackOverflowError");
      assertThat(r.get("raw")).contains("abab");
    });
    assertThat(quarantine.rows()).extracting(r -> r.get("raw"))
        .anySatisfy(raw -> assertThat(raw).contains("table map failed: abab"));
    assertThat(row(out.resolve("issue_summary.csv"), MAP_401).get("sessions")).isEqualTo("7");
  }

  private static String session(int n) {
    return String.format("%08x-0000-4000-8000-%012x", n, n);
  }

  /** The configuration with {@code regex} as its first session ID notation. */
  private static String withSessionNotation(String yaml, String regex) {
    String marker = "  session:\n";
    assertThat(yaml).contains(marker);
    return yaml.replace(marker, marker + "    - '" + regex + "'\n");
  }

  private static Map<String, String> row(Path report, String issueId) {
    return ReportCsv.read(report).rows().stream()
        .filter(r -> issueId.equals(r.get("issue_id"))).findFirst().orElseThrow();
  }
}
