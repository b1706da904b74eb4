package org.dwlogs.report.trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a run's issue counts with earlier runs (the {@code window}: the day folders of the
 * seven days before, or one baseline folder). Only the runs that exist are compared; missing
 * days are not counted as zero, {@code days_available} says how many there were.
 *
 * <p>The rule, with {@code x} this run's measure and {@code m} its mean over the window:
 * <ul>
 *   <li>{@code new}: seen in this run, in none of the earlier runs (with no earlier run at
 *       all, every issue seen is new);
 *   <li>{@code gone}: not seen in this run, seen in at least one earlier run;
 *   <li>{@code rising}: {@code x > 2m} and {@code x >= m + 3};
 *   <li>{@code falling}: {@code x < m/2} and {@code x <= m - 3};
 *   <li>{@code steady}: otherwise.
 * </ul>
 * The measure is distinct sessions; for an issue with no session ID in this run or any
 * earlier one it is occurrences. The comparisons are exact (integers, no rounding).
 */
public final class Trends {
  /** How many earlier days the means are over in nightly runs. */
  public static final int WINDOW_DAYS = 7;
  /** Rising and falling need at least this absolute change against the mean. */
  public static final long MIN_CHANGE = 3;

  private Trends() {}

  /**
   * One row per issue seen in this run or in the window, sorted by issue id. {@code current}
   * holds this run's counts (issues absent had none), {@code titles} the catalog titles,
   * {@code window} the earlier runs, oldest first (the last is the previous run).
   */
  public static List<Trend> compute(Map<String, IssueCounts> current, Map<String, String> titles,
      List<EarlierRun> window) {
    Map<String, Boolean> issues = new TreeMap<>();
    current.forEach((id, c) -> {
      if (c.occurrences() > 0) {
        issues.put(id, true);
      }
    });
    window.forEach(run -> run.issues().forEach((id, c) -> {
      if (c.occurrences() > 0) {
        issues.put(id, true);
      }
    }));
    EarlierRun prev = window.isEmpty() ? null : window.get(window.size() - 1);
    List<Trend> out = new ArrayList<>();
    for (String id : issues.keySet()) {
      IssueCounts now = current.getOrDefault(id, IssueCounts.NONE);
      long sumOccurrences = 0;
      long sumSessions = 0;
      for (EarlierRun run : window) {
        sumOccurrences += run.of(id).occurrences();
        sumSessions += run.of(id).sessions();
      }
      int n = window.size();
      boolean bySessions = now.sessions() > 0 || sumSessions > 0;
      Status status = status(now.occurrences(), sumOccurrences,
          bySessions ? now.sessions() : now.occurrences(), bySessions ? sumSessions : sumOccurrences, n);
      out.add(new Trend(id, titles.getOrDefault(id, ""), now.occurrences(), now.sessions(),
          prev == null ? null : prev.of(id).occurrences(),
          prev == null ? null : prev.of(id).sessions(),
          mean(sumOccurrences, n), mean(sumSessions, n), status, n,
          prev == null ? "" : prev.label()));
    }
    return out;
  }

  /**
   * The status of an issue with {@code occurrences} now and {@code earlierOccurrences} over the
   * {@code n} earlier runs, and its measure {@code x} now and summed over them ({@code sum}).
   */
  static Status status(long occurrences, long earlierOccurrences, long x, long sum, int n) {
    if (occurrences > 0 && earlierOccurrences == 0) {
      return Status.NEW;
    }
    if (occurrences == 0) {
      return Status.GONE;
    }
    // x against the mean sum/n, multiplied through by n to stay exact.
    long xn = x * n;
    if (xn > 2 * sum && xn >= sum + MIN_CHANGE * n) {
      return Status.RISING;
    }
    if (2 * xn < sum && xn <= sum - MIN_CHANGE * n) {
      return Status.FALLING;
    }
    return Status.STEADY;
  }

  /** sum / n with two decimals; null when there is nothing to average. */
  static BigDecimal mean(long sum, int n) {
    return n == 0 ? null
        : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
  }

  /** The rows that {@code failOn} alerts on, in issue order. */
  public static List<Trend> alerts(List<Trend> trends, FailOn failOn) {
    return trends.stream().filter(t -> failOn.triggers(t.status())).toList();
  }
}
