package org.dwlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line as a scheduler sees it: exit codes, one clear line per problem, help. */
class DwlogsCommandTest {
  static final List<String> REPORT_OPTIONS = List.of("--input", "--output", "--catalog",
      "--config", "--format", "--timezone", "--master", "--from", "--to",
      "--max-malformed-ratio", "--[no-]formula-guard");

  @TempDir
  Path tmp;

  /** What one invocation printed and returned. */
  record Run(List<String> args, int code, String out, String err) {
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
    return new Run(List.of(args), code, out.toString(), err.toString());
  }

  /** Runs dwlogs and checks the exit code; on a surprise, shows everything it printed. */
  static Run expectExit(int code, String... args) {
    Run r = run(args);
    assertThat(r.code())
        .withFailMessage("dwlogs %s exited %d, expected %d%n--- stdout ---%n%s%n--- stderr ---%n%s",
            String.join(" ", args), r.code(), code, r.out(), r.err())
        .isEqualTo(code);
    return r;
  }

  /** A usage error: exit 1, one line naming the problem and one pointing at --help. */
  static String expectUsageError(String... args) {
    Run r = expectExit(ExitCodes.USAGE, args);
    assertThat(r.errLines()).as(r.err()).hasSize(2);
    assertThat(r.errLines().get(0)).startsWith("dwlogs: ");
    assertThat(r.errLines().get(1)).contains("--help");
    assertThat(r.out()).isEmpty();
    return r.errLines().get(0);
  }

  // ------------------------------------------------------------------- help --

  @Test
  void helpListsTheCommandsTheirOptionsAndTheExitCodes() {
    Run r = expectExit(ExitCodes.OK, "--help");
    assertThat(r.out()).contains("Usage: dwlogs", "report", "catalog", "--help", "--version",
        "Exit codes: 0 done, 1 usage");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void reportHelpListsEveryOption() {
    Run r = expectExit(ExitCodes.OK, "report", "--help");
    assertThat(r.out()).startsWith("Usage: dwlogs report").contains(REPORT_OPTIONS);
    assertThat(run("help", "report").out()).isEqualTo(r.out());
  }

  @Test
  void versionPrintsTheVersion() {
    assertThat(expectExit(ExitCodes.OK, "--version").out()).startsWith("dwlogs ");
  }

  // ---------------------------------------------------------- usage errors --

  @Test
  void noCommandIsAUsageError() {
    assertThat(expectUsageError()).contains("missing a command");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingIt() {
    assertThat(expectUsageError("report", "--input", "in", "--output", "out", "--bogus"))
        .contains("Unknown option").contains("--bogus");
  }

  @Test
  void aMissingRequiredOptionIsAUsageErrorNamingIt() {
    assertThat(expectUsageError("report", "--output", "out")).contains("--input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus_Mons", "+25:00", "utc+2"})
  void anUnknownTimezoneIsAUsageErrorNamingIt(String zone) {
    assertThat(expectUsageError("report", "--input", "in", "--output", "out", "--timezone", zone))
        .contains("--timezone").contains(zone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "parquet", ""})
  void anUnknownFormatIsAUsageErrorNamingIt(String format) {
    assertThat(expectUsageError("report", "--input", "in", "--output", "out", "--format", format))
        .contains("--format").contains("text, jsonl, json or csv");
  }

  @Test
  void aTimeWindowThatEndsBeforeItStartsIsAUsageError() {
    assertThat(expectUsageError("report", "--input", "in", "--output", "out",
        "--from", "2026-11-21T06:00:00Z", "--to", "2026-11-20")).contains("--from", "--to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-01", "yesterday", "2026-11-20T06:00:00"})
  void aTimeThatIsNeitherADayNorAnInstantWithAZoneIsAUsageError(String time) {
    assertThat(expectUsageError("report", "--input", "in", "--output", "out", "--from", time))
        .contains("--from").contains(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "-0.1", "five percent"})
  void aMalformedRatioOutsideZeroToOneIsAUsageError(String ratio) {
    assertThat(expectUsageError("report", "--input", "in", "--output", "out",
        "--max-malformed-ratio", ratio)).contains("--max-malformed-ratio").contains(ratio);
  }

  // ---------------------------------------------------------------- catalog --

  @Test
  void catalogValidateAcceptsTheBundledCatalogAndListsItsEntries() {
    Run r = expectExit(ExitCodes.OK, "catalog", "validate");
    List<String> ids = CatalogLoader.bundled().signatures().stream().map(Signature::issueId).toList();
    assertThat(ids).hasSizeGreaterThan(90);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(ids.size() + 1);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(lines.get(i)).startsWith(ids.get(i) + " ");
    }
    assertThat(lines.get(ids.size())).contains(ids.size() + " entries, valid");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void catalogValidateAcceptsAValidCatalogFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("ok.yaml"), CATALOG_HEAD + LOGIN_ENTRY + MAP_ENTRY);
    Run r = expectExit(ExitCodes.OK, "catalog", "validate", file.toString());
    assertThat(r.out()).contains("login-refused", "map-create-401", file + ": 2 entries, valid");
  }

