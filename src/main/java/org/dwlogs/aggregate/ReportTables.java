package org.dwlogs.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dwlogs.run.FileCounts;

/**
 * The report tables, read off a merged {@link RunSummary} in the driver. Distinct counts are
 * exact; every table has a total order (strings in code point order, that is the byte order
 * of their UTF-8 form), so reruns write identical files. Timestamps stay epoch milliseconds
 * here; the report writer formats them.
 */
public final class ReportTables {
  private ReportTables() {}

  /**
   * An issue_summary.csv row's counts. Issues that never matched are absent; the writer adds
   * them.
   */
  public record IssueSummary(String issueId, long occurrences, long sessions, long activities,
      long recordsWithoutSession, Long firstSeen, Long lastSeen) {}

  /** An issue_daily.csv row. */
  public record IssueDaily(String day, String issueId, long occurrences, long sessions) {}

  /** An issue_sessions.csv row; {@code activityIds} sorted, joined by ';'. */
  public record IssueSession(String sessionId, String issueId, long occurrences,
      Long firstSeen, Long lastSeen, String activityIds) {}

  /** A version_mismatch.csv row; any of the four values may be null. */
  public record VersionMismatch(String solution, String foundVersion, String requiredVersion,
      String tableMap, long occurrences, long sessions) {}

  /** An issue_details.csv row. */
  public record IssueDetail(String issueId, String detail, String value, long occurrences,
      long sessions) {}

  /** An unmatched_errors.csv row. */
  public record UnmatchedError(String pattern, long occurrences, long sessions, Long firstSeen,
      Long lastSeen, String example) {}

  /** The run counters but the distinct IDs, which are counted apart. */
  public record Counters(long records, long malformed, long truncated, long matchedRecords,
      long unmatchedErrorRecords, long recordsWithoutTimestamp, long invalidUtf8,
      long controlChars) {}

  public static Counters counters(RunSummary s) {
    FileCounts run = s.runCounts();
    return new Counters(run.records(), run.malformed(), run.truncated(), s.matchedRecords,
        s.unmatchedErrorRecords, run.recordsWithoutTimestamp(), run.invalidUtf8(),
        run.controlChars());
  }

  /** Per source file, in source order: its counts. */
  public static Map<String, FileCounts> perFile(RunSummary s) {
    Map<String, FileCounts> out = new TreeMap<>(CodePointOrder.INSTANCE);
    s.files.forEach((source, t) -> {
      if (source != null) {
        out.put(source, t.counts());
      }
    });
    return out;
  }

  /** Malformed records per source file and kind, both in order; files without any absent. */
  public static Map<String, Map<String, Long>> malformedByKind(RunSummary s) {
    Map<String, Map<String, Long>> out = new TreeMap<>(CodePointOrder.INSTANCE);
    s.files.forEach((source, t) -> {
      if (source != null && !t.malformedByKind.isEmpty()) {
        out.put(source, new TreeMap<>(t.malformedByKind));
      }
    });
    return out;
  }

  /** Per issue that matched: its counts, keyed by issue. */
  public static Map<String, IssueSummary> issueSummary(RunSummary s) {
    Map<String, IssueSummary> out = new TreeMap<>(CodePointOrder.INSTANCE);
    s.issues.forEach((issue, t) -> out.put(issue, new IssueSummary(issue, t.occurrences,
        t.sessions.size(), t.activities.size(), t.withoutSession, t.first, t.last)));
    return out;
  }

  /** By day, then issue; records without a timestamp have no day. */
  public static List<IssueDaily> issueDaily(RunSummary s) {
    List<IssueDaily> out = new ArrayList<>();
    s.daily.forEach((k, t) -> out.add(
        new IssueDaily(k.day(), k.issueId(), t.occurrences, t.sessions.size())));
    out.sort(Comparator.comparing(IssueDaily::day, CodePointOrder.INSTANCE)
        .thenComparing(IssueDaily::issueId, CodePointOrder.INSTANCE));
    return out;
  }

  /** By session, then issue; records without a session are not in it. */
  public static List<IssueSession> issueSessions(RunSummary s) {
    List<IssueSession> out = new ArrayList<>();
    s.sessions.forEach((k, t) -> out.add(new IssueSession(k.sessionId(), k.issueId(),
        t.occurrences, t.first, t.last, String.join(";", t.activities))));
    out.sort(Comparator.comparing(IssueSession::sessionId, CodePointOrder.INSTANCE)
        .thenComparing(IssueSession::issueId, CodePointOrder.INSTANCE));
    return out;
  }

  /** Most occurrences first, then by solution, found, required version and table map, nulls first. */
  public static List<VersionMismatch> versionMismatch(RunSummary s) {
    List<VersionMismatch> out = new ArrayList<>();
    s.versions.forEach((k, t) -> out.add(new VersionMismatch(k.solution(), k.foundVersion(),
        k.requiredVersion(), k.tableMap(), t.occurrences, t.sessions.size())));
    out.sort(Comparator.comparingLong(VersionMismatch::occurrences).reversed()
        .thenComparing(VersionMismatch::solution, CodePointOrder.NULLS_FIRST)
        .thenComparing(VersionMismatch::foundVersion, CodePointOrder.NULLS_FIRST)
        .thenComparing(VersionMismatch::requiredVersion, CodePointOrder.NULLS_FIRST)
        .thenComparing(VersionMismatch::tableMap, CodePointOrder.NULLS_FIRST));
    return out;
  }

  /**
   * One row per value an extractor pulled out of matched records (entity, table map, field,
   * ...), by issue, detail, then most occurrences first, then value.
   */
  public static List<IssueDetail> issueDetails(RunSummary s) {
    List<IssueDetail> out = new ArrayList<>();
    s.details.forEach((k, t) -> out.add(new IssueDetail(k.issueId(), k.detail(), k.value(),
        t.occurrences, t.sessions.size())));
    out.sort(Comparator.comparing(IssueDetail::issueId, CodePointOrder.INSTANCE)
        .thenComparing(IssueDetail::detail, CodePointOrder.INSTANCE)
        .thenComparing(Comparator.comparingLong(IssueDetail::occurrences).reversed())
        .thenComparing(IssueDetail::value, CodePointOrder.INSTANCE));
    return out;
  }

  /**
   * Unmatched error-level records by pattern, most frequent first, then by pattern. The
   * example is the first line of the earliest record (ties broken by file and position), so
   * it is the same on every run.
   */
  public static List<UnmatchedError> unmatchedErrors(RunSummary s) {
    List<UnmatchedError> out = new ArrayList<>();
    s.unmatched.forEach((pattern, t) -> out.add(new UnmatchedError(pattern, t.occurrences,
        t.sessions.size(), t.first, t.last, t.example)));
    out.sort(Comparator.comparingLong(UnmatchedError::occurrences).reversed()
        .thenComparing(UnmatchedError::pattern, CodePointOrder.INSTANCE));
    return out;
  }
}
