package org.dwlogs.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
  /**
   * The bundled ISO-8601 forms. When the configuration lists both, the common shapes they
   * accept are read by a direct digit parser first, which is many times faster than
   * {@link DateTimeFormatter}; anything it does not take goes to the formatters as usual.
   */
  static final List<String> ISO_FORMS = List.of(
      "uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSSSS][.SSSSSSS][.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S][,SSSSSS][,SSS][XXX][XX]",
      "uuuu-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSSSS][.SSSSSSS][.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S][,SSSSSS][,SSS][XXX][XX]");

  private final List<DateTimeFormatter> formats;
  private final ZoneId zone;
  private final boolean fastIso;

  public TimestampParser(List<String> patterns, ZoneId zone) {
    this(patterns, zone, false);
  }

  /**
   * With {@code dayFirst}, slash dates are read day first: every {@code M/d/} and
   * {@code MM/dd/} of the patterns is read as {@code d/M/} and {@code dd/MM/}.
   */
  public TimestampParser(List<String> patterns, ZoneId zone, boolean dayFirst) {
    this.fastIso = patterns.containsAll(ISO_FORMS);
    this.formats = patterns.stream()
        .map(p -> dayFirst ? p.replace("MM/dd/", "dd/MM/").replace("M/d/", "d/M/") : p)
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
    if (fastIso) {
      Long fast = fastIso(s);
      if (fast != null) {
        return fast;
      }
    }
    for (DateTimeFormatter format : formats) {
      try {
        TemporalAccessor parsed = format.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        Instant instant = parsed instanceof OffsetDateTime odt
            ? odt.toInstant()
            : ((LocalDateTime) parsed).atZone(zone).toInstant();
        return instant.toEpochMilli();
      } catch (DateTimeException | ArithmeticException e) {
        // not this form, or a year too far out for epoch milliseconds; try the next
      }
    }
    return null;
  }

  /**
   * {@code yyyy-MM-dd[T ]HH:mm:ss}, then an optional fraction ({@code .} and 1 to 9 digits, or
   * {@code ,} and 3 or 6), then an optional zone ({@code Z}, {@code UTC}, {@code GMT},
   * {@code +hh:mm}, {@code +hhmm}, after at most one space); null for anything else,
   * including impossible dates, which the formatters then reject.
   */
  Long fastIso(String s) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
        || s.charAt(16) != ':' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
      boolean comma = s.charAt(i) == ',';
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int width = i - start;
      if (width == 0 || (comma && width != 3 && width != 6) || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = width; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = null;
    if (i < n - 1 && s.charAt(i) == ' ') {
      i++; // a space before the zone: "01:02:03.456 +03:00", "01:02:03 UTC"
    }
    if (i < n) {
      char c = s.charAt(i);
      if ((c == 'Z' || c == 'z') && i + 1 == n) {
        offset = ZoneOffset.UTC;
      } else if (n - i == 3 && (s.regionMatches(true, i, "UTC", 0, 3)
          || s.regionMatches(true, i, "GMT", 0, 3))) {
        offset = ZoneOffset.UTC;
      } else if ((c == '+' || c == '-') && (n - i == 6 && s.charAt(i + 3) == ':' || n - i == 5)) {
        int hh = digits(s, i + 1, 2);
        int mm = digits(s, n - 2, 2);
        // java.time offsets lie within +-18:00: +18:30 is no offset, not a crash.
        if (hh < 0 || mm < 0 || mm > 59 || hh * 60 + mm > 18 * 60) {
          return null;
        }
        int secs = (hh * 3600 + mm * 60) * (c == '-' ? -1 : 1);
        offset = ZoneOffset.ofTotalSeconds(secs);
      } else {
        return null;
      }
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      Instant instant = offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
      return instant.toEpochMilli();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
