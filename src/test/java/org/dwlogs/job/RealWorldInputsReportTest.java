package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The job, without any --config, on the hand-written files of
 * {@code src/test/resources/dualwrite-inputs/text-shapes/} (described in {@code dualwrite-inputs/text-shapes.md}): encodings (UTF-16 LE/BE,
 * Windows-1252, BOMs, concatenated files), text layouts (log4net, Serilog, NLog, bracketed
 * timestamp and level, day-first dates), a file without any record start and a CSV without a
 * message column. Each file's 401 error carries its own session, so issue_sessions.csv tells
 * per file that the error was read, leveled and matched.
 */
class RealWorldInputsReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final Path FIXTURES = Path.of("src/test/resources/dualwrite-inputs/text-shapes");

  @TempDir
  static Path tmp;

  static Map<String, JsonNode> inputs;
  static Map<String, Map<String, String>> map401BySession;
  static Map<String, Map<String, String>> unmatchedByExample;
  static ReportCsv quarantine;
  static JsonNode totals;

  static String session(int n) {
    return String.format("5e551011-0000-4000-8000-%012d", n);
  }

  @BeforeAll
  static void runOnEveryShape() throws IOException {
    Path out = tmp.resolve("out");
    MessyLogs.run(SPARK.session(), List.of(FIXTURES.toString()), out, 1.0);
    JsonNode manifest = MessyLogs.manifest(out);
    inputs = MessyLogs.inputsByName(manifest);
    totals = manifest.get("totals");
    map401BySession = new HashMap<>();
    ReportCsv.read(out.resolve(ReportTable.ISSUE_SESSIONS.fileName())).rows().stream()
        .filter(r -> r.get("issue_id").equals(MessyLogs.MAP_401_ID))
        .forEach(r -> map401BySession.put(r.get("session_id"), r));
    unmatchedByExample = ReportCsv.read(out.resolve(ReportTable.UNMATCHED_ERRORS.fileName()))
        .rows().stream().collect(Collectors.toMap(r -> r.get("example"), r -> r));
    quarantine = ReportCsv.read(out.resolve(ReportTable.QUARANTINE.fileName()));
  }

  @ParameterizedTest(name = "{0}: {1}, {2}, {3} records, {4} malformed")
  @CsvSource({
      "utf16le-log4net.log,     utf-16le,     log4net,             4, 0",
      "utf16be-default.log,     utf-16be,     default,             2, 0",
      "windows1252-serilog.log, windows-1252, level_in_brackets,   4, 0",
      "bracketed-timestamp.log, utf-8,        bracketed_timestamp, 3, 0",
      "level-in-brackets.log,   utf-8,        level_in_brackets,   4, 0",
      "nlog-default.log,        utf-8,        nlog,                3, 0",
      "day-first.log,           utf-8,        slash_date,          3, 0",
      "no-record-start.log,     utf-8,        none,                0, 7",
      "concatenated-bom.log,    utf-8-bom,    default,             2, 0",
      "bom-quoted-header.csv,   utf-8-bom,    ,                    2, 0",
      "windows1252.jsonl,       windows-1252, ,                    3, 0",
      "no-message-column.csv,   utf-8,        ,                    0, 4"})
  void eachFileIsReadWithItsEncodingAndLayout(String file, String encoding, String layout,
      long records, long malformed) {
    JsonNode f = inputs.get(file);
    assertThat(f.get("encoding").asText()).isEqualTo(encoding);
    if (layout == null) {
      assertThat(f.has("layout")).isFalse();
    } else {
      assertThat(f.get("layout").asText()).isEqualTo(layout);
    }
    assertThat(f.get("records").asLong()).isEqualTo(records);
    assertThat(f.get("malformed").asLong()).isEqualTo(malformed);
    assertThat(f.get("records_without_timestamp").asLong()).isZero();
  }

  @ParameterizedTest(name = "session {0}: first seen {1}")
  @CsvSource({
      "1,  2026-11-20T01:02:04.001Z",  // UTF-16LE log4net
      "2,  2026-11-20T02:00:00.000Z",  // UTF-16BE
      "3,  2026-11-20T00:02:04.000Z",  // Windows-1252 0x92 "doesn’t", Serilog [ERR], +03:00
      "4,  2026-11-20T04:02:04.456Z",  // bracketed timestamp
      "5,  2026-11-20T02:02:04.456Z",  // [Error], a space before +03:00
      "6,  2026-11-20T06:02:04.123Z",  // NLog
      "7,  2026-11-20T07:02:04.000Z",  // 20/11/2026, day first
      "9,  2026-11-20T09:00:01.000Z",  // after the second file's BOM
      "10, 2026-11-20T10:00:00.000Z",  // CSV: BOM before the quoted timestamp header
      "11, 2026-11-20T11:00:00.000Z"}) // JSON Lines in Windows-1252
  void eachFilesUnauthorizedErrorIsMatchedOnceWithItsTime(int session, String firstSeen) {
    Map<String, String> row = map401BySession.get(session(session));
    assertThat(row).as("map-create-401 of session %d", session).isNotNull();
    assertThat(row.get("occurrences")).isEqualTo("1");
    assertThat(row.get("first_seen")).isEqualTo(firstSeen);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Quokka adapter refused the batch,   2026-11-20T01:02:06.000Z", // log4net ERROR
      "Walrus connector lost its token,    2026-11-20T00:02:06.000Z", // Serilog [ERR]
      "Narwhal queue overflowed,           2026-11-20T04:02:05.456Z", // [ts] [ERROR]
      "Pangolin mapping has no key,        2026-11-20T05:02:05.000Z", // UTC [ERROR]
      "Axolotl store is read-only,         2026-11-20T06:02:05.123Z", // NLog FATAL
      "Capybara export stalled,            2026-11-21T07:02:05.000Z"}) // 21/11/2026
  void errorLevelsOfEveryLayoutReachUnmatchedErrors(String message, String firstSeen) {
    Map<String, String> row = unmatchedByExample.get(message);
    assertThat(row).as("unmatched error '%s' among %s", message, unmatchedByExample.keySet())
        .isNotNull();
    assertThat(row.get("occurrences")).isEqualTo("1");
    assertThat(row.get("first_seen")).isEqualTo(firstSeen);
  }

  @Test
  void onlyErrorLevelsAreUnmatchedErrors() {
    // Six unknown errors above and none of the INFO, WARN, [WRN], [DBG], [INF] lines.
    assertThat(unmatchedByExample).hasSize(6);
    assertThat(totals.get("unmatched_error_records").asLong()).isEqualTo(6);
    assertThat(totals.get("matched_records").asLong()).isEqualTo(10);
  }

  @Test
  void aFileWithoutAnyRecordStartIsNamedAndCountsOneMalformedPerLine() {
    JsonNode f = inputs.get("no-record-start.log");
    assertThat(f.get("note").asText()).isEqualTo("no record start found, 7 lines");
    assertThat(f.get("malformed_by_kind").get("no_record_start").asLong()).isEqualTo(7);
    List<Map<String, String>> lines = quarantine.rows().stream()
        .filter(r -> r.get("source").endsWith("no-record-start.log")).toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0).get("raw"))
        .isEqualTo("Nov 20 08:02:00 gateway dualwrite[311]: line 1 of a layout nobody knows");
    assertThat(lines.get(6).get("position")).isEqualTo(String.valueOf(6 * 72));
  }

  @Test
  void aCsvWithoutAMessageColumnCountsOneMalformedPerRow() {
    JsonNode f = inputs.get("no-message-column.csv");
    assertThat(f.get("malformed_by_kind").get("csv_no_message_column").asLong()).isEqualTo(4);
    assertThat(quarantine.rows().stream()
        .filter(r -> r.get("source").endsWith("no-message-column.csv"))
        .map(r -> r.get("position")).toList()).containsExactly("2", "3", "4", "5");
  }

  @Test
  void bytesThatFitNoEncodingAreKeptAndCounted() {
    assertThat(inputs.get("windows1252.jsonl").get("invalid_utf8").asLong()).isEqualTo(1);
    assertThat(totals.get("invalid_utf8").asLong()).isEqualTo(1);
  }

  @Test
  void theFixturesAreWhatTheReadmeSays() throws IOException {
    // The 0x92 apostrophe really is a single Windows-1252 byte, not UTF-8.
    byte[] serilog = Files.readAllBytes(FIXTURES.resolve("windows1252-serilog.log"));
    assertThat(new String(serilog, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("doesn\u0092t indicate");
    byte[] utf16 = Files.readAllBytes(FIXTURES.resolve("utf16le-log4net.log"));
    assertThat(utf16[0] & 0xFF).isEqualTo(0xFF);
    assertThat(utf16[1] & 0xFF).isEqualTo(0xFE);
  }
}
