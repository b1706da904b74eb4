package org.dwlogs.aggregate;

import java.io.Serializable;

/** One issue's matched records: issue_summary.csv's counts. */
final class IssueTally implements Serializable {
  private static final long serialVersionUID = 1L;
  long occurrences;
  final DistinctIds sessions = new DistinctIds();
  final DistinctIds activities = new DistinctIds();
  long withoutSession;
  Long first;
  Long last;

  void add(String session, String activity, Long ts) {
    occurrences++;
    sessions.add(session);
    activities.add(activity);
    withoutSession += session == null ? 1 : 0;
    first = TimeSpan.min(first, ts);
    last = TimeSpan.max(last, ts);
  }

  void merge(IssueTally o) {
    occurrences += o.occurrences;
    sessions.merge(o.sessions);
    activities.merge(o.activities);
    withoutSession += o.withoutSession;
    first = TimeSpan.min(first, o.first);
    last = TimeSpan.max(last, o.last);
  }
}
