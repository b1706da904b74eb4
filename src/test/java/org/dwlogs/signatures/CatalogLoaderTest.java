package org.dwlogs.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dwlogs.config.ConfigException;
import org.dwlogs.config.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
  @TempDir Path dir;

  private static Path fixture(String name) {
    try {
      return Path.of(CatalogLoaderTest.class.getResource("/catalog/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Catalog load(String name) {
    return CatalogLoader.load(SourceFiles.file(fixture(name)));
  }

  private Catalog loadText(String yaml) throws IOException {
    Path file = dir.resolve("catalog.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return CatalogLoader.load(SourceFiles.file(file));
  }

  @Test
  void loadsTheBundledCatalog() {
    Catalog catalog = CatalogLoader.bundled();
    assertThat(catalog.signatures()).extracting(Signature::issueId)
        .contains("map-create-401", "solution-version-mismatch", "login-refused")
        .doesNotHaveDuplicates().isSorted();
  }

  @Test
  void namesTheBundledCatalogAsBundled() {
    assertThat(CatalogLoader.bundled().source()).isEqualTo("conf/signatures.yaml (bundled)");
  }

  @Test
  void loadsAValidCatalogSortedByIssueId() {
    assertThat(load("valid.yaml").signatures()).extracting(Signature::issueId)
        .containsExactly("map-create-401", "module-unavailable", "solution-version-mismatch");
  }

  @Test
  void loadsEveryFieldOfAnEntry() {
    Signature s = load("valid.yaml").signatures().get(0);
    assertThat(s).isEqualTo(new Signature("map-create-401",
        "Response status code does not indicate success: 401 (Unauthorized)",
        "\"status code does not indicate success 401 unauthorized\"",
        "Create the table map as the same user who set up dual-write.",
        "The same user that set up dual-write", "Error when you try to create a new table map",
        false, null, java.util.List.of()));
  }

  @Test
  void loadsAnInferredEntryWithItsReason() {
    Signature s = load("valid.yaml").signatures().get(1);
    assertThat(new Object[] {s.inferred(), s.inferredReason()}).containsExactly(true,
        "The page quotes no message; the query looks for the symptom.");
  }

  @Test
  void loadsExtractors() {
    Signature s = load("valid.yaml").signatures().get(2);
    assertThat(s.extractors()).hasSize(1).first().extracting(Extractor::regex)
        .asString().contains("(?<solution>").contains("(?<requiredVersion>");
  }

  @Test
  void recordsTheSha256OfTheFileBytes() throws Exception {
    byte[] bytes = Files.readAllBytes(fixture("valid.yaml"));
    String expected = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(load("valid.yaml").sha256()).isEqualTo(expected);
  }

  @Test
  void namesTheFileEntryAndColumnOfAQuerySyntaxError() {
    assertThatThrownBy(() -> load("syntax-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("syntax-bad.yaml")
        .hasMessageContaining("entry 2 'broken-query'")
        .hasMessageContaining("query is not valid Lucene syntax")
        .hasMessageContaining("column");
  }

  @Test
  void namesTheColumnOfASyntaxErrorInAMultiLineQuery() {
    assertThatThrownBy(() -> load("syntax-multiline-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 1 'broken-block-query'")
        .hasMessageContaining("query is not valid Lucene syntax")
        .hasMessageContaining("Encountered \"<EOF>\"")
        .hasMessageContaining("column 46");
  }

  private static String entry(String id, String query, String extra) {
    return "  - issue_id: " + id + "\n    title: t\n    query: '" + query + "'\n    remedy: r\n"
        + "    doc_section: d\n" + extra;
  }

  @Test
  void readsTheKeysOfTheWholeSeries() throws IOException {
    Catalog c = loadText("version: 1\nsignatures:\n"
        + entry("general-write", "\"unable to write data\"", "    category: live-sync\n"
            + "    doc_url: https://learn.microsoft.com/dynamics365/x#y\n    references: [VER-01]\n")
        + entry("specific-write", "\"unable to write data\" AND uoms", "    generic: true\n"
            + "    references: [PRO-02, PRO-03]\n    overrides: [general-write]\n"));
    Signature general = c.signatures().get(0);
    Signature specific = c.signatures().get(1);
    assertThat(general.category()).isEqualTo("live-sync");
    assertThat(general.docUrl()).isEqualTo("https://learn.microsoft.com/dynamics365/x#y");
    assertThat(general.generic()).isFalse();
    assertThat(specific.references()).containsExactly("PRO-02", "PRO-03");
    assertThat(specific.generic()).isTrue();
    assertThat(specific.overrides()).containsExactly("general-write");
  }

  @Test
  void rejectsAReferenceCoveredByTwoEntries() {
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    references: [ISY-03]\n")
        + entry("two", "b", "    references: [ISY-04, ISY-03]\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entries 'one' and 'two' both cover reference 'ISY-03'");
  }

  @Test
  void rejectsAnOverrideOfAnUnknownEntry() {
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    overrides: [nowhere]\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 'one': overrides names 'nowhere', which is no entry");
  }

  @Test
  void rejectsOverridesThatFormACycle() {
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    overrides: [two]\n")
        + entry("two", "b", "    overrides: [three]\n")
        + entry("three", "c", "    overrides: [one]\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("overrides form a cycle back to itself");
  }

  @Test
  void rejectsBadValuesOfTheNewKeys() {
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    category: Live Sync\n")))
        .hasMessageContaining("entry 1 'one': category must be lowercase words");
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    doc_url: learn.microsoft.com\n")))
        .hasMessageContaining("doc_url must be an https:// address");
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    generic: maybe\n")))
        .hasMessageContaining("generic must be true or false");
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    references: ISY-01\n")))
        .hasMessageContaining("references must be a list");
    assertThatThrownBy(() -> loadText("version: 1\nsignatures:\n"
        + entry("one", "a", "    overrides: [one]\n")))
        .hasMessageContaining("cannot override itself");
  }

  @Test
  void rejectsADuplicateIssueId() {
    assertThatThrownBy(() -> load("duplicate-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("duplicate-bad.yaml")
        .hasMessageContaining("entry 2: duplicate issue_id 'login-refused'");
  }

  @Test
  void rejectsAnUnknownKeyInAnEntry() {
    assertThatThrownBy(() -> load("unknown-key-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 1 'login-refused': unknown key 'severity'");
  }

  @Test
  void rejectsAnUnknownTopLevelKey() {
    assertThatThrownBy(() -> loadText("version: 1\nentries: []\nsignatures: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the top level: unknown key 'entries'");
  }

  @Test
  void rejectsAMissingRequiredField() {
    assertThatThrownBy(() -> load("missing-field-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing-field-bad.yaml")
        .hasMessageContaining("entry 1 'login-refused': missing field 'remedy'");
  }

  @Test
  void rejectsABlankRequiredField() {
    assertThatThrownBy(() -> loadText("signatures:\n  - issue_id: a\n    title: '  '\n"
        + "    query: a\n    remedy: r\n    doc_section: d\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 1 'a': missing field 'title'");
  }

  @Test
  void rejectsAnIssueIdThatIsNotLowercaseWords() {
    assertThatThrownBy(() -> loadText("signatures:\n  - issue_id: Map_401\n    title: t\n"
        + "    query: a\n    remedy: r\n    doc_section: d\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("issue_id must be lowercase words joined by '-': 'Map_401'");
  }

  @Test
  void rejectsABadRegexInAnExtractor() {
    assertThatThrownBy(() -> load("extractor-regex-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 1 'solution-version-mismatch' extractors[0]")
        .hasMessageContaining("bad regular expression")
        .hasMessageContaining("at index");
  }

  @Test
  void rejectsAnUnknownExtractorGroupName() {
    assertThatThrownBy(() -> load("extractor-group-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("extractors[0]")
        .hasMessageContaining("unknown group name 'solutionName'");
  }

  @Test
  void rejectsAnExtractorWithoutNamedGroups() {
    assertThatThrownBy(() -> loadText("signatures:\n  - issue_id: a\n    title: t\n"
        + "    query: a\n    remedy: r\n    doc_section: d\n    extractors: ['version (\\d+)']\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("extractors[0]: has no named group");
  }

  @Test
  void rejectsAnInferredEntryWithoutInferredReason() {
    assertThatThrownBy(() -> load("inferred-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry 1 'parallel-import-advisory'")
        .hasMessageContaining("an inferred entry needs inferred_reason");
  }

  @Test
  void rejectsAFileThatIsNotYaml() {
    assertThatThrownBy(() -> load("not-yaml-bad.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not-yaml-bad.yaml")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void rejectsAScalarDocument() {
    assertThatThrownBy(() -> loadText("just some text\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the catalog must be a mapping with a 'signatures' list");
  }

  @Test
  void rejectsAnEmptySignatureList() {
    assertThatThrownBy(() -> loadText("version: 1\nsignatures: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'signatures' must be a non-empty list");
  }

  @Test
  void reportsAMissingFileAsUnreadable() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> CatalogLoader.load(SourceFiles.file(missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yaml: cannot read the catalog");
  }
}
