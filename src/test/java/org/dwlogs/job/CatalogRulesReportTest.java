package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.dwlogs.config.SourceFiles;
import org.dwlogs.report.ReportTable;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog rules of the whole series, end to end, on records written here with their true
 * counts: extracted details in {@code issue_details.csv}, the more specific entry counting a
 * record alone, a generic entry only in dual-write context (else the record is an unmatched
 * error), and the new {@code issue_summary.csv} columns at its end.
 */
class CatalogRulesReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  @TempDir
  static Path tmp;
  static Path out;

  static final String CATALOG = """
      version: 1
      signatures:
        - issue_id: write-failed
          title: Unable to write data to entity
          category: live-sync
          doc_url: https://learn.microsoft.com/dynamics365/x/verify#write
          references: [VER-01]
          query: '"unable to write data to entity"'
          remedy: r
          doc_section: d
          extractors:
            - 'unable to write data to entity (?<entity>[a-z0-9_]+)'
        - issue_id: lookup-failed
          title: Unable to look up
          category: party-gab
          doc_url: https://learn.microsoft.com/dynamics365/x/gab#lookup
          references: [GAB-01]
          query: '"unable to write data to entity" AND ("unable to lookup" OR "unable to look up")'
          remedy: r
          doc_section: d
          overrides: [write-failed]
          extractors:
            - 'unable to write data to entity (?<entity>[a-z0-9_]+)'
            - 'unable to look ?up [a-z0-9_]+ with values \\{(?<lookupValue>[^}]*)\\}'
        - issue_id: status-401
          title: 401
          category: setup
          doc_url: https://learn.microsoft.com/dynamics365/x/module#map
          references: [DWM-01]
          generic: true
          query: '"status code does not indicate success 401"'
          remedy: r
          doc_section: d
      """;

  static final String S1 = "11111111-1111-1111-1111-111111111111";
  static final String S2 = "22222222-2222-2222-2222-222222222222";
  static final String S3 = "33333333-3333-3333-3333-333333333333";
  static final String STATUS = "Response status code does not indicate success: 401 (Unauthorized).";

  static String line(int second, String component, String session, String message) {
    return String.format("{\"timestamp\":\"2026-11-20T01:00:%02dZ\",\"level\":\"ERROR\",%s"
        + "\"sessionId\":\"%s\",\"message\":\"%s\"}%n", second,
        component == null ? "" : "\"component\":\"" + component + "\",", session, message);
  }

  @BeforeAll
  static void run() throws IOException {
    Path catalogFile = tmp.resolve("catalog.yaml");
    Files.writeString(catalogFile, CATALOG, StandardCharsets.UTF_8);
    Catalog catalog = CatalogLoader.load(SourceFiles.file(catalogFile));
    StringBuilder b = new StringBuilder();
    int sec = 0;
    // write-failed: msdyn_vendors 3 records (S1, S1, S2), msdyn_expenses 1 (S3).
    b.append(line(sec++, null, S1, "Unable to write data to entity msdyn_vendors. Request failed."));
    b.append(line(sec++, null, S1, "Unable to write data to entity msdyn_vendors. Request failed."));
    b.append(line(sec++, null, S2, "Unable to write data to entity msdyn_vendors. Timeout."));
    b.append(line(sec++, null, S3, "Unable to write data to entity msdyn_expenses.Writes to X failed"));
    // lookup-failed (overrides write-failed): uoms {TST} twice (S1, S2), accounts {US-1} once (S2).
    b.append(line(sec++, null, S1, "Unable to write data to entity uoms.Unable to lookup uoms with values {TST}."));
    b.append(line(sec++, null, S2, "Unable to write data to entity uoms.Unable to lookup uoms with values {TST}."));
    b.append(line(sec++, null, S2, "Unable to write data to entity msdyn_invoices.Unable to look up accounts with values {US-1}."));
    // status-401: 2 in dual-write context (component), 3 outside it: unmatched errors.
    b.append(line(sec++, "DualWriteSync", S1, STATUS));
    b.append(line(sec++, "Microsoft.Dynamics.Integrator", S3, STATUS));
    b.append(line(sec++, "AzureBlobClient", S1, STATUS));
    b.append(line(sec++, null, S2, STATUS));
    b.append(line(sec++, "PowerAutomate", S3, STATUS));
    Path in = tmp.resolve("in").resolve("app-logs.jsonl");
    Files.createDirectories(in.getParent());
    Files.writeString(in, b, StandardCharsets.UTF_8);
    out = tmp.resolve("out");
    new ReportJob(SPARK.session(), new RunOptions(List.of(in.getParent().toString()),
        out.toString(), catalog, ConfigLoader.bundled(), null, ZoneOffset.UTC, Map.of()))
        .run();
  }

  @Test
  void issueDetailsCountEachExtractedValue() {
    ReportCsv details = ReportCsv.read(out.resolve(ReportTable.ISSUE_DETAILS.fileName()));
    assertThat(details.header()).containsExactly("issue_id", "detail", "value", "occurrences", "sessions");
    assertThat(details.rows()).extracting(r -> String.join(",", r.get("issue_id"), r.get("detail"),
        r.get("value"), r.get("occurrences"), r.get("sessions"))).containsExactly(
        "lookup-failed,entity,uoms,2,2",
        "lookup-failed,entity,msdyn_invoices,1,1",
        "lookup-failed,lookup_value,TST,2,2",
        "lookup-failed,lookup_value,US-1,1,1",
        "write-failed,entity,msdyn_vendors,3,2",
        "write-failed,entity,msdyn_expenses,1,1");
  }

  @Test
  void overridesAndContextDecideWhatCounts() {
    ReportCsv summary = ReportCsv.read(out.resolve(ReportTable.ISSUE_SUMMARY.fileName()));
    Map<String, String> occurrences = summary.column("occurrences", "issue_id");
    assertThat(occurrences).containsEntry("write-failed", "4").containsEntry("lookup-failed", "3")
        .containsEntry("status-401", "2");
    ReportCsv unmatched = ReportCsv.read(out.resolve(ReportTable.UNMATCHED_ERRORS.fileName()));
    assertThat(unmatched.rows()).hasSize(1);
    assertThat(unmatched.rows().get(0).get("occurrences")).isEqualTo("3");
    assertThat(unmatched.rows().get(0).get("sessions")).isEqualTo("3");
  }

  @Test
  void issueSummaryEndsWithCategoryAndDocUrl() {
    ReportCsv summary = ReportCsv.read(out.resolve(ReportTable.ISSUE_SUMMARY.fileName()));
    assertThat(summary.header()).endsWith("doc_section", "category", "doc_url");
    assertThat(summary.column("category", "issue_id")).containsEntry("lookup-failed", "party-gab")
        .containsEntry("status-401", "setup");
    assertThat(summary.column("doc_url", "issue_id"))
        .containsEntry("write-failed", "https://learn.microsoft.com/dynamics365/x/verify#write");
  }
}
