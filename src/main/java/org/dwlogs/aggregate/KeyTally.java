package org.dwlogs.aggregate;

import java.io.Serializable;

/** Occurrences of a report key and the distinct sessions among them. */
final class KeyTally implements Serializable {
  private static final long serialVersionUID = 1L;
  long occurrences;
  final DistinctIds sessions = new DistinctIds();

  void add(String session) {
    occurrences++;
    sessions.add(session);
  }

  void merge(KeyTally o) {
    occurrences += o.occurrences;
    sessions.merge(o.sessions);
  }
}
