package org.dwlogs.aggregate;

import java.io.Serializable;
import java.util.TreeSet;

/** One (session, issue) pair: issue_sessions.csv's counts and its sorted activity IDs. */
final class SessionIssueTally implements Serializable {
  private static final long serialVersionUID = 1L;
  long occurrences;
  Long first;
  Long last;
  final TreeSet<String> activities = new TreeSet<>(CodePointOrder.INSTANCE);

  void add(String activity, Long ts) {
    occurrences++;
    if (activity != null) {
      activities.add(activity);
    }
    first = TimeSpan.min(first, ts);
    last = TimeSpan.max(last, ts);
  }

  void merge(SessionIssueTally o) {
    occurrences += o.occurrences;
    activities.addAll(o.activities);
    first = TimeSpan.min(first, o.first);
    last = TimeSpan.max(last, o.last);
  }
}
