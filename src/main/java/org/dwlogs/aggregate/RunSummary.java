package org.dwlogs.aggregate;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.dwlogs.run.FileCounts;

/**
 * What the reports need of a set of records, as a value that merges: per-file counts, run
 * counters, and per report key (issue, day and issue, session and issue, version values,
 * extracted details, unmatched-error pattern) the occurrences and distinct IDs of the matched
 * records and unmatched errors. Its size grows with those records and keys, not with the
 * input: noise is only counted. The run-wide distinct sessions and activities, which do grow
 * with the input, are kept apart ({@link PartitionScan}), so that they can be counted in a
 * shuffle instead of in the driver.
 *
 * <p>Mutable, filled by one task; {@link #merge} adds another summary into this one, and
 * {@code a.merge(new RunSummary())} leaves {@code a} as it was. The order of merges does not
 * change the result.
 */
public final class RunSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A (day, issue) key of issue_daily.csv. */
  record DayIssue(String day, String issueId) implements Serializable {}

  /** A (session, issue) key of issue_sessions.csv. */
  record SessionIssue(String sessionId, String issueId) implements Serializable {}

  /** A key of version_mismatch.csv; any part may be null. */
  record Versions(String solution, String foundVersion, String requiredVersion,
      String tableMap) implements Serializable {}

  /** A key of issue_details.csv. */
  record Detail(String issueId, String detail, String value) implements Serializable {}

  long matchedRecords;
  long unmatchedErrorRecords;
  /** Per file; the run's record and malformed counters are their sums (see {@link #runCounts}). */
  final Map<String, FileTally> files = new HashMap<>();
  /** The file the last record was counted in: records come a file at a time. */
  private transient String lastSource;
  private transient FileTally lastFile;
  final Map<String, IssueTally> issues = new HashMap<>();
  final Map<DayIssue, KeyTally> daily = new HashMap<>();
  final Map<SessionIssue, SessionIssueTally> sessions = new HashMap<>();
  final Map<Versions, KeyTally> versions = new HashMap<>();
  final Map<Detail, KeyTally> details = new HashMap<>();
  final Map<String, UnmatchedTally> unmatched = new HashMap<>();

  /** The run's malformed records (in the time window). */
  public long malformed() {
    return runCounts().malformed();
  }

  /** The run's records (in the time window), malformed ones not included. */
  public long records() {
    return runCounts().records();
  }

  /**
   * The run's counters of records and malformed records: the sums of its files' (every record
   * is counted in its file, so the run need not count them again).
   */
  FileCounts runCounts() {
    FileTally run = new FileTally();
    files.values().forEach(run::merge);
    return run.counts();
  }

  /** Counts a record read, in its file's counters. */
  void countRecord(String source, boolean isTruncated, boolean noTimestamp, boolean badUtf8,
      boolean control) {
    if (lastFile == null || !java.util.Objects.equals(source, lastSource)) {
      lastSource = source;
      lastFile = files.computeIfAbsent(source, k -> new FileTally());
    }
    lastFile.countRecord(isTruncated, noTimestamp, badUtf8, control);
  }

  void countMalformed(String source, String kind) {
    files.computeIfAbsent(source, k -> new FileTally()).countMalformed(kind);
  }

  /** Counts one catalog entry's match of a record (a record may match several). */
  void countMatch(String issueId, String session, String activity, Long ts, String day,
      Versions versionKey, Map<String, String> detailValues) {
    issues.computeIfAbsent(issueId, k -> new IssueTally()).add(session, activity, ts);
    if (day != null) {
      daily.computeIfAbsent(new DayIssue(day, issueId), k -> new KeyTally()).add(session);
    }
    if (session != null) {
      sessions.computeIfAbsent(new SessionIssue(session, issueId), k -> new SessionIssueTally())
          .add(activity, ts);
    }
    if (versionKey != null) {
      versions.computeIfAbsent(versionKey, k -> new KeyTally()).add(session);
    }
    detailValues.forEach((detail, value) -> details
        .computeIfAbsent(new Detail(issueId, detail, value), k -> new KeyTally()).add(session));
  }

  void countUnmatchedError(String pattern, String session, Long ts, String source,
      long position, String example) {
    unmatchedErrorRecords++;
    unmatched.computeIfAbsent(pattern, k -> new UnmatchedTally())
        .add(session, ts, source, position, example);
  }

  /** Adds {@code other} into this summary; returns this. */
  public RunSummary merge(RunSummary other) {
    matchedRecords += other.matchedRecords;
    unmatchedErrorRecords += other.unmatchedErrorRecords;
    mergeInto(files, other.files, FileTally::new, FileTally::merge);
    mergeInto(issues, other.issues, IssueTally::new, IssueTally::merge);
    mergeInto(daily, other.daily, KeyTally::new, KeyTally::merge);
    mergeInto(sessions, other.sessions, SessionIssueTally::new, SessionIssueTally::merge);
    mergeInto(versions, other.versions, KeyTally::new, KeyTally::merge);
    mergeInto(details, other.details, KeyTally::new, KeyTally::merge);
    mergeInto(unmatched, other.unmatched, UnmatchedTally::new, UnmatchedTally::merge);
    return this;
  }

  private static <K, V> void mergeInto(Map<K, V> into, Map<K, V> from, Supplier<V> empty,
      BiConsumer<V, V> merge) {
    from.forEach((k, v) -> merge.accept(into.computeIfAbsent(k, x -> empty.get()), v));
  }

  /** The summary of several, merged in order. */
  public static RunSummary of(List<RunSummary> parts) {
    RunSummary out = new RunSummary();
    parts.forEach(out::merge);
    return out;
  }
}
