package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.junit.jupiter.api.Test;

class IdExtractorTest {
  private static final String ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  private static final String OTHER = "8ced402f-3bfa-4ca2-9f4b-ce511a61de45";

  private final IdExtractor ids = bundled();

  private static IdExtractor bundled() {
    JobConfig config = ConfigLoader.bundled();
    return new IdExtractor(config.ids().session(), config.ids().activity());
  }

  // --- session notations -------------------------------------------------------------

  @Test
  void findsSessionIdWithSpaceAndColon() {
    assertThat(ids.sessionId("Sync failed. Session ID: " + ID)).isEqualTo(ID);
  }

  @Test
  void findsSessionIdCamelCaseWithEquals() {
    assertThat(ids.sessionId("payload sent [SessionId=" + ID + "; ok]")).isEqualTo(ID);
  }

  @Test
  void findsSessionIdLowerCamelCaseWithColon() {
    assertThat(ids.sessionId("(sessionId: " + ID + ")")).isEqualTo(ID);
  }

  @Test
  void findsBareSessionWithEquals() {
    assertThat(ids.sessionId("retry session=" + ID + " attempt 2")).isEqualTo(ID);
  }

  @Test
  void findsSessionIdWithUnderscore() {
    assertThat(ids.sessionId("session_id=" + ID)).isEqualTo(ID);
  }

  @Test
  void findsSessionIdInUpperCaseLabel() {
    assertThat(ids.sessionId("SESSION ID: " + ID)).isEqualTo(ID);
  }

  @Test
  void findsSessionIdOnAContinuationLine() {
    assertThat(ids.sessionId("Error while writing\n  at X.y()\nSession ID: " + ID)).isEqualTo(ID);
  }

  @Test
  void returnsNoSessionWhenTheTextHasNone() {
    assertThat(ids.sessionId("correlationId=" + ID)).isNull();
  }

  @Test
  void returnsNoSessionForNullText() {
    assertThat(ids.sessionId(null)).isNull();
  }

  // --- activity notations ------------------------------------------------------------

  @Test
  void findsRootActivityIdInSentenceCase() {
    assertThat(ids.activityId("Root activity ID: " + ID)).isEqualTo(ID);
  }

  @Test
  void findsRootActivityIdInTitleCase() {
    assertThat(ids.activityId("Root Activity ID: " + ID)).isEqualTo(ID);
  }

  @Test
  void findsActivityIdCamelCaseWithEquals() {
    assertThat(ids.activityId("activityId=" + ID)).isEqualTo(ID);
  }

  @Test
  void findsActivityIdPascalCaseWithColon() {
    assertThat(ids.activityId("ActivityId: " + ID)).isEqualTo(ID);
  }

  @Test
  void findsBareActivityWithEquals() {
    assertThat(ids.activityId("activity=" + ID)).isEqualTo(ID);
  }

  @Test
  void findsActivityIdWithUnderscore() {
    assertThat(ids.activityId("activity_id=" + ID)).isEqualTo(ID);
  }

  @Test
  void findsActivityIdInUpperCaseLabel() {
    assertThat(ids.activityId("ROOT ACTIVITY ID: " + ID)).isEqualTo(ID);
  }

  @Test
  void findsActivityIdForTroubleshooting() {
    assertThat(ids.activityId("Write failed. Activity ID for troubleshooting {" + ID + "}"))
        .isEqualTo(ID);
  }

  // --- normalisation -----------------------------------------------------------------

  @Test
  void lowercasesUpperCaseGuid() {
    assertThat(ids.sessionId("Session ID: " + ID.toUpperCase())).isEqualTo(ID);
  }

  @Test
  void dropsBracesAroundGuid() {
    assertThat(ids.activityId("activityId={" + ID.toUpperCase() + "}")).isEqualTo(ID);
  }

  @Test
  void normalizeStripsBracesAndWhitespaceAndLowercases() {
    assertThat(IdExtractor.normalize("  {" + ID.toUpperCase() + "} ")).isEqualTo(ID);
  }

  @Test
  void normalizeTurnsBlankIntoNull() {
    assertThat(IdExtractor.normalize("  ")).isNull();
  }

  @Test
  void normalizeTurnsEmptyBracesIntoNull() {
    assertThat(IdExtractor.normalize("{ }")).isNull();
  }

  // --- session and activity kept apart -------------------------------------------------

  @Test
  void doesNotTakeASessionNotationAsAnActivity() {
    assertThat(ids.activityId("Session ID: " + ID)).isNull();
  }

  @Test
  void doesNotTakeAnActivityNotationAsASession() {
    assertThat(ids.sessionId("Root activity ID: " + ID + " activityId=" + OTHER)).isNull();
  }

