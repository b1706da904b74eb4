package org.dwlogs.report.trend;

import java.time.LocalDate;
import java.util.Map;

/**
 * An earlier run's issue counts: a nightly day folder ({@code day} set) or a baseline report
 * folder ({@code day} null). {@code label} names it where it is shown (the day, or the
 * folder's name). Issues absent from {@code issues} had no occurrence.
 */
public record EarlierRun(String label, LocalDate day, Map<String, IssueCounts> issues) {
  public EarlierRun {
    issues = Map.copyOf(issues);
  }

  public IssueCounts of(String issueId) {
    return issues.getOrDefault(issueId, IssueCounts.NONE);
  }
}