  static final String CATALOG_HEAD = "version: 1\nsignatures:\n";
  static final String LOGIN_ENTRY = """
        - issue_id: login-refused
          title: "login.microsoftonline.com refused to connect"
          query: '"login.microsoftonline.com refused to connect"'
          remedy: Sign in from an InPrivate window.
          doc_section: Error when you open the dual-write user interface
      """;
  static final String MAP_ENTRY = """
        - issue_id: map-create-401
          title: "Response status code does not indicate success: 401 (Unauthorized)"
          query: '"status code does not indicate success 401 unauthorized"'
          remedy: Create the table map as the same user who set up the dual-write connection.
          doc_section: Error when you try to create a new table map
      """;

  static Stream<Arguments> brokenCatalogs() {
    return Stream.of(
        Arguments.of("an unbalanced quote in the query",
            MAP_ENTRY.replace("unauthorized\"'", "unauthorized'"), "map-create-401", "query"),
        Arguments.of("a duplicate issue_id", LOGIN_ENTRY.replace("InPrivate", "private"), "login-refused", "duplicate"),
        Arguments.of("an unknown key", MAP_ENTRY.replace("remedy:", "remedies:"),
            "map-create-401", "remedies"),
        Arguments.of("a missing doc_section",
            MAP_ENTRY.replace("    doc_section: Error when you try to create a new table map\n", ""),
            "map-create-401", "doc_section"),
        Arguments.of("an extractor that is not a regular expression",
            MAP_ENTRY + "    extractors:\n      - \"version '(?<solution>[^']+'\"\n",
            "map-create-401", "extractors"),
        Arguments.of("an issue_id that is not lowercase words",
            MAP_ENTRY.replace("issue_id: map-create-401", "issue_id: Map_Create_401"),
            "Map_Create_401", "issue_id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCatalogs")
  void catalogValidateRefusesABrokenCatalogNamingTheEntry(String problem, String entry,
      String names, String mentions) throws IOException {
    assertThat(entry).as("the broken entry differs from the valid ones").isNotIn(LOGIN_ENTRY, MAP_ENTRY);
    Path file = Files.writeString(tmp.resolve("broken.yaml"), CATALOG_HEAD + LOGIN_ENTRY + entry);
    Run r = expectExit(ExitCodes.USAGE, "catalog", "validate", file.toString());
    assertThat(r.errLines()).as(r.err()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("dwlogs: " + file)
        .contains("entry 2").contains(names).contains(mentions);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void catalogValidateOfAMissingFileIsAUsageErrorNamingIt() {
    Path missing = tmp.resolve("no-such-catalog.yaml");
    Run r = expectExit(ExitCodes.USAGE, "catalog", "validate", missing.toString());
    assertThat(r.err()).contains(missing.toString());
  }

  @Test
  void reportWithABrokenCatalogIsAUsageErrorBeforeSparkStarts() throws IOException {
    Path file = Files.writeString(tmp.resolve("broken.yaml"), CATALOG_HEAD + LOGIN_ENTRY + LOGIN_ENTRY);
    Run r = expectExit(ExitCodes.USAGE, "report", "--input", tmp.toString(), "--output",
        tmp.resolve("out").toString(), "--catalog", file.toString());
    assertThat(r.err()).contains(file.toString(), "duplicate").doesNotContain("Spark");
  }

  @Test
  void reportWithABrokenConfigIsAUsageErrorNamingTheFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("dwlogs.yaml"), "text:\n  record_start: '['\n");
    Run r = expectExit(ExitCodes.USAGE, "report", "--input", tmp.toString(), "--output",
        tmp.resolve("out").toString(), "--config", file.toString());
    assertThat(r.err()).contains(file.toString()).doesNotContain("Exception");
  }

  // ----------------------------------------------------------------- report --

  @Test
  void reportOnAMissingInputPathExitsTwoNamingThePathAndWritesNothing() throws IOException {
    Path missing = tmp.resolve("no-such-logs");
    Path output = tmp.resolve("reports");
    Run r = expectExit(ExitCodes.INPUT, "report", "--input", missing.toString(), "--output",
        output.toString(), "--master", "local[1]");
    assertThat(r.err()).contains("dwlogs: input path does not exist: " + missing);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(output).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("no staging folder is left behind").isEmpty();
    }
  }

  @Test
  void reportOnAGlobMatchingNothingExitsTwoWithOneLineNamingTheGlob() throws IOException {
    String glob = tmp.resolve("logs") + "/*/dw-*.log";
    Path output = tmp.resolve("reports");
    Run r = expectExit(ExitCodes.INPUT, "report", "--input", glob, "--output",
        output.toString(), "--master", "local[1]");
    assertThat(r.err().lines().filter(l -> l.contains(glob)))
        .containsExactly("dwlogs: input glob matches no file: " + glob);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(output).doesNotExist();
  }
}
