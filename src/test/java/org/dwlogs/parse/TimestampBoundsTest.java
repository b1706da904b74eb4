package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.dwlogs.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps outside what {@code java.time} and epoch milliseconds hold are unreadable (null),
 * never an exception: an exception here used to fail the whole run.
 */
class TimestampBoundsTest {
  private final TimestampParser parser =
      new TimestampParser(ConfigLoader.bundled().timestampFormats(), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20T01:02:03+18:30", "2026-11-20T01:02:03-18:01",
      "2026-11-20 01:02:03+1859", "2026-11-20T01:02:03.456+18:01", "2026-11-20T01:02:03+25:00",
      "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"})
  void anOffsetBeyondEighteenHoursOrAYearBeyondEpochMillisIsUnreadable(String text) {
    assertThat(parser.parse(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20T01:02:03+18:00", "2026-11-20T01:02:03-18:00"})
  void eighteenHoursIsStillAnOffset(String text) {
    long expected = java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
    assertThat(parser.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+99999-01-01T00:00:00Z"})
  void aFarYearThatEpochMillisHoldIsRead(String text) {
    assertThat(parser.parse(text)).isEqualTo(Instant.parse(text).toEpochMilli());
  }
}
