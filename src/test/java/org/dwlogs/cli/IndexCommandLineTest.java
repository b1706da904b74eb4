package org.dwlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code index}, {@code search} and {@code report --index} as a support engineer runs them. */
class IndexCommandLineTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = DwlogsCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aQueryWithASyntaxErrorIsOneLineThatSaysWhereAndExitsOne() {
    Run r = run("search", "--index", tmp.resolve("none").toString(), "issue_id:(map-create-401 OR");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("dwlogs: query is not valid: ")
        .contains("line 1, column").contains("issue_id:(map-create-401 OR");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void reportTakesEitherInputOrIndex() {
    Run both = run("report", "--input", "in", "--index", "idx", "--output", "out");
    assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.errLines().get(0)).contains("--input and --index are mutually exclusive");
    Run neither = run("report", "--output", "out");
    assertThat(neither.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.errLines().get(0)).contains("--input");
    Run format = run("report", "--index", "idx", "--output", "out", "--format", "csv");
    assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(format.errLines().get(0)).contains("--format");
  }

  @Test
  void searchingAMissingIndexIsAnInputError() {
    Run r = run("search", "--index", tmp.resolve("none").toString(), "level:error",
        "--master", "local[1]");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).contains("no dwlogs index at");
  }

  @Test
  void indexThenSearchThenReportFromTheIndex() throws IOException {
    String index = tmp.resolve("index").toString();
    Run indexed = run("index", "--input", "sample-logs", "--index", index, "--master", "local[2]");
    assertThat(indexed.code()).as(indexed.err()).isEqualTo(ExitCodes.OK);
    com.fasterxml.jackson.databind.JsonNode truth = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(java.nio.file.Path.of("src/test/resources/sample-truth/truth.json").toFile());
    assertThat(indexed.err()).contains("indexed " + truth.get("files").size() + " files");
    Run again = run("index", "--input", "sample-logs", "--index", index, "--append",
        "--master", "local[2]");
    assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
    assertThat(again.err()).contains("nothing new to index");

    Run found = run("search", "--index", index, "issue_id:map-create-401", "--limit", "3",
        "--master", "local[2]");
    assertThat(found.code()).as(found.err()).isEqualTo(ExitCodes.OK);
    // The true counts of sample-logs, written by their generator.
    com.fasterxml.jackson.databind.JsonNode map401 = truth.get("issues").get("map-create-401");
    long hits = map401.get("occurrences").asLong();
    assertThat(found.out()).contains(String.format("hits:       %d", hits),
        String.format("sessions:   %d", map401.get("distinct_sessions").asLong()),
        String.format("activities: %d", map401.get("distinct_activities").asLong()),
        String.format("2026-11-19%10d hits", map401.get("by_utc_day").get("2026-11-19").asLong()),
        "newest 3 of " + hits + ":", map401.get("last_timestamp").asText());
    assertThat(found.out().lines().filter(l -> l.startsWith("  2026-11-2")).count())
        .isGreaterThanOrEqualTo(3);

    Path reports = tmp.resolve("reports");
    Run report = run("report", "--index", index, "--output", reports.toString(),
        "--master", "local[2]");
    assertThat(report.code()).as(report.err()).isEqualTo(ExitCodes.OK);
    for (String f : List.of("issue_summary.csv", "issue_daily.csv", "issue_sessions.csv",
        "version_mismatch.csv", "unmatched_errors.csv")) {
      assertThat(reports.resolve(f)).as(f)
          .hasSameBinaryContentAs(Path.of("src/test/resources/expected/sample-logs", f));
    }
    assertThat(Files.readString(reports.resolve("run_manifest.json"))).contains("\"index\"");
  }
}
