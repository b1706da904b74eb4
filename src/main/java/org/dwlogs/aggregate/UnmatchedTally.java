package org.dwlogs.aggregate;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One pattern of unmatched error records: unmatched_errors.csv's counts, and the example of
 * the earliest record, ties broken by file then position (a record without a timestamp comes
 * after every timestamp), so that the example is the same however the input is split.
 */
final class UnmatchedTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Comparator<UnmatchedTally> EXAMPLE_ORDER =
      Comparator.<UnmatchedTally>comparingLong(t -> t.exampleTs)
          .thenComparing(t -> t.exampleSource, CodePointOrder.NULLS_FIRST)
          .thenComparingLong(t -> t.examplePosition);

  long occurrences;
  final DistinctIds sessions = new DistinctIds();
  Long first;
  Long last;
  private long exampleTs = Long.MAX_VALUE;
  private String exampleSource;
  private long examplePosition = Long.MAX_VALUE;
  String example;

  void add(String session, Long ts, String source, long position, String exampleText) {
    UnmatchedTally one = new UnmatchedTally();
    one.occurrences = 1;
    one.sessions.add(session);
    one.first = ts;
    one.last = ts;
    one.exampleTs = ts == null ? Long.MAX_VALUE : ts;
    one.exampleSource = source;
    one.examplePosition = position;
    one.example = exampleText;
    merge(one);
  }

  void merge(UnmatchedTally o) {
    if (o.occurrences > 0 && (occurrences == 0 || EXAMPLE_ORDER.compare(o, this) < 0)) {
      exampleTs = o.exampleTs;
      exampleSource = o.exampleSource;
      examplePosition = o.examplePosition;
      example = o.example;
    }
    occurrences += o.occurrences;
    sessions.merge(o.sessions);
    first = TimeSpan.min(first, o.first);
    last = TimeSpan.max(last, o.last);
  }
}
