package org.dwlogs.report.trend;

/** One issue's occurrences and distinct sessions in one run, as in {@code issue_summary.csv}. */
public record IssueCounts(long occurrences, long sessions) {
  public static final IssueCounts NONE = new IssueCounts(0, 0);
}
