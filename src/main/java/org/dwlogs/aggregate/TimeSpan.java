package org.dwlogs.aggregate;

/** Earliest and latest of nullable timestamps, nulls ignored (as SQL's min and max). */
final class TimeSpan {
  private TimeSpan() {}

  static Long min(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null || a <= b ? a : b;
  }

  static Long max(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null || a >= b ? a : b;
  }
}
