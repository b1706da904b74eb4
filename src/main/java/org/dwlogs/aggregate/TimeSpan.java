package org.dwlogs.aggregate;

/** Earliest and latest of nullable timestamps, nulls ignored (as SQL's min and max). */
final class TimeSpan {
  private TimeSpan() {}

  static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.min(a, b);
  }

  static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.max(a, b);
  }
}
