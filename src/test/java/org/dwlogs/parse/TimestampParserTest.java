package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.dwlogs.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class TimestampParserTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static TimestampParser parser(ZoneId zone) {
    return new TimestampParser(ConfigLoader.bundled().timestampFormats(), zone);
  }

  private static long millis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void readsIsoTimestampWithZuluAndMillis() {
    assertThat(parser(UTC).parse("2026-11-20T01:02:03.456Z"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
  }

  @Test
  void readsIsoTimestampWithOffset() {
    assertThat(parser(UTC).parse("2026-11-20T03:02:03+02:00"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void offsetInTheTextWinsOverTheJobZone() {
    assertThat(parser(BERLIN).parse("2026-11-20T03:02:03+02:00"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void readsSpaceSeparatedTimestampWithCommaMillis() {
    assertThat(parser(UTC).parse("2026-11-20 01:02:03,456"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
  }

  @Test
  void readsSpaceSeparatedTimestampWithDotMillis() {
    assertThat(parser(UTC).parse("2026-11-20 01:02:03.456"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
  }

  @Test
  void readsTimestampWithoutFractionOrZoneAsUtcByDefault() {
    assertThat(parser(UTC).parse("2026-11-20T01:02:03"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void readsTimestampWithoutZoneInTheGivenZone() {
    // 20 November: Berlin is on CET, UTC+1.
    assertThat(parser(BERLIN).parse("2026-11-20 02:02:03.456"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
  }

  @Test
  void readsTimestampWithoutZoneInTheGivenZoneUnderSummerTime() {
    // 20 July: Berlin is on CEST, UTC+2.
    assertThat(parser(BERLIN).parse("2026-07-20 03:02:03"))
        .isEqualTo(millis("2026-07-20T01:02:03Z"));
  }

  @Test
  void readsSevenDigitFractionOfDotNetRoundTripFormat() {
    assertThat(parser(UTC).parse("2019-08-27T18:51:52.5843124Z"))
        .isEqualTo(millis("2019-08-27T18:51:52.584Z"));
  }

  @Test
  void readsNineDigitFraction() {
    assertThat(parser(UTC).parse("2026-11-20T01:02:03.456789123Z"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
  }

  @Test
  void readsSixDigitFractionWithOffset() {
    assertThat(parser(UTC).parse("2026-11-20T02:02:03.456789+01:00"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
  }

  @Test
  void readsThirteenDigitsAsEpochMillis() {
    assertThat(parser(BERLIN).parse("1795654923456"))
        .isEqualTo(1795654923456L);
  }

  @Test
  void readsTenDigitsAsEpochSeconds() {
    assertThat(parser(BERLIN).parse("1795654923"))
        .isEqualTo(1795654923000L);
  }

  @Test
  void rejectsBareNumberOfOtherLength() {
    assertThat(parser(UTC).parse("17956549234")).isNull();
  }

  @Test
  void readsUsDateWithTwelveHourClock() {
    assertThat(parser(UTC).parse("11/20/2026 1:02:03 AM"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void readsUsDateWithTwelveHourClockAfternoon() {
    assertThat(parser(UTC).parse("11/20/2026 1:02:03 PM"))
        .isEqualTo(millis("2026-11-20T13:02:03Z"));
  }

  @Test
  void readsUsDateWithLowercaseMeridiem() {
    assertThat(parser(UTC).parse("11/20/2026 1:02 am"))
        .isEqualTo(millis("2026-11-20T01:02:00Z"));
  }

  @Test
  void readsUsDateInTheGivenZone() {
    assertThat(parser(BERLIN).parse("11/20/2026 2:02:03 AM"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(parser(UTC).parse("  2026-11-20T01:02:03Z \n"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void returnsNullForUnreadableText() {
    assertThat(parser(UTC).parse("yesterday at noon")).isNull();
  }

  @Test
  void returnsNullForImpossibleDate() {
    assertThat(parser(UTC).parse("2026-02-30T01:02:03Z")).isNull();
  }

  @Test
  void returnsNullForBlankText() {
    assertThat(parser(UTC).parse("   ")).isNull();
  }

  @Test
  void returnsNullForNull() {
    assertThat(parser(UTC).parse(null)).isNull();
  }

  @Test
  void readsASpaceBeforeTheOffset() {
    assertThat(parser(UTC).parse("2026-11-20 01:02:03.456 +03:00"))
        .isEqualTo(millis("2026-11-19T22:02:03.456Z"));
    assertThat(parser(UTC).parse("2026-11-20 01:02:03 -0500"))
        .isEqualTo(millis("2026-11-20T06:02:03Z"));
  }

  @Test
  void readsTheZoneWordsUtcGmtAndZ() {
    assertThat(parser(BERLIN).parse("2026-11-20 01:02:03 UTC"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
    assertThat(parser(BERLIN).parse("2026-11-20 01:02:03,456 GMT"))
        .isEqualTo(millis("2026-11-20T01:02:03.456Z"));
    assertThat(parser(BERLIN).parse("2026-11-20 01:02:03 Z"))
        .isEqualTo(millis("2026-11-20T01:02:03Z"));
  }

  @Test
  void readsSlashDatesDayFirstWhenAsked() {
    TimestampParser dayFirst =
        new TimestampParser(ConfigLoader.bundled().timestampFormats(), UTC, true);
    assertThat(dayFirst.parse("20/11/2026 01:02:03")).isEqualTo(millis("2026-11-20T01:02:03Z"));
    assertThat(dayFirst.parse("05/11/2026 01:02:03")).isEqualTo(millis("2026-11-05T01:02:03Z"));
    assertThat(parser(UTC).parse("05/11/2026 01:02:03")).isEqualTo(millis("2026-05-11T01:02:03Z"));
    assertThat(parser(UTC).parse("20/11/2026 01:02:03")).isNull();
  }
}
