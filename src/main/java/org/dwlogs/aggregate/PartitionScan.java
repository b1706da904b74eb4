package org.dwlogs.aggregate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dwlogs.match.Match;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.NoiseRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.signatures.Extractor;

/**
 * Folds one partition's parsed records into what the reports need of them: a
 * {@link RunSummary}, the distinct session and activity IDs of all its records (the
 * denominator of {@code share_of_sessions}), and its malformed records, which {@link #add}
 * hands back one at a time for the quarantine.
 *
 * <p>Most records are noise: they match no catalog entry and are not errors (a
 * {@link NoiseRecord} from the reader's byte path is one by construction). Of them only the
 * per-file counters and the IDs are kept. A matched record counts once per entry it matches;
 * an unmatched error-level record counts under its {@link ErrorPatterns pattern}.
 *
 * <p>Records timestamped outside {@code [from, to)} (null bounds are open; with any bound,
 * records without a timestamp are outside) are skipped as if absent; so are malformed records
 * whose timestamp hint (the readable timestamp before them in their file) is outside.
 * Malformed records without a hint are always kept. One per task thread: not thread-safe.
 */
public final class PartitionScan {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  /** What a decoder puts where bytes were not valid UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private final SignatureMatcher matcher;
  private final IdExtractor ids;
  private final Set<String> errorLevels;
  private final Long from;
  private final Long to;
  private final RunSummary summary = new RunSummary();
  private final DistinctIds sessions = new DistinctIds();
  private final DistinctIds activities = new DistinctIds();

  public PartitionScan(SignatureMatcher matcher, IdExtractor ids, Set<String> errorLevels,
      Long fromMillis, Long toMillis) {
    this.matcher = matcher;
    this.ids = ids;
    this.errorLevels = errorLevels;
    this.from = fromMillis;
    this.to = toMillis;
  }

  /** A scan without a time window. */
  public PartitionScan(SignatureMatcher matcher, IdExtractor ids, Set<String> errorLevels) {
    this(matcher, ids, errorLevels, null, null);
  }

  public RunSummary summary() {
    return summary;
  }

  /** Distinct session IDs of every record counted so far. */
  public DistinctIds sessions() {
    return sessions;
  }

  /** Distinct activity IDs of every record counted so far. */
  public DistinctIds activities() {
    return activities;
  }

  /**
   * Counts one record; returns it as a malformed record for the quarantine when it is one (or
   * when its matching failed: then it is a {@link Malformed.Kind#PARSE_FAILURE} and counted
   * only as that), else null.
   */
  public Malformed add(Parsed parsed) {
    if (parsed instanceof Malformed m) {
      Long hint = m.timestampHint();
      if (hint != null && !inWindow(hint)) {
        return null; // counted in the window of the readable timestamp before it
      }
      return quarantined(m);
    }
    if (parsed instanceof NoiseRecord n) {
      if (inWindow(n.timestampMillis())) {
        countRead(n.source(), n.truncated(), n.timestampMillis() == null, n.invalidUtf8(),
            n.controlChars(), n.sessionId(), n.activityId());
      }
      return null;
    }
    LogRecord r = (LogRecord) parsed;
    if (!inWindow(r.timestampMillis())) {
      return null;
    }
    Runnable counting;
    try {
      counting = counting(r);
    } catch (RuntimeException | StackOverflowError e) {
      // One record's matching or pattern extraction failed: set it aside, not the task.
      // counting() counts nothing, so nothing is counted twice.
      return quarantined(Malformed.failure(r.source(), r.position(), e, r.message())
          .withTimestampHint(r.timestampMillis()));
    }
    counting.run();
    return null;
  }

  private Malformed quarantined(Malformed m) {
    summary.countMalformed(m.source(), m.kind().label());
    return m;
  }

  /**
   * Everything that can fail about a record, done before anything of it is counted; the
   * counting itself, which cannot fail, is returned to run.
   */
  private Runnable counting(LogRecord r) {
    boolean truncated = r.truncated();
    boolean withoutTs = r.timestampMillis() == null;
    int flags = textFlags(r.message());
    boolean invalidUtf8 = (flags & REPLACED) != 0;
    boolean control = (flags & CONTROL) != 0;
    List<Match> matches = matcher.matchRecord(r);
    boolean error = r.level() != null && errorLevels.contains(r.level());
    if (matches.isEmpty() && !error) {
      return () -> countRead(r.source(), truncated, withoutTs, invalidUtf8, control,
          r.sessionId(), r.activityId());
    }
    if (matches.isEmpty()) {
      String pattern = ErrorPatterns.of(r.message(), ids);
      String example = ErrorPatterns.example(r.message());
      return () -> {
        countRead(r.source(), truncated, withoutTs, invalidUtf8, control, r.sessionId(),
            r.activityId());
        summary.countUnmatchedError(pattern, r.sessionId(), r.timestampMillis(), r.source(),
            r.position().value(), example);
      };
    }
    String day = withoutTs ? null : DAY.format(Instant.ofEpochMilli(r.timestampMillis()));
    List<Runnable> perMatch = new ArrayList<>(matches.size());
    for (Match m : matches) {
      String issue = m.issueId();
      RunSummary.Versions versions = versions(m);
      Map<String, String> details = details(m);
      perMatch.add(() -> summary.countMatch(issue, r.sessionId(), r.activityId(),
          r.timestampMillis(), day, versions, details));
    }
    return () -> {
      countRead(r.source(), truncated, withoutTs, invalidUtf8, control, r.sessionId(),
          r.activityId());
      summary.matchedRecords++;
      perMatch.forEach(Runnable::run);
    };
  }

  private void countRead(String source, boolean truncated, boolean withoutTs,
      boolean invalidUtf8, boolean control, String session, String activity) {
    summary.countRecord(source, truncated, withoutTs, invalidUtf8, control);
    sessions.add(session);
    activities.add(activity);
  }

  /** The version_mismatch.csv key of a match, or null when it has no version values. */
  private static RunSummary.Versions versions(Match m) {
    String solution = m.field("solution");
    String found = m.field("foundVersion");
    String required = m.field("requiredVersion");
    if (solution == null && found == null && required == null) {
      return null;
    }
    return new RunSummary.Versions(solution, found, required, m.field("tableMap"));
  }

  /** The issue_details.csv values of a match, keyed by report name. */
  private static Map<String, String> details(Match m) {
    Map<String, String> out = new TreeMap<>();
    for (String group : Extractor.DETAIL_FIELDS) {
      String v = m.field(group);
      if (v != null && !v.isBlank()) {
        out.put(Extractor.reportName(group), v);
      }
    }
    return out;
  }

  private boolean inWindow(Long ts) {
    if (from == null && to == null) {
      return true;
    }
    return ts != null && (from == null || ts >= from) && (to == null || ts < to);
  }

  /** {@link #textFlags}: a character is U+FFFD, where a decoder met invalid UTF-8. */
  static final int REPLACED = 1;
  /** {@link #textFlags}: a C0 control character other than tab and line ends, or DEL. */
  static final int CONTROL = 2;

  /** Which of {@link #REPLACED} and {@link #CONTROL} the text holds, in one pass. */
  static int textFlags(String text) {
    int flags = 0;
    for (int i = 0; i < text.length() && flags != (REPLACED | CONTROL); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        flags |= CONTROL;
      } else if (c == REPLACEMENT) {
        flags |= REPLACED;
      }
    }
    return flags;
  }
}