  @Test
  void takesSessionAndActivityFromTheSameLine() {
    String text = "Session ID: " + ID + " Root activity ID: " + OTHER;
    assertThat(new String[] {ids.sessionId(text), ids.activityId(text)})
        .containsExactly(ID, OTHER);
  }

  @Test
  void takesActivityWrittenBeforeSessionFromTheSameLine() {
    String text = "[activityId=" + OTHER + "; SessionId=" + ID + "]";
    assertThat(new String[] {ids.sessionId(text), ids.activityId(text)})
        .containsExactly(ID, OTHER);
  }

  @Test
  void ignoresSessionLabelInsideAnotherWord() {
    assertThat(ids.sessionId("usersession=" + ID)).isNull();
  }

  // --- removeNotations ---------------------------------------------------------------

  @Test
  void removesSessionAndActivityNotationsWithTheirIds() {
    String out = ids.removeNotations(
        "Write failed Session ID: {" + ID + "} Root Activity ID: " + OTHER + " end");
    assertThat(out).doesNotContain(ID).doesNotContain(OTHER).doesNotContainIgnoringCase("session")
        .doesNotContainIgnoringCase("activity").doesNotContain("{").startsWith("Write failed")
        .endsWith(" end");
  }

  @Test
  void keepsGuidsThatAreNotInANotation() {
    assertThat(ids.removeNotations("correlationId=" + ID)).isEqualTo("correlationId=" + ID);
  }

  // --- placeholders ------------------------------------------------------------------

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"N/A", "n/a", "null", "NULL", "none",
      "None", "-", "", "  ", "00000000-0000-0000-0000-000000000000",
      "{00000000-0000-0000-0000-000000000000}", " {00000000-0000-0000-0000-000000000000} ",
      "00000000000000000000000000000000"})
  void aPlaceholderIsNoId(String value) {
    assertThat(IdExtractor.normalize(value)).isNull();
  }

  @Test
  void aRealIdIsKeptLowercaseWithoutBraces() {
    assertThat(IdExtractor.normalize(" {" + ID.toUpperCase() + "} ")).isEqualTo(ID);
    assertThat(IdExtractor.normalize("00000000-0000-0000-0000-000000000001"))
        .isEqualTo("00000000-0000-0000-0000-000000000001");
  }

  @Test
  void theZeroGuidInTextIsSkippedForTheNextId() {
    assertThat(ids.sessionId("Session ID: 00000000-0000-0000-0000-000000000000")).isNull();
    assertThat(ids.sessionId("Session ID: {00000000-0000-0000-0000-000000000000}; retried, "
        + "Session ID: " + ID)).isEqualTo(ID);
    assertThat(ids.activityId("Activity ID for troubleshooting {00000000-0000-0000-0000-000000000000}"))
        .isNull();
  }

  @Test
  void findsTheHintIgnoringCaseAtTheTextsOwnOffsets() {
    assertThat(IdExtractor.indexIgnoringCase("x SESSIONID=1", "session")).isEqualTo(2);
    assertThat(IdExtractor.indexIgnoringCase("İİ Session", "session"))
        .as("a letter whose lower case is longer does not shift the offset").isEqualTo(3);
    assertThat(IdExtractor.indexIgnoringCase("sessio", "session")).isEqualTo(-1);
    assertThat(IdExtractor.indexIgnoringCase("the session", "session")).isEqualTo(4);
    assertThat(IdExtractor.indexIgnoringCase("", "session")).isEqualTo(-1);
    assertThat(IdExtractor.indexIgnoringCase("sess Sess sEsSiOn", "session")).isEqualTo(10);
    assertThat(IdExtractor.indexIgnoringCase("Ss session", "session")).isEqualTo(3);
    assertThat(IdExtractor.indexIgnoringCase("x \u0130d", "id"))
        .as("U+0130 lowers to i: a hint starting with i is compared char by char").isEqualTo(2);
    assertThat(IdExtractor.indexIgnoringCase("\u212aey", "key")).as("the Kelvin sign").isEqualTo(0);
  }

  @Test
  void readsAnIdAfterLettersWhoseLowerCaseIsLonger() {
    IdExtractor ids = new IdExtractor(
        List.of("(?i)\\bsession[ _]?id\\s*[:=]\\s*(?<id>[0-9a-f-]{36})"), List.of());
    assertThat(ids.sessionId("İİİ SessionId=4bf3fc02-f6df-4aab-8068-ee14decc3a86"))
        .isEqualTo("4bf3fc02-f6df-4aab-8068-ee14decc3a86");
  }
}
