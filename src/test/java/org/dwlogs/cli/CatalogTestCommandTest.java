package org.dwlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.cli.DwlogsCommandTest.expectExit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dwlogs catalog test MESSAGES}: every mismatch printed, exit 1 on any. */
class CatalogTestCommandTest {
  @TempDir
  Path tmp;

  String catalog;

  @BeforeEach
  void writeCatalog() throws IOException {
    catalog = Files.writeString(tmp.resolve("catalog.yaml"), ExplainCommandTest.CATALOG).toString();
  }

  private Path messages(String yaml) throws IOException {
    return Files.writeString(tmp.resolve("messages.yaml"), yaml);
  }

  static final String GOOD = """
      - id: write-verbatim
        source: "documented"
        expect: write-general
        text: "Unable to write data to entity custcustomerv3entity."
        extract: {entity: custcustomerv3entity}
      - id: write-task
        expect: write-task
        text: |-
          Unable to write data to entity msdyn_expenses.
          Could not resolve project task
      - id: status-in-context
        expect: status-401
        text: "Response status code does not indicate success: 401 (Unauthorized)."
        context: "DualWriteSync"
      - id: status-other-product
        source: "other-product: an Azure SDK client"
        expect: none
        text: "Response status code does not indicate success: 401 (Unauthorized)."
      """;

  @Test
  void aFileThatMatchesAsExpectedExitsZeroWithASummary() throws IOException {
    Path file = messages(GOOD);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.OK, "catalog", "test", "--catalog", catalog,
        file.toString());
    assertThat(r.out().lines().toList()).containsExactly(
        file + ": 4 messages, 0 mismatches (catalog " + catalog + ")");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void printsEveryMismatchWithExpectedGotAndTheDifferingValues() throws IOException {
    Path file = messages(GOOD
        .replace("extract: {entity: custcustomerv3entity}", "extract: {entity: CustCustomerV3Entity}")
        .replace("context: \"DualWriteSync\"", "context: \"HttpClient\"")
        + """
        - id: near-miss-that-matches
          expect: none
          text: "Unable to write data to entity x"
        - id: expected-the-general-one
          expect: write-general
          text: "Unable to write data to entity y. Could not resolve project task"
        """);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "catalog", "test", "--catalog", catalog,
        file.toString());
    assertThat(r.out().lines().toList()).containsExactly(
        "write-verbatim: expected write-general, got write-general",
        "  entity: expected 'CustCustomerV3Entity', got 'custcustomerv3entity'",
        "status-in-context: expected status-401, got none",
        "near-miss-that-matches: expected none, got write-general",
        "expected-the-general-one: expected write-general, got write-task",
        file + ": 6 messages, 4 mismatches (catalog " + catalog + ")");
  }

  @Test
  void aValueTheExtractorsDoNotReturnIsAMismatch() throws IOException {
    Path file = messages("""
        - id: w
          expect: write-general
          text: "Unable to write data to entity custcustomerv3entity."
          extract: {entity: custcustomerv3entity, field: accountnum}
        """);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "catalog", "test", "--catalog", catalog,
        file.toString());
    assertThat(r.out().lines().toList()).containsExactly(
        "w: expected write-general, got write-general",
        "  field: expected 'accountnum', got (none)",
        file + ": 1 message, 1 mismatch (catalog " + catalog + ")");
  }

  @Test
  void theConfigurationsContextRuleDecidesForGenericEntries() throws IOException {
    Path file = messages(GOOD);
    // The bundled configuration, less the pattern that finds "DualWriteSync".
    String bundled = Files.readString(Path.of("conf/dwlogs.yaml"));
    assertThat(bundled).contains("    - 'dual[-_ ]?write'");
    Path config = Files.writeString(tmp.resolve("dwlogs.yaml"),
        bundled.replace("    - 'dual[-_ ]?write'", "    - 'never-seen-word'"));
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "catalog", "test", "--catalog", catalog,
        "--config", config.toString(), file.toString());
    assertThat(r.out()).contains("status-in-context: expected status-401, got none",
        "4 messages, 1 mismatch");
  }

  @Test
  void theBundledCatalogIsTheDefault() throws IOException {
    Path file = messages("""
        - id: login
          expect: login-refused
          text: "login.microsoftonline.com refused to connect."
          context: DualWriteAdmin
        """);
    assertThat(expectExit(ExitCodes.OK, "catalog", "test", file.toString()).out())
        .contains("1 message, 0 mismatches (catalog conf/signatures.yaml (bundled))");
  }

  private String malformed(String yaml) throws IOException {
    Path file = messages(yaml);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "catalog", "test", "--catalog", catalog,
        file.toString());
    assertThat(r.errLines()).as(r.err()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("dwlogs: " + file + ": ");
    assertThat(r.out()).isEmpty();
    return r.errLines().get(0);
  }

  @Test
  void aMalformedFileGetsOneLineNamingTheFileAndItem() throws IOException {
    assertThat(malformed("- id: a\n  expect: none\n  text: \"unclosed\n")).contains("not valid YAML");
    assertThat(malformed("id: a\nexpect: none\n")).contains("a non-empty list of items");
    assertThat(malformed("- id: a\n  expect: none\n  text: x\n- id: b\n  text: y\n"))
        .contains("item 2 'b': missing 'expect'");
    assertThat(malformed("- id: a\n  expect: none\n")).contains("item 1 'a': missing 'text'");
    assertThat(malformed("- expect: none\n  text: x\n")).contains("item 1: missing 'id'");
    assertThat(malformed("- id: a\n  expect: write-generall\n  text: x\n"))
        .contains("item 1 'a': expect names 'write-generall', which is no entry of the catalog");
    assertThat(malformed("- id: a\n  expect: none\n  text: x\n- id: a\n  expect: none\n  text: y\n"))
        .contains("item 2 'a': duplicate id (also item 1)");
    assertThat(malformed("- id: a\n  expcet: none\n  text: x\n")).contains("item 1 'a': unknown key 'expcet'");
    assertThat(malformed("- id: a\n  expect: write-general\n  text: x\n  extract: {entity_name: x}\n"))
        .contains("item 1 'a': extract entity_name is not a value the extractors fill");
  }

  @Test
  void aMissingMessagesFileIsNamed() {
    Path missing = tmp.resolve("none.yaml");
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "catalog", "test", missing.toString());
    assertThat(r.err()).contains(missing.toString(), "cannot read the messages file");
  }
}
