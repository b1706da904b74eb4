package org.dwlogs.ingest;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.NoiseRecord;
import org.dwlogs.parse.Parsed;

/**
 * Gives each malformed record of one split the time it is counted at in a run with a time
 * window (a nightly day), so that it falls in exactly one day:
 * <ol>
 *   <li>the timestamp of the nearest readable record before it in the split;
 *   <li>else (the split starts with malformed records) the nearest one after it in the
 *       split, looking ahead at most {@value #MAX_HELD} malformed records;
 *   <li>else the file's modification time.
 * </ol>
 * A split is a whole file unless the file is large and uncompressed, so the first rule is the
 * nearest timestamp before it in its file for all but the first malformed records of a split.
 */
final class TimestampHints extends NextIterator<Parsed> {
  static final int MAX_HELD = 1000;

  private final Iterator<Parsed> in;
  private final long fallbackMillis;
  private final ArrayDeque<Malformed> held = new ArrayDeque<>();
  private final ArrayDeque<Parsed> ready = new ArrayDeque<>();
  private Long last;

  TimestampHints(Iterator<Parsed> in, long fallbackMillis) {
    this.in = in;
    this.fallbackMillis = fallbackMillis;
  }

  @Override
  protected Parsed computeNext() {
    while (ready.isEmpty()) {
      if (!in.hasNext()) {
        release(fallbackMillis);
        return ready.poll();
      }
      Parsed next = in.next();
      if (next instanceof Malformed m) {
        if (last != null) {
          ready.add(m.withTimestampHint(last));
        } else {
          held.add(m);
          if (held.size() >= MAX_HELD) {
            release(fallbackMillis);
          }
        }
      } else {
        Long ts = next instanceof NoiseRecord n ? n.timestampMillis()
            : ((LogRecord) next).timestampMillis();
        if (ts != null) {
          last = ts;
          release(ts);
        }
        ready.add(next); // records need no hint; their order in a partition does not matter
      }
    }
    return ready.poll();
  }

  private void release(long millis) {
    while (!held.isEmpty()) {
      ready.add(held.poll().withTimestampHint(millis));
    }
  }
}
