package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.dwlogs.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RecordParserTest {
  private static final String SRC = "file:/logs/service.log";
  private static final Position AT = Position.offset(42);
  private static final String SESSION = "670c5891-45d2-4c06-a206-02e0fc80fa6f";
  private static final String ACTIVITY = "eb83d7b6-4ce5-4589-addc-c683c32bb533";

  private final RecordParser parser = new RecordParser(ConfigLoader.bundled(), ZoneOffset.UTC);

  private LogRecord record(String text) {
    Parsed parsed = parser.parseText(SRC, AT, text, false);
    assertThat(parsed).isInstanceOf(LogRecord.class);
    return (LogRecord) parsed;
  }

  @Test
  void readsHeaderWithLevelComponentAndMessage() {
    LogRecord r = record("2026-11-20T01:02:03.456Z ERROR [DualWrite.Runtime] Write failed for table");
    assertThat(r).isEqualTo(new LogRecord(SRC, AT, Instant.parse("2026-11-20T01:02:03.456Z")
        .toEpochMilli(), "ERROR", "DualWrite.Runtime", "Write failed for table", null, null, false));
  }

  @Test
  void readsHeaderWithoutComponent() {
    LogRecord r = record("2026-11-20 01:02:03,456 Warning Token expires soon");
    assertThat(new Object[] {r.level(), r.component(), r.message()})
        .containsExactly("WARN", null, "Token expires soon");
  }

  @Test
  void readsHeaderWithoutLevel() {
    LogRecord r = record("2026-11-20 01:02:03 [Gateway] connection reset");
    assertThat(new Object[] {r.level(), r.component(), r.message()})
        .containsExactly(null, "Gateway", "connection reset");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ERROR, ERROR", "error, ERROR", "Err, ERROR", "FATAL, FATAL", "fatal, FATAL",
      "CRITICAL, CRITICAL", "Crit, CRITICAL", "WARN, WARN", "warning, WARN", "WARNING, WARN",
      "Info, INFO", "INFORMATION, INFO", "information, INFO", "DEBUG, DEBUG", "debug, DEBUG",
      "TRACE, TRACE", "Verbose, TRACE", "VERBOSE, TRACE",
      // Serilog's three-letter forms and .NET console's
      "ERR, ERROR", "WRN, WARN", "INF, INFO", "DBG, DEBUG", "FTL, FATAL", "VRB, TRACE",
      "fail, ERROR", "dbug, DEBUG", "trce, TRACE"})
  void mapsEachLevelWordInAnyCaseToItsCanonicalLevel(String word, String level) {
    LogRecord r = record("2026-11-20T01:02:03Z " + word + " [c] something happened");
    assertThat(new Object[] {r.level(), r.message()}).containsExactly(level, "something happened");
  }

  @Test
  void keepsANonLevelWordAfterTheTimestampInTheMessage() {
    LogRecord r = record("2026-11-20T01:02:03Z Executed leg: From AX to CRM");
    assertThat(new Object[] {r.level(), r.message()})
        .containsExactly(null, "Executed leg: From AX to CRM");
  }

  @Test
  void keepsBracketsAfterANonLevelWordInTheMessage() {
    LogRecord r = record("2026-11-20T01:02:03Z Payload [Customers] serialized");
    assertThat(new Object[] {r.level(), r.component(), r.message()})
        .containsExactly(null, null, "Payload [Customers] serialized");
  }

  @Test
  void doesNotTakeALevelWordPrefixAsALevel() {
    LogRecord r = record("2026-11-20T01:02:03Z Errors were ignored");
    assertThat(new Object[] {r.level(), r.message()}).containsExactly(null, "Errors were ignored");
  }

  @Test
  void joinsContinuationLinesToTheMessage() {
    LogRecord r = record("2026-11-20T01:02:03Z ERROR [Svc] Write failed\n"
        + "System.Exception: boom\n   at Foo.Bar()");
    assertThat(r.message()).isEqualTo("Write failed\nSystem.Exception: boom\n   at Foo.Bar()");
  }

  @Test
  void takesIdsFromContinuationLines() {
    LogRecord r = record("2026-11-20T01:02:03Z ERROR Write failed\n"
        + "Session ID: " + SESSION.toUpperCase() + "\nRoot activity ID: {" + ACTIVITY + "}");
    assertThat(new String[] {r.sessionId(), r.activityId()}).containsExactly(SESSION, ACTIVITY);
  }

  @Test
  void takesIdsFromTheFirstLine() {
    LogRecord r = record("2026-11-20T01:02:03Z Info probe ok Session ID: " + SESSION);
    assertThat(r.sessionId()).isEqualTo(SESSION);
  }

  @Test
  void readsTheTimestampWithItsOffset() {
    LogRecord r = record("2026-11-20T03:02:03+02:00 Info ok");
    assertThat(r.timestampMillis()).isEqualTo(Instant.parse("2026-11-20T01:02:03Z").toEpochMilli());
  }

  @Test
  void readsTheTimestampWithoutZoneInTheJobZone() {
    RecordParser berlin = new RecordParser(ConfigLoader.bundled(), java.time.ZoneId.of("Europe/Berlin"));
    LogRecord r = (LogRecord) berlin.parseText(SRC, AT, "2026-11-20 02:02:03 Info ok", false);
    assertThat(r.timestampMillis()).isEqualTo(Instant.parse("2026-11-20T01:02:03Z").toEpochMilli());
  }

  @Test
  void carriesTheTruncatedFlag() {
    Parsed parsed = parser.parseText(SRC, AT, "2026-11-20T01:02:03Z ERROR cut here", true);
    assertThat(((LogRecord) parsed).truncated()).isTrue();
  }

  @Test
  void reportsAnUnreadableTimestampAsMalformedNamingIt() {
    Parsed parsed = parser.parseText(SRC, AT, "2026-13-45 01:02:03 ERROR boom", false);
    assertThat(parsed).isInstanceOf(Malformed.class);
    assertThat(((Malformed) parsed).reason()).contains("unreadable timestamp")
        .contains("'2026-13-45 01:02:03'");
  }

  @Test
  void keepsTheRawTextAndPositionOfAMalformedRecord() {
    String raw = "2026-13-45 01:02:03 ERROR boom\nmore";
    assertThat(parser.parseText(SRC, AT, raw, false))
        .isEqualTo(new Malformed(SRC, AT, Malformed.Kind.BAD_TIMESTAMP, "unreadable timestamp '2026-13-45 01:02:03'", raw));
  }

  @Test
  void reportsAFirstLineThatDoesNotMatchTheHeaderAsMalformed() {
    Parsed parsed = parser.parseText(SRC, AT, "not a log line", false);
    assertThat(parsed).isInstanceOf(Malformed.class)
        .extracting(p -> ((Malformed) p).kind(), p -> ((Malformed) p).reason())
        .containsExactly(Malformed.Kind.BAD_HEADER, "first line does not match text.header");
  }

  @Test
  void fromFieldsTreatsBlankComponentAsAbsent() {
    LogRecord r = parser.fromFields(SRC, AT, "2026-11-20T01:02:03Z", "Error", "  ", "m", null, null);
    assertThat(new Object[] {r.level(), r.component()}).containsExactly("ERROR", null);
  }

  @Test
  void fromFieldsLeavesAnUnknownLevelWordOut() {
    LogRecord r = parser.fromFields(SRC, AT, null, "Notice", null, "m", null, null);
    assertThat(r.level()).isNull();
  }

  private static LogRecord inLayout(String layout, String text) {
    var config = ConfigLoader.bundled();
    Parsed parsed = new RecordParser(config, ZoneOffset.UTC, config.text().layout(layout), false)
        .parseText(SRC, AT, text, false);
    assertThat(parsed).isInstanceOf(LogRecord.class);
    return (LogRecord) parsed;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '¦', value = {
      "log4net¦2026-11-20 01:02:03,456 [12] ERROR Microsoft.Dynamics.Integrator.Foo - Write failed¦2026-11-20T01:02:03.456Z¦ERROR¦Microsoft.Dynamics.Integrator.Foo¦Write failed",
      "level_in_brackets¦2026-11-20T01:02:03.456+03:00 [ERR] Write failed¦2026-11-19T22:02:03.456Z¦ERROR¦¦Write failed",
      "level_in_brackets¦2026-11-20 01:02:03 [Warning] [Gateway] Slow¦2026-11-20T01:02:03Z¦WARN¦Gateway¦Slow",
      "nlog¦2026-11-20 01:02:03.4567|ERROR|Contoso.Writer|Write failed¦2026-11-20T01:02:03.456Z¦ERROR¦Contoso.Writer¦Write failed",
      "bracketed_timestamp¦[2026-11-20 01:02:03,456] ERROR [DualWriteSync] Write failed¦2026-11-20T01:02:03.456Z¦ERROR¦DualWriteSync¦Write failed",
      "bracketed_timestamp¦[2026-11-20 01:02:03,456] [FTL] Write failed¦2026-11-20T01:02:03.456Z¦FATAL¦¦Write failed",
      "slash_date¦11/20/2026 1:02:03 PM Error Write failed¦2026-11-20T13:02:03Z¦ERROR¦¦Write failed"})
  void readsEachBundledLayout(String layout, String line, String ts, String level,
      String component, String message) {
    LogRecord r = inLayout(layout, line);
    assertThat(new Object[] {r.timestampMillis(), r.level(), r.component(), r.message()})
        .containsExactly(Instant.parse(ts).toEpochMilli(), level, component, message);
  }
}
