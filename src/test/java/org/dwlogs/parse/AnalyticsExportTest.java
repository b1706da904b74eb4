package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.junit.jupiter.api.Test;

/**
 * Application Insights and Log Analytics exports read as they are, without any --config: the
 * hand-written exports under {@code src/test/resources/dualwrite-inputs/appinsights}.
 */
class AnalyticsExportTest {
  private static final String MAP_401 =
      "Response status code does not indicate success: 401 (Unauthorized).";
  private static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final RecordParser RECORDS = new RecordParser(CONFIG, ZoneOffset.UTC);

  private static Path resource(String name) {
    return Path.of("src/test/resources/dualwrite-inputs", name);
  }

  private static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  /** The rows of the portal's CSV export, parsed by the job's row parser. */
  private static List<LogRecord> csvExport() throws IOException, com.opencsv.exceptions.CsvException {
    List<String[]> rows;
    try (Reader in = Files.newBufferedReader(resource("appinsights/exceptions-export.csv"));
        var csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
      rows = csv.readAll();
    }
    CsvRowParser parser = new CsvRowParser(RECORDS, CONFIG.fields(), rows.get(0));
    assertThat(parser.hasMessageColumn()).isTrue();
    List<LogRecord> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      out.add((LogRecord) parser.parse("exceptions-export.csv", Position.line(i + 1), rows.get(i),
          String.join(",", rows.get(i))));
    }
    return out;
  }

  @Test
  void readsThePortalsExceptionsCsvExport() throws Exception {
    List<LogRecord> r = csvExport();
    assertThat(r).hasSize(4);

    // "timestamp [UTC]" in the portal's "11/20/2026, 1:02:03.456 AM" form.
    assertThat(r).extracting(LogRecord::timestampMillis).containsExactly(
        ms("2026-11-20T01:02:03.456Z"), ms("2026-11-20T13:07:45.120Z"),
        ms("2026-11-21T00:00:01.002Z"), ms("2026-11-21T09:15:00Z"));
    // severityLevel 3, none on an exception item (Error), 4 and 1.
    assertThat(r).extracting(LogRecord::level).containsExactly("ERROR", "ERROR", "CRITICAL", "INFO");
    assertThat(r).extracting(LogRecord::component).containsExactly(
        "projectmanagementservice", "dualwrite-ui", "integrator", "integrator");
  }

  @Test
  void theMessageJoinsOuterAndInnermostMessagesAndTheDetails() throws Exception {
    List<LogRecord> r = csvExport();
    // Outer, innermost and the details' message are the same text: kept once; then the stack.
    assertThat(r.get(0).message()).isEqualTo(MAP_401
        + "\nat System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode"
        + "\nat Microsoft.Dynamics.Integrator.ProjectManagementService.MapClient+<CreateAsync>d__12.MoveNext");
    // The documented text is only in the second exception detail.
    assertThat(r.get(1).message()).isEqualTo("One or more errors occurred."
        + "\nThe sign-in frame could not be shown."
        + "\nlogin.microsoftonline.com refused to connect.");
    assertThat(r.get(3).message())
        .isEqualTo("Retrying request to the finance and operations endpoint (attempt 2 of 5)");
  }

  @Test
  void idsComeFromCustomDimensionsAndPlaceholdersAreNoIds() throws Exception {
    List<LogRecord> r = csvExport();
    // session_Id is blank: customDimensions.sessionId and .activityId are the record's IDs.
    assertThat(r.get(0).sessionId()).isEqualTo("7c6b5a49-3333-4d2e-9f10-aa0000000001");
    assertThat(r.get(0).activityId()).isEqualTo("7c6b5a49-4444-4d2e-9f10-bb0000000001");
    // The zero GUID in session_Id, "N/A" in customDimensions, "null", "{zero GUID}".
    assertThat(r.subList(1, 4)).extracting(LogRecord::sessionId).containsOnlyNulls();
    assertThat(r.subList(1, 4)).extracting(LogRecord::activityId).containsOnlyNulls();
  }

  @Test
  void theOtherColumnsAndCustomDimensionsValuesAreOtherFields() throws Exception {
    LogRecord first = csvExport().get(0);
    List<String> other = List.of(first.otherFields().split("\n"));
    assertThat(other).contains("System.Net.Http.HttpRequestException", "UserCode", "exception",
        "4bf92f3577b34da6a3ce929d0e0e4736", "accounts",
        "Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PostCommitPlugin",
        "Microsoft.Dynamics.Integrator", "POST /api/DualWriteManagement/1.0/maps");
    // Values read as something else are not repeated there.
    assertThat(other).doesNotContain(MAP_401, "projectmanagementservice", "3",
        "7c6b5a49-3333-4d2e-9f10-aa0000000001", "7c6b5a49-4444-4d2e-9f10-bb0000000001");
    assertThat(first.otherFields()).doesNotContain("parsedStack", "{\"entityName\"");
    // A row whose other columns are all empty has none.
    LogRecord last = csvExport().get(3);
    assertThat(last.otherFields()).doesNotContain("{}");
  }

  @Test
  void readsTheLogAnalyticsJsonExportWhoseValuesAreAllStrings() throws IOException {
    JsonNode rows = new ObjectMapper().readTree(resource("appinsights/loganalytics-appexceptions.json").toFile());
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    List<LogRecord> r = new ArrayList<>();
    for (JsonNode row : rows) {
      r.add((LogRecord) json.parse("la.json", Position.offset(0), row, false, row.toString()));
    }

    assertThat(r).extracting(LogRecord::timestampMillis)
        .containsExactly(ms("2026-11-20T04:05:06.789Z"), ms("2026-11-20T04:10:00Z"));
    assertThat(r).extracting(LogRecord::level).containsExactly("ERROR", "ERROR");
    assertThat(r.get(0).message()).startsWith("[Forbidden] Error from token exchange: User is not "
        + "allowed to access connection dynamicscrmonline/2f3c0d1e-5555-4b6a-9c7d-000000000001")
        .endsWith("\nat Microsoft.Dynamics.Integrator.TokenExchange.ExchangeAsync");
    assertThat(r.get(0).sessionId()).isEqualTo("6d5c4b3a-7777-4e2d-8c1b-dd0000000001");
    // Log Analytics calls customDimensions "Properties".
    assertThat(r.get(0).activityId()).isEqualTo("5e7a1c2b-0000-4d2e-9f10-cc0000000001");
    assertThat(r.get(0).component()).isEqualTo("projectmanagementservice");
    assertThat(r.get(0).otherFields()).contains("msdyn_vendors", "AppExceptions",
        "5e7a1c2b3d4e5f60718293a4b5c6d7e8");
    assertThat(r.get(1).message()).isEqualTo(MAP_401);
    assertThat(r.get(1).sessionId()).isNull(); // "N/A"
  }

  @Test
  void theOtherFieldsAreCutAtTheirBound() {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    String big = "v".repeat(5000);
    LogRecord r = (LogRecord) json.parse("x.jsonl", Position.offset(0),
        "{\"message\":\"m\",\"a\":\"" + big + "\",\"b\":\"" + big + "\"}");
    assertThat(r.otherFields()).hasSize(FieldRecords.MAX_OTHER_FIELDS_CHARS);
    assertThat(((LogRecord) json.parse("x.jsonl", Position.offset(0), "{\"message\":\"m\"}"))
        .otherFields()).isNull();
  }

  @Test
  void aMessageThatOnlyLooksLikeJsonIsKeptAsItsText() {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    String text = "[{\\\"status\\\":403,\\\"source\\\":\\\"\\\"}]";
    LogRecord r = (LogRecord) json.parse("x.jsonl", Position.offset(0),
        "{\"message\":\"" + text + "\",\"details\":[]}");
    assertThat(r.message()).isEqualTo("[{\"status\":403,\"source\":\"\"}]");
  }

  // ------------------------------------------------------------------ bounds

  @Test
  void aJsonLineCutAtTheBoundKeepsTheFieldsBeforeTheCut() {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    String line = "{\"timestamp\":\"2026-11-20T01:02:03Z\",\"level\":\"Error\",\"sessionId\":\""
        + "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9\",\"message\":\"" + MAP_401 + " "
        + "x".repeat(5000) + "\",\"component\":\"never read\"}";
    String cut = line.substring(0, 2048);

    LogRecord r = (LogRecord) json.parse("long.jsonl", Position.offset(0), cut, true);

    assertThat(r.truncated()).isTrue();
    assertThat(r.timestampMillis()).isEqualTo(ms("2026-11-20T01:02:03Z"));
    assertThat(r.level()).isEqualTo("ERROR");
    assertThat(r.sessionId()).isEqualTo("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");
    assertThat(r.message()).startsWith(MAP_401).endsWith("x");
    assertThat(r.message().length()).isEqualTo(2048 - cut.indexOf(MAP_401));
    assertThat(r.component()).isNull();
  }

  @Test
  void aJsonLineCutInAKeyOrNumberKeepsTheMembersBeforeIt() {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    LogRecord inKey = (LogRecord) json.parse("l", Position.offset(0),
        "{\"message\":\"kept\",\"lev", true);
    assertThat(inKey.message()).isEqualTo("kept");
    LogRecord inNumber = (LogRecord) json.parse("l", Position.offset(0),
        "{\"message\":\"kept\",\"n\":[1,2,{\"x\":12", true);
    assertThat(inNumber.message()).isEqualTo("kept");
    assertThat(inNumber.otherFields()).isEqualTo("[1,2,{}]");
    LogRecord inEscape = (LogRecord) json.parse("l", Position.offset(0),
        "{\"message\":\"a\\u00", true);
    assertThat(inEscape.message()).isEqualTo("a");
    Parsed nothing = json.parse("l", Position.offset(0), "{\"mess", true);
    assertThat(nothing).isInstanceOf(Malformed.class);
  }

  @Test
  void withoutTheCutFlagABrokenLineIsStillInvalidJson() {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    assertThat(json.parse("l", Position.offset(0), "{\"message\":\"kept\",\"lev", false))
        .isInstanceOf(Malformed.class);
  }

  // ------------------------------------------------------------------ IDs

  @Test
  void placeholderSessionFieldsAreNoSessionsAndTheTextIsSearchedInstead() throws IOException {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    List<String> sessions = new ArrayList<>();
    for (String line : Files.readAllLines(resource("ids/placeholder-sessions.jsonl"), StandardCharsets.UTF_8)) {
      sessions.add(((LogRecord) json.parse("p.jsonl", Position.offset(0), line)).sessionId());
    }
    assertThat(sessions).containsExactly(null, null, null, null, null, null, null, null,
        "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f1", "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f2");
  }

  @Test
  void placeholderFieldsAreNotOtherFieldsEither() {
    JsonLineParser json = new JsonLineParser(RECORDS, CONFIG.fields());
    LogRecord r = (LogRecord) json.parse("p", Position.offset(0),
        "{\"message\":\"m\",\"sessionId\":\"N/A\",\"activityId\":\"00000000-0000-0000-0000-000000000000\"}");
    assertThat(r.otherFields()).isNull();
  }

  @Test
  void idsInTheComponentBracketsOfATextHeaderAreFound() throws IOException {
    String log = Files.readString(resource("ids/component-ids.log"));
    String[] records = log.split("\n(?=2026-)");
    LogRecord first = (LogRecord) RECORDS.parseText("c.log", Position.offset(0), records[0], false);
    assertThat(first.sessionId()).isEqualTo("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f4");
    assertThat(first.component()).isNull(); // the brackets held only the ID
    LogRecord second = (LogRecord) RECORDS.parseText("c.log", Position.offset(0), records[1], false);
    assertThat(second.sessionId()).isNull(); // the zero GUID on its continuation line
    assertThat(second.component()).isEqualTo("DualWriteSync");
    LogRecord third = (LogRecord) RECORDS.parseText("c.log", Position.offset(0), records[2], false);
    assertThat(third.sessionId()).isEqualTo("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f5");
  }
}
