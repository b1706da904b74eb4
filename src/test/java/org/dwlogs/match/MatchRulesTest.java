package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two rules that decide what counts once the queries have matched: overrides (the more
 * specific entry wins) and generic entries (only in dual-write context), on a small catalog
 * written here, with the bundled context rule.
 */
class MatchRulesTest {
  @TempDir static Path dir;
  private static SignatureMatcher matcher;

  @BeforeAll
  static void catalog() throws IOException {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, """
        version: 1
        signatures:
          - issue_id: write-failed
            title: Unable to write data to entity
            query: '"unable to write data to entity"'
            remedy: r
            doc_section: d
          - issue_id: lookup-failed
            title: Unable to look up
            query: '"unable to write data to entity" AND ("unable to lookup" OR "unable to look up")'
            remedy: r
            doc_section: d
            overrides: [write-failed]
          - issue_id: status-401
            title: 401
            query: '"status code does not indicate success 401"'
            remedy: r
            doc_section: d
            generic: true
        """, StandardCharsets.UTF_8);
    Catalog c = CatalogLoader.load(SourceFiles.file(file));
    matcher = new SignatureMatcher(c, DualWriteContext.bundled());
  }

  private static List<String> ids(String message, String context) {
    return matcher.match(message, context).stream().map(Match::issueId).toList();
  }

  @Test
  void theMoreSpecificEntryCountsARecordAlone() {
    assertThat(ids("Unable to write data to entity uoms.Unable to lookup uoms with values {TST}.", null))
        .containsExactly("lookup-failed");
    assertThat(ids("Unable to write data to entity msdyn_expenses. Request failed.", null))
        .containsExactly("write-failed");
  }

  @Test
  void aGenericEntryCountsOnlyInDualWriteContext() {
    String line = "Response status code does not indicate success: 401 (Unauthorized).";
    assertThat(ids(line, null)).isEmpty();
    assertThat(ids(line, "file:/logs/azure-sdk/app.log\nMicrosoft.Azure.Storage")).isEmpty();
    assertThat(ids(line, "file:/logs/app.log\nDualWriteSync")).containsExactly("status-401");
    assertThat(ids(line, "file:/exports/dual-write/service.log")).containsExactly("status-401");
    assertThat(ids(line, "Microsoft.Dynamics.Integrator.ProjectValidation")).containsExactly("status-401");
    assertThat(ids("Dual-write: " + line, null)).containsExactly("status-401");
    assertThat(ids("Creating the table map failed. " + line, null)).containsExactly("status-401");
    assertThat(ids("Data integration project failed. " + line, null)).containsExactly("status-401");
  }

  @Test
  void aCodeThatTheTextHeaderReadAsComponentStillMatches() {
    SignatureMatcher bundled = new SignatureMatcher(CatalogLoader.bundled());
    // "2026-11-20 01:02:03 ERROR [DWDVEV1001] Missing ..." in a layout without a component.
    org.dwlogs.parse.LogRecord r = new org.dwlogs.parse.LogRecord("file:/logs/health.log",
        org.dwlogs.parse.Position.offset(0), 0L, "ERROR", "DWDVEV1001",
        "Missing connection for the environment.", null, null, false);
    assertThat(bundled.matchRecord(r)).extracting(Match::issueId)
        .containsExactly("dwdvev1001-dataverse-apihub-connection-missing");
    org.dwlogs.parse.LogRecord noise = new org.dwlogs.parse.LogRecord("file:/logs/health.log",
        org.dwlogs.parse.Position.offset(0), 0L, "INFO", "Scheduler", "Heartbeat ok", null, null,
        false);
    assertThat(bundled.matchRecord(noise)).isEmpty();
  }

  @Test
  void wordsThatOnlyLookLikeDualWriteAreNoContext() {
    String line = "Response status code does not indicate success: 401 (Unauthorized).";
    assertThat(ids(line, "TableMapper\nwrite-ahead log")).isEmpty();
    assertThat(ids("Dual control: " + line, "writer")).isEmpty();
  }
}
