package org.dwlogs.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values are written into report cells. */
public final class Cells {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Cells() {}

  /** ISO-8601 UTC with milliseconds and {@code Z}; empty for no timestamp. */
  public static String timestamp(Long epochMillis) {
    return epochMillis == null ? "" : TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
  }

  /** {@code part / whole} with six decimals (0.250000); 0.000000 when {@code whole} is 0. */
  public static String ratio(long part, long whole) {
    if (whole == 0) {
      return "0.000000";
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP)
        .toPlainString();
  }

  public static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
