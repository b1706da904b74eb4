package org.dwlogs.report;

import java.util.List;

/** A CSV report's file name and its header: the column contract BI users build on. */
public record ReportTable(String fileName, List<String> columns) {
  public static final ReportTable ISSUE_SUMMARY = new ReportTable("issue_summary.csv",
      List.of("issue_id", "title", "occurrences", "sessions", "activities",
          "records_without_session", "share_of_sessions", "first_seen", "last_seen",
          "required_role", "remedy", "doc_section", "category", "doc_url"));
  public static final ReportTable ISSUE_DAILY = new ReportTable("issue_daily.csv",
      List.of("day", "issue_id", "occurrences", "sessions"));
  public static final ReportTable ISSUE_SESSIONS = new ReportTable("issue_sessions.csv",
      List.of("session_id", "issue_id", "occurrences", "first_seen", "last_seen", "activity_ids"));
  public static final ReportTable VERSION_MISMATCH = new ReportTable("version_mismatch.csv",
      List.of("solution", "found_version", "required_version", "table_map", "occurrences",
          "sessions"));
  public static final ReportTable ISSUE_DETAILS = new ReportTable("issue_details.csv",
      List.of("issue_id", "detail", "value", "occurrences", "sessions"));
  public static final ReportTable UNMATCHED_ERRORS = new ReportTable("unmatched_errors.csv",
      List.of("pattern", "occurrences", "sessions", "first_seen", "last_seen", "example"));

  /** Nightly runs and {@code report --baseline}: each issue against the earlier runs. */
  public static final ReportTable TRENDS = new ReportTable("trends.csv",
      List.of("issue_id", "occurrences", "sessions", "prev_occurrences", "prev_sessions",
          "mean7_occurrences", "mean7_sessions", "status", "days_available", "prev_run"));
  /** With {@code --fail-on}: the issues that made the run exit with code 6. */
  public static final ReportTable ALERTS = new ReportTable("alerts.csv",
      List.of("issue_id", "title", "status", "occurrences", "sessions", "prev_sessions",
          "mean7_sessions", "days_available", "fail_on"));
  /** The self-contained HTML page of the run. */
  public static final String REPORT_HTML = "report.html";

  /** Every malformed record, with where it came from and why it could not be read. */
  public static final ReportTable QUARANTINE = new ReportTable("quarantine/malformed.csv",
      List.of("source", "position_kind", "position", "kind", "reason", "raw"));

  /** The run manifest, written beside the CSV reports. */
  public static final String MANIFEST = "run_manifest.json";

  public static final List<ReportTable> ALL =
      List.of(ISSUE_SUMMARY, ISSUE_DAILY, ISSUE_SESSIONS, VERSION_MISMATCH, ISSUE_DETAILS,
          UNMATCHED_ERRORS);

  public ReportTable {
    columns = List.copyOf(columns);
  }

  public String[] header() {
    return columns.toArray(String[]::new);
  }
}
