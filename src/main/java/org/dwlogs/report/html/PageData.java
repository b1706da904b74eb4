package org.dwlogs.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.dwlogs.report.ReportTable;

/**
 * The rows of the CSV reports as they are written, kept for the page: the small tables whole,
 * the large ones bounded. {@code issue_sessions.csv} is folded per session as it streams by
 * (its rows are sorted by session), keeping only the {@link #TOP} sessions with the most
 * issues; the other tables keep their first rows, which their sort order makes the top ones.
 */
public final class PageData {
  /** How many rows the page shows of a ranked table. */
  public static final int TOP = 20;
  /** How many values per issue and detail the page shows. */
  public static final int TOP_VALUES = 3;

  /** A row of a report, read by column name. */
  public record Row(ReportTable table, String[] cells) {
    public String get(String column) {
      int i = table.columns().indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException(table.fileName() + " has no column " + column);
      }
      return cells[i];
    }

    public long count(String column) {
      String v = get(column);
      return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }
  }

  /** A session's issues: how many distinct ones, their occurrences, their ids. */
  public record Session(String sessionId, int issues, long occurrences, List<String> issueIds) {}

  /** A ranked table's first rows and how many rows it had in all. */
  public record Top(List<Row> rows, long total) {}

  private final List<Row> issueSummary = new ArrayList<>();
  private final List<Row> issueDaily = new ArrayList<>();
  private final Ranked versionMismatch = new Ranked(TOP);
  private final Ranked unmatched = new Ranked(TOP);
  private final List<Row> details = new ArrayList<>();
  private long detailRows;
  private String detailGroup;
  private int detailInGroup;
  private final PriorityQueue<Session> topSessions = new PriorityQueue<>(MOST_ISSUES.reversed());
  private long sessionsAffected;
  private String session;
  private final TreeSet<String> sessionIssues = new TreeSet<>();
  private long sessionOccurrences;

  /** Most distinct issues first, then most occurrences, then session id. */
  static final Comparator<Session> MOST_ISSUES = Comparator.comparingInt(Session::issues).reversed()
      .thenComparing(Comparator.comparingLong(Session::occurrences).reversed())
      .thenComparing(Session::sessionId);

  /** Where the rows of {@code table} go; null for tables the page does not show. */
  public Consumer<String[]> sink(ReportTable table) {
    if (table.equals(ReportTable.ISSUE_SUMMARY)) {
      return cells -> issueSummary.add(new Row(table, cells));
    }
    if (table.equals(ReportTable.ISSUE_DAILY)) {
      return cells -> issueDaily.add(new Row(table, cells));
    }
    if (table.equals(ReportTable.ISSUE_SESSIONS)) {
      return cells -> addSessionRow(new Row(table, cells));
    }
    if (table.equals(ReportTable.VERSION_MISMATCH)) {
      return cells -> versionMismatch.add(new Row(table, cells));
    }
    if (table.equals(ReportTable.UNMATCHED_ERRORS)) {
      return cells -> unmatched.add(new Row(table, cells));
    }
    if (table.equals(ReportTable.ISSUE_DETAILS)) {
      return cells -> addDetail(new Row(table, cells));
    }
    return null;
  }

  private void addSessionRow(Row r) {
    String id = r.get("session_id");
    if (!id.equals(session)) {
      endSession();
      session = id;
      sessionsAffected++;
    }
    sessionIssues.add(r.get("issue_id"));
    sessionOccurrences += r.count("occurrences");
  }

  private void endSession() {
    if (session == null) {
      return;
    }
    topSessions.add(new Session(session, sessionIssues.size(), sessionOccurrences,
        List.copyOf(sessionIssues)));
    if (topSessions.size() > TOP) {
      topSessions.poll(); // the one with the fewest issues
    }
    sessionIssues.clear();
    sessionOccurrences = 0;
  }

  /** Rows come sorted by issue, detail, most occurrences: keep the first few of each group. */
  private void addDetail(Row r) {
    detailRows++;
    String group = r.get("issue_id") + "\u0000" + r.get("detail");
    if (!group.equals(detailGroup)) {
      detailGroup = group;
      detailInGroup = 0;
    }
    if (detailInGroup++ < TOP_VALUES) {
      details.add(r);
    }
  }

  public List<Row> issueSummary() {
    return List.copyOf(issueSummary);
  }

  public List<Row> issueDaily() {
    return List.copyOf(issueDaily);
  }

  public Top versionMismatch() {
    return versionMismatch.top();
  }

  public Top unmatchedErrors() {
    return unmatched.top();
  }

  /** The first {@link #TOP_VALUES} values of each issue and detail; total counts every row. */
  public Top details() {
    return new Top(List.copyOf(details), detailRows);
  }

  /** The sessions with the most distinct issues, most first. */
  public List<Session> topSessions() {
    endSession();
    session = null;
    List<Session> out = new ArrayList<>(topSessions);
    out.sort(MOST_ISSUES);
    return out;
  }

  /** Distinct sessions with at least one matched issue (the sessions of issue_sessions.csv). */
  public long sessionsAffected() {
    topSessions();
    return sessionsAffected;
  }

  /** The counts of issue_summary.csv by issue id. */
  public Map<String, Row> summaryById() {
    Map<String, Row> out = new HashMap<>();
    issueSummary.forEach(r -> out.put(r.get("issue_id"), r));
    return out;
  }

  /** The first {@code limit} rows of a table written in rank order, and how many it had. */
  private static final class Ranked {
    private final int limit;
    private final List<Row> rows = new ArrayList<>();
    private long total;

    Ranked(int limit) {
      this.limit = limit;
    }

    void add(Row r) {
      total++;
      if (rows.size() < limit) {
        rows.add(r);
      }
    }

    Top top() {
      return new Top(List.copyOf(rows), total);
    }
  }
}
