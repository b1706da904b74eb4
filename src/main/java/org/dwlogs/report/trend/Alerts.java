package org.dwlogs.report.trend;

import java.util.List;
import java.util.stream.Collectors;

/** The one line that names what {@code --fail-on} alerted on, for cron mails and task logs. */
public final class Alerts {
  private Alerts() {}

  /** {@code DW-1 new (3 sessions), DW-2 rising (9 sessions, mean 2.00)}. */
  public static String line(List<Trend> alerts) {
    return alerts.stream().map(t -> t.issueId() + " " + t.status().label() + " (" + t.sessions()
            + " sessions, " + t.occurrences() + " occurrences"
            + (t.mean7Sessions() == null ? "" : ", mean " + t.mean7Sessions().toPlainString() + " sessions")
            + ")")
        .collect(Collectors.joining(", "));
  }
}
