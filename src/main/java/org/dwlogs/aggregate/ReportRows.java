package org.dwlogs.aggregate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dwlogs.match.Match;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.NoiseRecord;
import org.dwlogs.parse.Parsed;

/**
 * Turns one partition's parsed records into the rows every report aggregates.
 *
 * <p>Most records are noise: they match no catalog entry and are not errors. All a report
 * needs of them is that they were read (per file, with their data-quality flags) and which
 * session and activity IDs they carry (the denominator of {@code share_of_sessions}). So
 * noise is aggregated inside the partition, exactly, into one {@code stats} row per file and
 * one {@code session} / {@code activity} row per distinct ID, instead of one row per record:
 * a few thousand rows leave a partition of millions of records.
 *
 * <p>Every other record becomes a {@code record} row: one per matching catalog entry
 * ({@code match_rank} 0, 1, ...), or one with a null {@code issue_id} for an unmatched
 * error, which also carries its pattern and example. Each malformed record becomes a
 * {@code malformed} row. The counters {@code n_*} are per row, so summing them over all rows
 * gives the run's totals.
 */
public final class ReportRows {
  public static final String KIND_RECORD = "record";
  public static final String KIND_MALFORMED = "malformed";
  public static final String KIND_STATS = "stats";
  public static final String KIND_SESSION = "session";
  public static final String KIND_ACTIVITY = "activity";

  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, true)
      .add("position", DataTypes.LongType, true)
      .add("position_kind", DataTypes.StringType, true)
      .add("ts", DataTypes.LongType, true)
      .add("day", DataTypes.StringType, true)
      .add("level", DataTypes.StringType, true)
      .add("session_id", DataTypes.StringType, true)
      .add("activity_id", DataTypes.StringType, true)
      .add("issue_id", DataTypes.StringType, true)
      .add("match_rank", DataTypes.IntegerType, false)
      .add("solution", DataTypes.StringType, true)
      .add("found_version", DataTypes.StringType, true)
      .add("required_version", DataTypes.StringType, true)
      .add("table_map", DataTypes.StringType, true)
      .add("pattern", DataTypes.StringType, true)
      .add("example", DataTypes.StringType, true)
      .add("n_records", DataTypes.LongType, false)
      .add("n_truncated", DataTypes.LongType, false)
      .add("n_without_ts", DataTypes.LongType, false)
      .add("n_invalid_utf8", DataTypes.LongType, false)
      .add("n_control_chars", DataTypes.LongType, false)
      .add("malformed_kind", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("raw", DataTypes.StringType, true)
      // Matched records: the issue_details.csv values the entry's extractors pulled out.
      .add("details", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  /** What a decoder puts where bytes were not valid UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private ReportRows() {}

  /**
   * The rows of one partition. Records timestamped outside {@code [fromMillis, toMillis)}
   * (null bounds are open; with any bound, records without a timestamp are outside) are
   * skipped as if absent; so are malformed records whose timestamp hint (the readable
   * timestamp before them in their file) is outside. Malformed records without a hint are
   * always kept.
   */
  public static Iterator<Row> rows(Iterator<Parsed> records, SignatureMatcher matcher,
      IdExtractor ids, Set<String> errorLevels, Long fromMillis, Long toMillis) {
    return new PartitionRows(records, matcher, ids, errorLevels, fromMillis, toMillis);
  }

  /** The rows of one partition, without a time window. */
  public static Iterator<Row> rows(Iterator<Parsed> records, SignatureMatcher matcher,
      IdExtractor ids, Set<String> errorLevels) {
    return rows(records, matcher, ids, errorLevels, null, null);
  }

  private static final class PartitionRows implements Iterator<Row> {
    private final Iterator<Parsed> records;
    private final SignatureMatcher matcher;
    private final IdExtractor ids;
    private final Set<String> errorLevels;
    private final Long from;
    private final Long to;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    // Noise, aggregated: per file [records, truncated, without_ts, invalid_utf8, control_chars].
    private final Map<String, long[]> stats = new TreeMap<>();
    private final Set<String> sessions = new HashSet<>();
    private final Set<String> activities = new HashSet<>();
    private boolean flushed;

    PartitionRows(Iterator<Parsed> records, SignatureMatcher matcher, IdExtractor ids,
        Set<String> errorLevels, Long from, Long to) {
      this.records = records;
      this.matcher = matcher;
      this.ids = ids;
      this.errorLevels = errorLevels;
      this.from = from;
      this.to = to;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (records.hasNext()) {
          add(records.next());
        } else if (!flushed) {
          flush();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void add(Parsed parsed) {
      if (parsed instanceof Malformed m) {
        Long hint = m.timestampHint();
        if (hint != null && !inWindow(hint)) {
          return; // counted in the window of the readable timestamp before it
        }
        ready.add(malformedRow(m, hint));
        return;
      }
      if (parsed instanceof NoiseRecord n) {
        if (inWindow(n.timestampMillis())) {
          countNoise(n.source(), n.truncated(), n.timestampMillis() == null, n.invalidUtf8(),
              n.controlChars(), n.sessionId(), n.activityId());
        }
        return;
      }
      LogRecord r = (LogRecord) parsed;
      if (!inWindow(r.timestampMillis())) {
        return;
      }
      List<Row> rows = new ArrayList<>(1);
      try {
        addRecord(r, rows);
      } catch (RuntimeException | StackOverflowError e) {
        // One record's matching or pattern extraction failed: set it aside, not the task.
        // addRecord counts nothing until it cannot fail any more, so nothing is counted twice.
        rows.clear();
        rows.add(malformedRow(Malformed.failure(r.source(), r.position(), e, r.message()),
            r.timestampMillis()));
      }
      ready.addAll(rows);
    }

    /** A malformed record's row; {@code hint} is the timestamp whose day it counts in, or null. */
    private static Row malformedRow(Malformed m, Long hint) {
      String day = hint == null ? null : DAY.format(Instant.ofEpochMilli(hint));
      return RowFactory.create(KIND_MALFORMED, m.source(), m.position().value(),
          kind(m.position()), hint, day, null, null, null, null, 0, null, null, null, null,
          null, null, 0L, 0L, 0L, 0L, 0L, m.kind().label(), m.reason(), m.raw(), null);
    }

    /** The rows of one record, into {@code out}; noise is only counted, at the very end. */
    private void addRecord(LogRecord r, List<Row> out) {
      long truncated = r.truncated() ? 1 : 0;
      long withoutTs = r.timestampMillis() == null ? 1 : 0;
      long invalidUtf8 = r.message().indexOf(REPLACEMENT) >= 0 ? 1 : 0;
      long control = hasControlChars(r.message()) ? 1 : 0;
      List<Match> matches = matcher.matchRecord(r);
      boolean error = r.level() != null && errorLevels.contains(r.level());
      if (matches.isEmpty() && !error) {
        countNoise(r.source(), truncated == 1, withoutTs == 1, invalidUtf8 == 1, control == 1,
            r.sessionId(), r.activityId());
        return;
      }
      String day = r.timestampMillis() == null ? null
          : DAY.format(Instant.ofEpochMilli(r.timestampMillis()));
      if (matches.isEmpty()) {
        out.add(RowFactory.create(KIND_RECORD, r.source(), r.position().value(),
            kind(r.position()), r.timestampMillis(), day, r.level(), r.sessionId(),
            r.activityId(), null, 0, null, null, null, null, ErrorPatterns.of(r.message(), ids),
            ErrorPatterns.example(r.message()), 1L, truncated, withoutTs, invalidUtf8, control,
            null, null, null, null));
        return;
      }
      for (int i = 0; i < matches.size(); i++) {
        Match m = matches.get(i);
        boolean first = i == 0;
        out.add(RowFactory.create(KIND_RECORD, r.source(), r.position().value(),
            kind(r.position()), r.timestampMillis(), day, r.level(), r.sessionId(),
            r.activityId(), m.issueId(), i, m.field("solution"), m.field("foundVersion"),
            m.field("requiredVersion"), m.field("tableMap"), null, null,
            first ? 1L : 0L, first ? truncated : 0L, first ? withoutTs : 0L,
            first ? invalidUtf8 : 0L, first ? control : 0L, null, null, null,
            details(m)));
      }
    }

    private void countNoise(String source, boolean truncated, boolean withoutTs,
        boolean invalidUtf8, boolean control, String session, String activity) {
      long[] s = stats.computeIfAbsent(source, k -> new long[5]);
      s[0]++;
      s[1] += truncated ? 1 : 0;
      s[2] += withoutTs ? 1 : 0;
      s[3] += invalidUtf8 ? 1 : 0;
      s[4] += control ? 1 : 0;
      if (session != null) {
        sessions.add(session);
      }
      if (activity != null) {
        activities.add(activity);
      }
    }

    private boolean inWindow(Long ts) {
      if (from == null && to == null) {
        return true;
      }
      return ts != null && (from == null || ts >= from) && (to == null || ts < to);
    }

    private void flush() {
      flushed = true;
      stats.forEach((source, s) -> ready.add(RowFactory.create(KIND_STATS, source, null, null,
          null, null, null, null, null, null, 0, null, null, null, null, null, null,
          s[0], s[1], s[2], s[3], s[4], null, null, null, null)));
      // Unordered: only distinct counts are taken of these rows.
      sessions.forEach(id -> ready.add(idRow(KIND_SESSION, id, null)));
      activities.forEach(id -> ready.add(idRow(KIND_ACTIVITY, null, id)));
      sessions.clear();
      activities.clear();
    }

    private static Row idRow(String kind, String session, String activity) {
      return RowFactory.create(kind, null, null, null, null, null, null, session, activity,
          null, 0, null, null, null, null, null, null, 0L, 0L, 0L, 0L, 0L, null, null, null, null);
    }

    private static String kind(org.dwlogs.parse.Position p) {
      return p.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The detail fields of a match, as a Spark map keyed by report name; null when none. */
  private static scala.collection.Map<String, String> details(Match m) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (String group : org.dwlogs.signatures.Extractor.DETAIL_FIELDS) {
      String v = m.field(group);
      if (v != null && !v.isBlank()) {
        out.put(org.dwlogs.signatures.Extractor.reportName(group), v);
      }
    }
    return out.isEmpty() ? null
        : scala.jdk.javaapi.CollectionConverters.asScala(out);
  }

  /** True when the text holds C0 control characters other than tab and line ends, or DEL. */
  static boolean hasControlChars(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }
}
