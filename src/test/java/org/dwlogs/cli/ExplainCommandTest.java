package org.dwlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.cli.DwlogsCommandTest.expectExit;
import static org.dwlogs.cli.DwlogsCommandTest.expectUsageError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dwlogs explain TEXT}: what a catalog author reads when a message does not match. */
class ExplainCommandTest {
  /** A small catalog: a general write failure, a more specific one, a generic status line. */
  static final String CATALOG = """
      version: 1
      signatures:
        - issue_id: write-general
          title: "Unable to write data to entity <entity>"
          query: '"unable to write data to entity"'
          remedy: r
          doc_section: d
          extractors: ['unable to write data to entity (?<entity>[a-z0-9_]+)']
        - issue_id: write-task
          title: "Unable to write data to entity <entity>. ... Could not resolve project task"
          query: '"unable to write data to entity" AND "could not resolve project task"'
          overrides: [write-general]
          remedy: r
          doc_section: d
        - issue_id: status-401
          title: "Response status code does not indicate success: 401 (Unauthorized)."
          query: '"status code does not indicate success 401 unauthorized"'
          generic: true
          remedy: r
          doc_section: d
        - issue_id: token-ax
          title: "Error from token exchange ... dynamicsax"
          query: '"error from token exchange" AND dynamicsax AND -dynamicscrmonline'
          remedy: r
          doc_section: d
      """;

  @TempDir
  Path tmp;

  String catalog;

  @BeforeEach
  void writeCatalog() throws IOException {
    catalog = Files.writeString(tmp.resolve("catalog.yaml"), CATALOG).toString();
  }

  private List<String> explain(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "explain";
    all[1] = "--catalog";
    all[2] = catalog;
    System.arraycopy(args, 0, all, 3, args.length);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.OK, all);
    assertThat(r.err()).isEmpty();
    return r.out().lines().toList();
  }

  @Test
  void printsTheMessageItsTokensInOrderAndWhatCountsIt() {
    List<String> lines = explain("Unable", "to", "write", "data", "to", "entity", "custcustomerv3entity.",
        "It", "doesn't", "exist");
    assertThat(lines).containsExactly(
        "message: Unable to write data to entity custcustomerv3entity. It doesn't exist",
        "tokens (11): unable to write data to entity custcustomerv3entity it does not exist",
        "dual-write context: no",
        "pre-filter: 1 of 4 entries may match",
        "  write-general: matches",
        "counted (1):",
        "  write-general: entity=custcustomerv3entity");
  }

  @Test
  void namesAPhraseWhoseTermsAreAllThereButNotInThisOrder() {
    // The pre-filter already dismisses it (the phrase's words are not in a row); --entry shows why.
    assertThat(explain("--entry", "write-task",
        "Unable to write data to entity msdyn_expenses. Could not resolve the project task"))
        .contains("  write-task: dismissed by the pre-filter; does not match: MUST \"could not resolve project task\" does not "
            + "match (all its terms are there, but not in this order)");
  }

  @Test
  void namesAnExcludedClauseThatMatches() {
    assertThat(explain("Error from token exchange: connection dynamicsax and dynamicscrmonline"))
        .contains("  token-ax: does not match: MUST_NOT dynamicscrmonline matches, and excludes the message",
            "counted: none");
  }

  @Test
  void saysAMoreSpecificEntryOverridesTheGeneralOne() {
    List<String> lines = explain("Unable to write data to entity msdyn_expenses. Could not resolve project task 42");
    assertThat(lines).contains(
        "  write-general: matches; overridden by write-task: not counted",
        "  write-task: matches",
        "counted (1):",
        "  write-task");
  }

  @Test
  void saysAGenericEntryOutOfDualWriteContextIsNotCounted() {
    List<String> lines = explain("Response status code does not indicate success: 401 (Unauthorized).");
    assertThat(lines).contains("dual-write context: no",
        "  status-401: matches; generic, and the record is out of dual-write context: not counted",
        "counted: none");
  }

  @Test
  void countsAGenericEntryInContextAndSaysWhichPatternFoundItWhere() {
    List<String> lines = explain("--context", "[DualWriteSync] host dw-01",
        "Response status code does not indicate success: 401 (Unauthorized).");
    assertThat(lines).contains("dual-write context: yes: 'dual[-_ ]?write' found in --context",
        "  status-401: matches; generic, in dual-write context",
        "counted (1):", "  status-401");
  }

  @Test
  void findsDualWriteContextInTheMessageItself() {
    assertThat(explain("Table map sync: Response status code does not indicate success: 401 (Unauthorized)."))
        .contains("dual-write context: yes: '\\b(?:table|entity)[ _-]?maps?\\b' found in the message",
            "  status-401: matches; generic, in dual-write context");
  }

  @Test
  void explainsAnEntryThePreFilterDismissesWhenAskedFor() {
    List<String> lines = explain("--entry", "status-401", "Unable to write data to entity x");
    assertThat(lines).contains("pre-filter: 1 of 4 entries may match",
        "  status-401: generic; dismissed by the pre-filter; does not match: \"status code does not "
            + "indicate success 401 unauthorized\" does not match (absent: status, code, does, "
            + "not, indicate, success, 401, unauthorized)");
    assertThat(explain("Unable to write data to entity x")).noneMatch(l -> l.contains("status-401"));
  }

  @Test
  void namesWhyEachAlternativeOfADisjunctionFails() throws IOException {
    catalog = Files.writeString(tmp.resolve("or.yaml"), """
        version: 1
        signatures:
          - issue_id: change-tracking
            title: "Change tracking is not enabled for table <table>"
            query: '"ct 0042" OR "change tracking is not enabled" OR (tracking AND -change)'
            remedy: r
            doc_section: d
        """).toString();
    assertThat(explain("--entry", "change-tracking", "Table CustTable: change tracking is disabled"))
        .containsSubsequence(
            "  change-tracking: does not match: (\"ct 0042\" "
                + "\"change tracking is not enabled\" (+tracking -change)) does not match (none of "
                + "its 3 optional clauses matches)",
            "      SHOULD \"ct 0042\" does not match (absent: ct, 0042)",
            "      SHOULD \"change tracking is not enabled\" does not match (absent: not, enabled)",
            "      MUST_NOT change matches, and excludes the message",
            "counted: none");
  }

  @Test
  void aMessageNothingMatchesExitsZero() {
    assertThat(explain("Health check OK")).containsExactly("message: Health check OK",
        "tokens (3): health check ok", "dual-write context: no", "pre-filter: 0 of 4 entries may match",
        "counted: none");
  }

  @Test
  void usageErrorsExitOne() {
    assertThat(expectUsageError("explain")).contains("missing the message");
    assertThat(expectUsageError("explain", "--file", "x.log", "some text")).contains("not both");
    assertThat(expectUsageError("explain", "--line", "3", "some text")).contains("--file only");
    assertThat(expectUsageError("explain", "--file", "x.log", "--line", "1", "--offset", "0"))
        .contains("mutually exclusive");
    assertThat(expectUsageError("explain", "--file", "x.log", "--line", "0")).contains("--line must be 1");
    assertThat(expectUsageError("explain", "--file", "x.log", "--context", "c")).contains("--context");
    assertThat(expectUsageError("explain", "--catalog", catalog, "--entry", "nowhere", "text"))
        .contains("--entry nowhere: no such entry");
  }

  @Test
  void aBrokenCatalogIsAUsageErrorNamingIt() throws IOException {
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), CATALOG.replace("doc_section:", "section:"));
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "explain", "--catalog", broken.toString(), "x");
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(broken.toString(), "unknown key 'section'");
  }
}
