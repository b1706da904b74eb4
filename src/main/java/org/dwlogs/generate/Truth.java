package org.dwlogs.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The true counts of generated logs, kept while the records are written (never by reading
 * them back): one {@link Tally} per file, merged in file order into the totals that
 * {@code _truth/truth.json} holds. The definitions are dwlogs': a record is a text record with
 * its continuation lines, a JSON line or a CSV row; its session and activity are the field
 * values when present, else the IDs in its message; unmatched error records are ERROR, FATAL
 * or CRITICAL records that match no catalog entry.
 */
public final class Truth {
  /** The folder (skipped by dwlogs as input) and file the truth is written to. */
  public static final String FOLDER = "_truth";
  public static final String FILE = "truth.json";

  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What each record was written as. */
  enum Kind { CATALOG, NEAR_MISS, UNKNOWN_ERROR, WARN, INFO, DEBUG, TRACE }

  /** The counts of one issue. */
  static final class IssueTally {
    long occurrences;
    long withoutSession;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final BitSet sessions = new BitSet();
    final BitSet activities = new BitSet();
    /** Per epoch day: occurrences and sessions. */
    final TreeMap<Long, DayTally> days = new TreeMap<>();

    void add(long ts, int session, int activity) {
      occurrences++;
      first = Math.min(first, ts);
      last = Math.max(last, ts);
      DayTally day = days.computeIfAbsent(Math.floorDiv(ts, FileSpec.DAY), d -> new DayTally());
      day.occurrences++;
      if (session >= 0) {
        sessions.set(session);
        day.sessions.set(session);
      } else {
        withoutSession++;
      }
      if (activity >= 0) {
        activities.set(activity);
      }
    }

    void merge(IssueTally o) {
      occurrences += o.occurrences;
      withoutSession += o.withoutSession;
      first = Math.min(first, o.first);
      last = Math.max(last, o.last);
      sessions.or(o.sessions);
      activities.or(o.activities);
      o.days.forEach((d, t) -> {
        DayTally mine = days.computeIfAbsent(d, k -> new DayTally());
        mine.occurrences += t.occurrences;
        mine.sessions.or(t.sessions);
      });
    }
  }

  static final class DayTally {
    long occurrences;
    final BitSet sessions = new BitSet();
  }

  /** The counts of one file, or (merged) of all files. */
  static final class Tally {
    final List<String> issues;
    long records;
    long matched;
    long unmatchedErrors;
    long bytes;
    final long[] kinds = new long[Kind.values().length];
    final BitSet sessions = new BitSet();
    final BitSet activities = new BitSet();
    final IssueTally[] byIssue;

    Tally(List<String> issues) {
      this.issues = issues;
      this.byIssue = new IssueTally[issues.size()];
      for (int i = 0; i < byIssue.length; i++) {
        byIssue[i] = new IssueTally();
      }
    }

    /**
     * Counts one record. {@code issue} is the index of the catalog entry it matches, or -1;
     * {@code session} and {@code activity} are pool indexes, or -1 when it has none.
     */
    void record(Kind kind, long ts, boolean errorLevel, int issue, int session, int activity) {
      records++;
      kinds[kind.ordinal()]++;
      if (session >= 0) {
        sessions.set(session);
      }
      if (activity >= 0) {
        activities.set(activity);
      }
      if (issue >= 0) {
        matched++;
        byIssue[issue].add(ts, session, activity);
      } else if (errorLevel) {
        unmatchedErrors++;
      }
    }

    void merge(Tally o) {
      records += o.records;
      matched += o.matched;
      unmatchedErrors += o.unmatchedErrors;
      bytes += o.bytes;
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] += o.kinds[i];
      }
      sessions.or(o.sessions);
      activities.or(o.activities);
      for (int i = 0; i < byIssue.length; i++) {
        byIssue[i].merge(o.byIssue[i]);
      }
    }
  }

  private final Map<String, Object> json;
  private final long totalRecords;
  private final long totalBytes;

  Truth(Map<String, Object> parameters, List<FileSpec> files, List<Tally> tallies) {
    Tally all = new Tally(tallies.get(0).issues);
    Map<String, Object> perFile = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      FileSpec f = files.get(i);
      Tally t = tallies.get(i);
      all.merge(t);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("format", f.layout().format.name().toLowerCase(java.util.Locale.ROOT));
      e.put("gzip", f.layout().gzip);
      e.put("bytes", t.bytes);
      e.put("records", t.records);
      e.put("matched_records", t.matched);
      e.put("unmatched_error_records", t.unmatchedErrors);
      perFile.put(f.path(), e);
    }
    Map<String, Object> issues = new LinkedHashMap<>();
    for (int i = 0; i < all.issues.size(); i++) {
      IssueTally t = all.byIssue[i];
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("occurrences", t.occurrences);
      e.put("sessions", t.sessions.cardinality());
      e.put("activities", t.activities.cardinality());
      e.put("records_without_session", t.withoutSession);
      e.put("first_seen", t.occurrences == 0 ? null : TIMESTAMP.format(Instant.ofEpochMilli(t.first)));
      e.put("last_seen", t.occurrences == 0 ? null : TIMESTAMP.format(Instant.ofEpochMilli(t.last)));
      Map<String, Object> days = new LinkedHashMap<>();
      t.days.forEach((d, dt) -> {
        Map<String, Object> de = new LinkedHashMap<>();
        de.put("occurrences", dt.occurrences);
        de.put("sessions", dt.sessions.cardinality());
        days.put(LocalDate.ofEpochDay(d).toString(), de);
      });
      e.put("by_utc_day", days);
      issues.put(all.issues.get(i), e);
    }
    Map<String, Object> kinds = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      kinds.put(k.name().toLowerCase(java.util.Locale.ROOT), all.kinds[k.ordinal()]);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("generator", "dwlogs generate");
    root.put("notes", "Counts by construction, kept while the records were written. Timestamps "
        + "UTC; IDs lowercase without braces. A record is a text record with its continuation "
        + "lines, a JSON line or a CSV row. unmatched_error_records counts ERROR, FATAL and "
        + "CRITICAL records that match no catalog entry.");
    root.put("parameters", parameters);
    root.put("total_files", files.size());
    root.put("total_bytes", all.bytes);
    root.put("total_records", all.records);
    root.put("records_without_timestamp", 0);
    root.put("sessions", all.sessions.cardinality());
    root.put("activities", all.activities.cardinality());
    root.put("matched_records", all.matched);
    root.put("unmatched_error_records", all.unmatchedErrors);
    root.put("records_by_kind", kinds);
    root.put("issues", issues);
    root.put("files", perFile);
    this.json = root;
    this.totalRecords = all.records;
    this.totalBytes = all.bytes;
  }

  public long totalRecords() {
    return totalRecords;
  }

  public long totalBytes() {
    return totalBytes;
  }

  /** The truth as written to {@code truth.json}: maps, lists, strings and numbers. */
  public Map<String, Object> asMap() {
    return json;
  }

  void write(Path outputRoot) throws IOException {
    Path dir = outputRoot.resolve(FOLDER);
    Files.createDirectories(dir);
    byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(json);
    Path tmp = dir.resolve(FILE + ".tmp");
    Files.write(tmp, bytes);
    Files.write(tmp, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
    Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
