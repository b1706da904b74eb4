package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLineParserTest {
  private static final String SRC = "file:/logs/livesync.jsonl";
  private static final Position AT = Position.offset(7);
  private static final String SESSION = "670c5891-45d2-4c06-a206-02e0fc80fa6f";
  private static final String OTHER = "04948682-4233-4b55-bff9-59b7c7fda173";
  private static final String ACTIVITY = "eb83d7b6-4ce5-4589-addc-c683c32bb533";
  private static final long TS = Instant.parse("2026-11-20T01:02:03.456Z").toEpochMilli();

  private final JsonLineParser parser;

  JsonLineParserTest() {
    JobConfig config = ConfigLoader.bundled();
    parser = new JsonLineParser(new RecordParser(config, ZoneOffset.UTC), config.fields());
  }

  private LogRecord record(String line) {
    Parsed parsed = parser.parse(SRC, AT, line);
    assertThat(parsed).isInstanceOf(LogRecord.class);
    return (LogRecord) parsed;
  }

  private String reason(String line, Malformed.Kind kind) {
    Parsed parsed = parser.parse(SRC, AT, line);
    assertThat(parsed).isInstanceOf(Malformed.class);
    assertThat(((Malformed) parsed).kind()).isEqualTo(kind);
    return ((Malformed) parsed).reason();
  }

  @Test
  void readsAllFieldsUnderTheirFirstAliases() {
    LogRecord r = record("{\"timestamp\":\"2026-11-20T01:02:03.456Z\",\"level\":\"Error\","
        + "\"component\":\"LiveSync\",\"message\":\"boom\",\"sessionId\":\"" + SESSION
        + "\",\"activityId\":\"" + ACTIVITY + "\"}");
    assertThat(r).isEqualTo(
        new LogRecord(SRC, AT, TS, "ERROR", "LiveSync", "boom", SESSION, ACTIVITY, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"timestamp", "@timestamp", "time", "createdon", "CreatedOn", "@Timestamp"})
  void readsTheTimestampUnderEachAliasInAnyCase(String key) {
    assertThat(record("{\"" + key + "\":\"2026-11-20T01:02:03.456Z\",\"message\":\"m\"}")
        .timestampMillis()).isEqualTo(TS);
  }

  @Test
  void readsANumericTimestampAsEpochMillis() {
    assertThat(record("{\"time\":" + TS + ",\"message\":\"m\"}").timestampMillis()).isEqualTo(TS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"level", "Level", "severity", "Severity", "SEVERITY"})
  void readsTheLevelUnderEachAliasInAnyCase(String key) {
    assertThat(record("{\"" + key + "\":\"warning\",\"message\":\"m\"}").level()).isEqualTo("WARN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"message", "Message", "msg", "MSG", "exceptiondetails",
      "ExceptionDetails", "messageblock", "MessageBlock"})
  void readsTheMessageUnderEachAliasInAnyCase(String key) {
    assertThat(record("{\"" + key + "\":\"boom\"}").message()).isEqualTo("boom");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sessionId", "SessionId", "session_id", "SESSION_ID", "session"})
  void readsTheSessionUnderEachAliasInAnyCase(String key) {
    assertThat(record("{\"" + key + "\":\"{" + SESSION.toUpperCase() + "}\",\"message\":\"m\"}")
        .sessionId()).isEqualTo(SESSION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"activityId", "ActivityID", "activity_id", "rootActivityId",
      "RootActivityId", "rootactivityid"})
  void readsTheActivityUnderEachAliasInAnyCase(String key) {
    assertThat(record("{\"" + key + "\":\"" + ACTIVITY + "\",\"message\":\"m\"}").activityId())
        .isEqualTo(ACTIVITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"component", "Component", "typename", "TypeName"})
  void readsTheComponentUnderEachAliasInAnyCase(String key) {
    assertThat(record("{\"" + key + "\":\"Plugins.PostCommit\",\"message\":\"m\"}").component())
        .isEqualTo("Plugins.PostCommit");
  }

  @Test
  void joinsTheMessageAliasesInAliasOrderEachTextOnce() {
    // The message is every message field present (the most informative text), in alias order.
    assertThat(record("{\"msg\":\"second\",\"message\":\"first\",\"messageblock\":\"first\"}")
        .message()).isEqualTo("first\nsecond");
  }

  @Test
  void fallsBackToTheNextAliasWhenTheFirstIsBlank() {
    assertThat(record("{\"message\":\"  \",\"exceptiondetails\":\"details\"}").message())
        .isEqualTo("details");
  }

  @Test
  void takesTheSessionFieldOverASessionInTheMessage() {
    assertThat(record("{\"sessionId\":\"" + SESSION + "\",\"message\":\"Session ID: " + OTHER
        + "\"}").sessionId()).isEqualTo(SESSION);
  }

  @Test
  void takesTheSessionFromTheMessageWhenTheFieldIsBlank() {
    assertThat(record("{\"sessionId\":\" \",\"message\":\"Session ID: " + OTHER + "\"}")
        .sessionId()).isEqualTo(OTHER);
  }

  @Test
  void takesTheSessionFromTheMessageWhenTheFieldIsNull() {
    assertThat(record("{\"sessionId\":null,\"message\":\"SessionId=" + OTHER + "\"}")
        .sessionId()).isEqualTo(OTHER);
  }

  @Test
  void takesTheActivityFromTheMessageWhenThereIsNoField() {
    assertThat(record("{\"message\":\"failed. Root Activity ID: " + ACTIVITY + "\"}")
        .activityId()).isEqualTo(ACTIVITY);
  }

  @Test
  void keepsARecordWithAnUnreadableTimestampWithoutATimestamp() {
    LogRecord r = record("{\"timestamp\":\"soon\",\"message\":\"m\"}");
    assertThat(new Object[] {r.timestampMillis(), r.message()}).containsExactly(null, "m");
  }

  @Test
  void reportsInvalidJsonAsMalformed() {
    assertThat(reason("{\"message\": \"boom\"", Malformed.Kind.INVALID_JSON)).startsWith("invalid JSON");
  }

  @Test
  void reportsTrailingContentAfterTheObjectAsInvalidJson() {
    assertThat(reason("{\"message\":\"boom\"} trailing", Malformed.Kind.INVALID_JSON)).startsWith("invalid JSON");
  }

  @Test
  void reportsAnArrayAsNotAnObject() {
    assertThat(reason("[{\"message\":\"boom\"}]", Malformed.Kind.INVALID_JSON)).isEqualTo("not a JSON object");
  }

  @Test
  void reportsAStringAsNotAnObject() {
    assertThat(reason("\"message\"", Malformed.Kind.INVALID_JSON)).isEqualTo("not a JSON object");
  }

  @Test
  void reportsAMissingMessageNamingTheAliases() {
    assertThat(reason("{\"level\":\"Error\",\"text\":\"boom\"}", Malformed.Kind.NO_MESSAGE))
        .isEqualTo("no message field (looked for [message, msg, exceptiondetails, messageblock, "
            + "outerMessage, innermostMessage, details])");
  }

  @Test
  void keepsTheRawLineOfAMalformedRecord() {
    String line = "{\"level\":\"Error\"}";
    assertThat(parser.parse(SRC, AT, line)).isInstanceOf(Malformed.class)
        .extracting(p -> ((Malformed) p).raw(), p -> p.position())
        .containsExactly(line, AT);
  }

  @Test
  void returnsNullForABlankLine() {
    assertThat(parser.parse(SRC, AT, "   ")).isNull();
  }
}
