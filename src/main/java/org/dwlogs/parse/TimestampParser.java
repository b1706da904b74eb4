package org.dwlogs.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads timestamps in the configured forms. A form with a zone or offset gives its instant;
 * a form without one is read in the job's time zone. Bare numbers of 10 or 13 digits are
 * epoch seconds or milliseconds.
 */
public final class TimestampParser {
  private final List<DateTimeFormatter> formats;
  private final ZoneId zone;

  public TimestampParser(List<String> patterns, ZoneId zone) {
    this.formats = patterns.stream()
        .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
            .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT))
        .toList();
    this.zone = zone;
  }

  /** Epoch milliseconds of {@code text}, or null when no configured form reads it. */
  public Long parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.chars().allMatch(Character::isDigit)) {
      if (s.length() == 13) {
        return Long.parseLong(s);
      }
      if (s.length() == 10) {
        return Long.parseLong(s) * 1000L;
      }
      return null;
    }
    for (DateTimeFormatter format : formats) {
      try {
        TemporalAccessor parsed = format.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        Instant instant = parsed instanceof OffsetDateTime odt
            ? odt.toInstant()
            : ((LocalDateTime) parsed).atZone(zone).toInstant();
        return instant.toEpochMilli();
      } catch (DateTimeException e) {
        // not this form; try the next
      }
    }
    return null;
  }
}
