package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.junit.jupiter.api.Test;

class CsvRowParserTest {
  private static final String SRC = "file:/logs/errorlog.csv";
  private static final Position AT = Position.line(3);
  private static final String SESSION = "95814675-5260-4ba9-9362-3b53b93e295f";
  private static final String OTHER = "7592b89f-f910-468a-baee-bb48936b7ac2";
  private static final String ACTIVITY = "8ced402f-3bfa-4ca2-9f4b-ce511a61de45";

  private final JobConfig config = ConfigLoader.bundled();
  private final RecordParser records = new RecordParser(config, ZoneOffset.UTC);

  private CsvRowParser parser(String... header) {
    return new CsvRowParser(records, config.fields(), header);
  }

  private static String[] row(String... values) {
    return values;
  }

  @Test
  void readsTheErrorLogExportHeaders() {
    CsvRowParser p = parser("RecId", "Created On", "Level", "Table Map", "Session ID",
        "Activity ID", "Message");
    Parsed parsed = p.parse(SRC, AT, row("1", "2026-11-18 00:22:46.587", "Error", "Customers",
        SESSION.toUpperCase(), ACTIVITY, "boom"), "raw");
    assertThat(parsed).isEqualTo(new LogRecord(SRC, AT,
        Instant.parse("2026-11-18T00:22:46.587Z").toEpochMilli(), "ERROR", null, "boom", SESSION,
        ACTIVITY, false, "1\nCustomers"));
  }

  @Test
  void matchesHeadersIgnoringUnderscoresAndCase() {
    CsvRowParser p = parser("MESSAGE", "ROOT_ACTIVITY_ID", "SESSION_ID");
    LogRecord r = (LogRecord) p.parse(SRC, AT, row("boom", ACTIVITY, SESSION), "raw");
    assertThat(new String[] {r.activityId(), r.sessionId()}).containsExactly(ACTIVITY, SESSION);
  }

  @Test
  void matchesHeadersIgnoringSpaces() {
    CsvRowParser p = parser("Message", "Root Activity Id", "Type Name");
    LogRecord r = (LogRecord) p.parse(SRC, AT, row("boom", ACTIVITY, "Plugin"), "raw");
    assertThat(new String[] {r.activityId(), r.component()}).containsExactly(ACTIVITY, "Plugin");
  }

  @Test
  void matchesAHeaderWithAByteOrderMark() {
    CsvRowParser p = parser("\uFEFFCreated On", "Message");
    LogRecord r = (LogRecord) p.parse(SRC, AT, row("2026-11-18 00:22:46", "boom"), "raw");
    assertThat(r.timestampMillis()).isEqualTo(Instant.parse("2026-11-18T00:22:46Z").toEpochMilli());
  }

  @Test
  void takesTheSessionFromTheMessageWhenTheSessionColumnIsBlank() {
    CsvRowParser p = parser("Session ID", "Message");
    LogRecord r = (LogRecord) p.parse(SRC, AT, row("", "sent [SessionId=" + OTHER + "]"), "raw");
    assertThat(r.sessionId()).isEqualTo(OTHER);
  }

  @Test
  void takesTheSessionColumnOverASessionInTheMessage() {
    CsvRowParser p = parser("Session ID", "Message");
    LogRecord r = (LogRecord) p.parse(SRC, AT, row(SESSION, "SessionId=" + OTHER), "raw");
    assertThat(r.sessionId()).isEqualTo(SESSION);
  }

  @Test
  void reportsAWrongFieldCountNamingExpectedAndFound() {
    CsvRowParser p = parser("Created On", "Level", "Message");
    Parsed parsed = p.parse(SRC, AT, row("2026-11-18 00:22:46", "Error"), "2026-11-18 00:22:46,Error");
    assertThat(parsed).isEqualTo(new Malformed(SRC, AT, Malformed.Kind.CSV_FIELD_COUNT,
        "expected 3 fields as in the header, found 2", "2026-11-18 00:22:46,Error"));
  }

  @Test
  void reportsTooManyFieldsAsMalformed() {
    CsvRowParser p = parser("Level", "Message");
    Parsed parsed = p.parse(SRC, AT, row("Error", "a", "b"), "Error,a,b");
    assertThat(((Malformed) parsed).reason()).isEqualTo("expected 2 fields as in the header, found 3");
  }

  @Test
  void returnsNullForAnEmptyLine() {
    assertThat(parser("Level", "Message").parse(SRC, AT, row(""), "")).isNull();
  }

  @Test
  void readsABlankMessageAsAnEmptyMessage() {
    LogRecord r = (LogRecord) parser("Level", "Message").parse(SRC, AT, row("Error", ""), "Error,");
    assertThat(r.message()).isEmpty();
  }

  @Test
  void knowsAHeaderWithAMessageColumn() {
    assertThat(parser("Created On", "Exception Details").hasMessageColumn()).isTrue();
  }

  @Test
  void knowsAHeaderWithoutAMessageColumn() {
    assertThat(parser("Created On", "Level", "Description").hasMessageColumn()).isFalse();
  }
}
