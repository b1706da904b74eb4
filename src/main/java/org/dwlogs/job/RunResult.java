package org.dwlogs.job;

import java.util.List;
import org.dwlogs.report.trend.Trend;
import org.dwlogs.run.RunTotals;

/**
 * What a report run produced: its totals, where the reports went, and the issues that
 * {@code --fail-on} alerts on (empty without it). Lives in {@code job}, not {@code run},
 * because its alerts are {@code report.trend} values, and {@code report} reads {@code run}.
 */
public record RunResult(RunTotals totals, String output, List<Trend> alerts) {
  public RunResult {
    alerts = List.copyOf(alerts);
  }

  public RunResult(RunTotals totals, String output) {
    this(totals, output, List.of());
  }
}
