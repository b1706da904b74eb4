package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.job.MessyLogs.MAP_401;
import static org.dwlogs.job.MessyLogs.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.job.MessyLogs.Bytes;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job, without any --config, on structured real-world inputs: the hand-written JSON
 * documents, analytics exports and ID files of {@code src/test/resources/dualwrite-inputs}, two copies
 * of a text log under names with glob characters, and a 2 MB JSON line and a 2 MB CSV row
 * (built here, with their true counts). Every count is checked exactly.
 */
class StructuredInputsReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  @TempDir
  static Path tmp;

  static Path in;
  static JsonNode manifest;
  static Map<String, JsonNode> inputs;
  static ReportCsv summary;
  static ReportCsv sessions;
  static ReportCsv quarantine;

  static final Path RESOURCES = Path.of("src/test/resources/dualwrite-inputs");
  static final int BIG = 2 * 1024 * 1024;
  static final String LONG_JSON_SESSION = session(101);
  static final String LONG_CSV_SESSION = session(102);

  @BeforeAll
  static void runOnEveryShape() throws IOException {
    // A folder of dual-write logs: the generic 401 and login texts count in its context.
    in = tmp.resolve("dualwrite-logs");
    copy("json-documents/plugintracelog-odata.json", "plugin-trace/plugintracelog-odata.json");
    copy("json-documents/records-array-broken.json", "documents/records-array-broken.json");
    copy("appinsights/exceptions-export.csv", "appinsights/exceptions-export.csv");
    copy("appinsights/loganalytics-appexceptions.json", "appinsights/loganalytics-appexceptions.json");
    copy("ids/placeholder-sessions.jsonl", "ids/placeholder-sessions.jsonl");
    copy("ids/placeholder-sessions.csv", "ids/placeholder-sessions.csv");
    copy("ids/component-ids.log", "names/dw[1].log");
    copy("ids/component-ids.log", "names/x{a,b}.log");
    writeLongJsonLine(in.resolve("long/long-line.jsonl"));
    writeLongCsvRow(in.resolve("long/long-row.csv"));

    Path out = tmp.resolve("out");
    MessyLogs.run(SPARK.session(), List.of(in.toString()), out, 0.05);
    manifest = MessyLogs.manifest(out);
    inputs = MessyLogs.inputsByName(manifest);
    summary = ReportCsv.read(out.resolve(ReportTable.ISSUE_SUMMARY.fileName()));
    sessions = ReportCsv.read(out.resolve(ReportTable.ISSUE_SESSIONS.fileName()));
    quarantine = ReportCsv.read(out.resolve(ReportTable.QUARANTINE.fileName()));
  }

  static void copy(String resource, String target) throws IOException {
    Path to = in.resolve(target);
    Files.createDirectories(to.getParent());
    Files.copy(RESOURCES.resolve(resource), to);
  }

  /** A good line, a line of 2 MB (over the 1 MiB bound) and a good line: 3 records. */
  static void writeLongJsonLine(Path file) throws IOException {
    String good = "{\"timestamp\":\"2026-11-20T05:00:00Z\",\"level\":\"ERROR\",\"sessionId\":\""
        + LONG_JSON_SESSION + "\",\"message\":\"" + MAP_401 + "\"}\n";
    String big = "{\"timestamp\":\"2026-11-20T05:00:01Z\",\"level\":\"ERROR\",\"sessionId\":\""
        + LONG_JSON_SESSION + "\",\"message\":\"" + MAP_401 + " " + "x".repeat(BIG)
        + "\",\"component\":\"after the cut\"}\n";
    new Bytes().text(good).text(big).text(good).write(file);
  }

  /** A good row, a row of 2 MB whose message is quoted, and a good row: 3 records. */
  static void writeLongCsvRow(Path file) throws IOException {
    String header = "timestamp,level,session_id,message,component\n";
    String good = "2026-11-20T05:10:00Z,Error," + LONG_CSV_SESSION + "," + MAP_401 + ",Sync\n";
    // Two-byte characters: 2 MB of them is 4 MB of UTF-8, the bound counts bytes.
    String big = "2026-11-20T05:10:01Z,Error," + LONG_CSV_SESSION + ",\"" + MAP_401 + " "
        + "\u00e9".repeat(BIG) + "\",after the cut\n";
    new Bytes().text(header).text(good).text(big).text(good).write(file);
  }

  static JsonNode input(String name) {
    assertThat(inputs).containsKey(name);
    return inputs.get(name);
  }

  static void assertCounts(String name, String format, long records, long malformed,
      long truncated) {
    JsonNode f = input(name);
    assertThat(f.get("format").asText()).as(name + " format").isEqualTo(format);
    assertThat(f.get("records").asLong()).as(name + " records").isEqualTo(records);
    assertThat(f.get("malformed").asLong()).as(name + " malformed").isEqualTo(malformed);
    assertThat(f.get("truncated").asLong()).as(name + " truncated").isEqualTo(truncated);
  }

  /** The map-create-401 occurrences per session in issue_sessions.csv. */
  static Map<String, String> map401Sessions() {
    Map<String, String> out = new HashMap<>();
    sessions.rows().stream().filter(r -> r.get("issue_id").equals(MessyLogs.MAP_401_ID))
        .forEach(r -> out.put(r.get("session_id"), r.get("occurrences")));
    return out;
  }

  static Map<String, String> issue(String id) {
    return summary.rows().stream().filter(r -> r.get("issue_id").equals(id)).findFirst()
        .orElseThrow();
  }

  @Test
  void everyFileIsReadWithItsTrueCounts() {
    assertCounts("plugintracelog-odata.json", "json", 3, 0, 0);
    assertCounts("records-array-broken.json", "json", 4, 1, 0);
    assertCounts("exceptions-export.csv", "csv", 4, 0, 0);
    assertCounts("loganalytics-appexceptions.json", "json", 2, 0, 0);
    assertCounts("placeholder-sessions.jsonl", "jsonl", 10, 0, 0);
    assertCounts("placeholder-sessions.csv", "csv", 4, 0, 0);
    assertCounts("dw[1].log", "text", 3, 0, 0);
    assertCounts("x{a,b}.log", "text", 3, 0, 0);
    assertCounts("long-line.jsonl", "jsonl", 3, 0, 1);
    assertCounts("long-row.csv", "csv", 3, 0, 1);
    assertThat(manifest.get("totals").get("records").asLong()).isEqualTo(39);
    assertThat(manifest.get("totals").get("malformed").asLong()).isEqualTo(1);
    assertThat(manifest.get("totals").get("truncated").asLong()).isEqualTo(2);
  }

  @Test
  void theMatchesAndSessionsOfEveryShapeAreCounted() {
    // 2 OData + 2 array + 1 CSV export + 1 Log Analytics + 10 + 4 placeholder files
    // + 2 x 2 text logs + 3 + 3 long records.
    assertThat(issue("map-create-401").get("occurrences")).isEqualTo("30");
    assertThat(issue("map-create-401").get("sessions")).isEqualTo("11");
    // Only in the details of the CSV export, and in the broken array (session "N/A").
    assertThat(issue("login-refused").get("occurrences")).isEqualTo("2");
    assertThat(issue("login-refused").get("sessions")).isEqualTo("0");
    assertThat(issue("stop-map-403-forbidden").get("occurrences")).isEqualTo("1");
    assertThat(issue("stop-map-403-forbidden").get("sessions")).isEqualTo("1");

    assertThat(map401Sessions()).containsOnly(
        Map.entry("2b1e7f3c-90aa-4d5e-8c1b-7a6f5e4d3c21", "1"),
        Map.entry("2b1e7f3c-90aa-4d5e-8c1b-7a6f5e4d3c22", "1"),
        Map.entry("9a8b7c6d-0001-4e5f-8a9b-0c1d2e3f4a01", "1"),
        Map.entry("9a8b7c6d-0001-4e5f-8a9b-0c1d2e3f4a02", "1"),
        Map.entry("7c6b5a49-3333-4d2e-9f10-aa0000000001", "1"),
        Map.entry("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f1", "1"),
        Map.entry("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f2", "1"),
        Map.entry("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f3", "1"),
        Map.entry("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f4", "2"),
        Map.entry(LONG_JSON_SESSION, "3"),
        Map.entry(LONG_CSV_SESSION, "3"));
    assertThat(sessions.rows()).extracting(r -> r.get("session_id"))
        .doesNotContain("00000000-0000-0000-0000-000000000000", "n/a", "null", "none", "-");
  }

  @Test
  void theBrokenElementIsQuarantinedWithItsOffset() throws IOException {
    List<Map<String, String>> q = quarantine.rows();
    assertThat(q).hasSize(1);
    String text = Files.readString(in.resolve("documents/records-array-broken.json"));
    assertThat(q.get(0).get("kind")).isEqualTo("invalid_json");
    assertThat(q.get(0).get("position_kind")).isEqualTo("offset");
    assertThat(q.get(0).get("position"))
        .isEqualTo(Integer.toString(text.indexOf("{\"timestamp\": \"2026-11-20T02:00:02Z\"")));
    assertThat(q.get(0).get("source")).endsWith("/documents/records-array-broken.json");
  }

  @Test
  void aGlobInputReadsTheFilesItMatchesEvenWithGlobCharactersInTheirNames() throws IOException {
    Path out = tmp.resolve("out-glob");
    MessyLogs.run(SPARK.session(), List.of(in + "/*/dw*.log", in + "/n?mes/x*.log"), out, 0.05);
    Map<String, JsonNode> globbed = MessyLogs.inputsByName(MessyLogs.manifest(out));
    assertThat(globbed.keySet()).containsExactlyInAnyOrder("dw[1].log", "x{a,b}.log");
    assertThat(globbed.get("dw[1].log").get("path").asText())
        .isEqualTo(in + "/names/dw[1].log");
    assertThat(globbed.get("dw[1].log").get("records").asLong()).isEqualTo(3);
    assertThat(globbed.get("x{a,b}.log").get("records").asLong()).isEqualTo(3);
  }
}
