package org.dwlogs.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dwlogs.Version;
import org.dwlogs.report.Cells;
import org.dwlogs.report.html.PageData.Row;
import org.dwlogs.report.trend.Status;
import org.dwlogs.report.trend.Trend;
import org.dwlogs.report.trend.TrendInput;
import org.dwlogs.run.RunTotals;

/**
 * {@code report.html}: one self-contained page of a run, made from the rows the CSV reports
 * were written from ({@link PageData}). No script and no external resource: a
 * Content-Security-Policy of {@code default-src 'none'} lets the browser load nothing, and
 * every value is escaped ({@link Html}).
 */
public final class ReportPage {
  static final String OTHER = "(other issues)";

  /** Data quality of one input file, as in the manifest. */
  public record FileQuality(String path, String format, long bytes, long records, long malformed,
      Map<String, Long> malformedByKind, long truncated, long withoutTimestamp, long invalidUtf8,
      long controlChars) {}

  /**
   * Everything on the page. {@code trends} and {@code trendInput} are null when the run is
   * compared with nothing (a plain {@code report}).
   */
  public record Page(String heading, RunTotals totals, long catalogEntries, PageData data,
      List<FileQuality> files, List<Trend> trends, TrendInput trendInput, Instant started,
      Instant finished) {}

  private ReportPage() {}

  public static void write(OutputStream out, Page page) throws IOException {
    out.write(render(page).getBytes(StandardCharsets.UTF_8));
  }

  public static String render(Page p) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.text(p.heading())).append("</title>\n<style>")
        .append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<header><h1>").append(Html.text(p.heading())).append("</h1><p class=\"sub\">dwlogs ")
        .append(Html.text(Version.get())).append(", generated ")
        .append(Html.text(Cells.timestamp(p.finished().toEpochMilli()))).append("</p></header>\n");
    headline(h, p);
    if (p.trends() != null) {
      TrendSections.alerts(h, p);
    }
    issues(h, p);
    if (p.trends() != null) {
      TrendSections.trends(h, p);
    }
    daily(h, p.data());
    sessions(h, p.data());
    versions(h, p.data());
    details(h, p.data());
    unmatched(h, p.data());
    quality(h, p.files());
    h.append("<footer>The numbers are those of the CSV files in this folder. Times are UTC.</footer>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static void headline(StringBuilder h, Page p) {
    RunTotals t = p.totals();
    String first = null;
    String last = null;
    for (Row r : p.data().issueSummary()) {
      first = min(first, r.get("first_seen"));
      last = max(last, r.get("last_seen"));
    }
    for (Row r : p.data().unmatchedErrors().rows()) {
      first = min(first, r.get("first_seen"));
      last = max(last, r.get("last_seen"));
    }
    Map<String, String> kpis = new LinkedHashMap<>();
    kpis.put("files", count(t.files()));
    kpis.put("records", count(t.records()));
    kpis.put("matched_records", count(t.matchedRecords()));
    kpis.put("sessions_affected", count(p.data().sessionsAffected()));
    kpis.put("malformed", count(t.malformed()));
    kpis.put("unmatched_error_records", count(t.unmatchedErrorRecords()));
    Map<String, String> labels = Map.of("files", "Files", "records", "Records",
        "matched_records", "Matched records", "sessions_affected", "Sessions affected",
        "malformed", "Malformed records", "unmatched_error_records", "Unknown errors");
    h.append("<section id=\"headline\"><div class=\"kpis\">");
    kpis.forEach((k, v) -> h.append("<div class=\"kpi\" id=\"kpi-").append(k).append("\"><div class=\"v\">")
        .append(Html.text(v)).append("</div><div class=\"l\">").append(labels.get(k)).append("</div></div>"));
    h.append("</div><p class=\"range\">Errors from <span id=\"first-seen\">")
        .append(Html.text(first == null ? "–" : first)).append("</span> to <span id=\"last-seen\">")
        .append(Html.text(last == null ? "–" : last)).append("</span>; ")
        .append(count(t.sessions())).append(" sessions in all, ")
        .append(p.catalogEntries()).append(" catalog entries; run time <span id=\"run-time\">")
        .append(Html.text(duration(Duration.between(p.started(), p.finished()))))
        .append("</span>.</p></section>\n");
  }

  private static void issues(StringBuilder h, Page p) {
    Map<String, Status> status = new HashMap<>();
    if (p.trends() != null) {
      p.trends().forEach(t -> status.put(t.issueId(), t.status()));
    }
    List<Row> seen = new ArrayList<>(p.data().issueSummary().stream()
        .filter(r -> r.count("occurrences") > 0).toList());
    seen.sort(Comparator.comparingLong((Row r) -> r.count("sessions")).reversed()
        .thenComparing(Comparator.comparingLong((Row r) -> r.count("occurrences")).reversed())
        .thenComparing(r -> r.get("issue_id")));
    h.append("<section id=\"issues\"><h2>Issues by sessions affected</h2>");
    if (seen.isEmpty()) {
      h.append("<p>No catalog entry matched.</p></section>\n");
      return;
    }
    // The catalog may give no doc_url at all: then the column would only be empty.
    boolean docs = seen.stream().anyMatch(r -> !r.get("doc_url").isEmpty());
    h.append("<table id=\"issues-table\"><thead><tr><th>Issue</th><th>Title</th>")
        .append(p.trends() != null ? "<th>Trend</th>" : "")
        .append("<th class=\"num\">Occurrences</th><th class=\"num\">Sessions</th><th>First seen</th>"
            + "<th>Last seen</th><th>Required role</th><th>Remedy</th>")
        .append(docs ? "<th>Documentation</th>" : "").append("</tr></thead><tbody>");
    for (Row r : seen) {
      String id = r.get("issue_id");
      h.append("<tr data-issue=\"").append(Html.text(id)).append("\">")
          .append(Tags.td("issue_id", id)).append(Tags.td("title", r.get("title")));
      if (p.trends() != null) {
        Status s = status.get(id);
        h.append("<td class=\"status\">").append(s == null ? "" : Tags.badge(s)).append("</td>");
      }
      h.append(Tags.tdNum("occurrences", r.get("occurrences"))).append(Tags.tdNum("sessions", r.get("sessions")))
          .append(Tags.td("first_seen", r.get("first_seen"))).append(Tags.td("last_seen", r.get("last_seen")))
          .append(Tags.td("required_role", r.get("required_role"))).append(Tags.td("remedy", r.get("remedy")));
      if (docs) {
        h.append("<td class=\"doc\">").append(Html.docLink(r.get("doc_url"), "Microsoft Learn"))
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table><p class=\"note\">").append(p.data().issueSummary().size() - seen.size())
        .append(" more catalog entries had no occurrence (they are in issue_summary.csv).</p></section>\n");
  }

  private static void daily(StringBuilder h, PageData data) {
    h.append("<section id=\"daily\"><h2>Occurrences per day by issue</h2>");
    List<Row> rows = data.issueDaily();
    if (rows.isEmpty()) {
      h.append("<p>No matched record with a timestamp.</p></section>\n");
      return;
    }
    Map<String, Long> totals = new HashMap<>();
    Map<String, Map<String, Long>> byDay = new TreeMap<>();
    for (Row r : rows) {
      totals.merge(r.get("issue_id"), r.count("occurrences"), Long::sum);
      byDay.computeIfAbsent(r.get("day"), d -> new LinkedHashMap<>())
          .merge(r.get("issue_id"), r.count("occurrences"), Long::sum);
    }
    List<String> series = Svg.topSeries(totals, Svg.SERIES, OTHER);
    List<Svg.Bar> bars = new ArrayList<>();
    for (String day : allDays(byDay)) {
      bars.add(new Svg.Bar(day, Svg.fold(byDay.getOrDefault(day, Map.of()), series, OTHER)));
    }
    h.append(Svg.stackedBars(bars, series, "occurrences per day")).append("<ul class=\"legend\">");
    for (int i = 0; i < series.size(); i++) {
      h.append("<li><span class=\"sw c").append(i).append("\"></span>").append(Html.text(series.get(i)))
          .append("</li>");
    }
    h.append("</ul><details><summary>The numbers (issue_daily.csv)</summary><table id=\"daily-table\">"
        + "<thead><tr><th>Day</th><th>Issue</th><th class=\"num\">Occurrences</th>"
        + "<th class=\"num\">Sessions</th></tr></thead><tbody>");
    for (Row r : rows) {
      h.append("<tr>").append(Tags.td("day", r.get("day"))).append(Tags.td("issue_id", r.get("issue_id")))
          .append(Tags.tdNum("occurrences", r.get("occurrences"))).append(Tags.tdNum("sessions", r.get("sessions")))
          .append("</tr>");
    }
    h.append("</tbody></table></details></section>\n");
  }

  /** Every day from the first to the last, so gaps show as empty slots. */
  private static List<String> allDays(Map<String, Map<String, Long>> byDay) {
    List<String> days = new ArrayList<>(byDay.keySet());
    try {
      LocalDate first = LocalDate.parse(days.get(0));
      LocalDate last = LocalDate.parse(days.get(days.size() - 1));
      if (first.datesUntil(last.plusDays(1)).count() <= 400) {
        return first.datesUntil(last.plusDays(1)).map(LocalDate::toString).toList();
      }
    } catch (RuntimeException e) {
      // not ISO days: show the days there are
    }
    return days;
  }

  private static void sessions(StringBuilder h, PageData data) {
    List<PageData.Session> top = data.topSessions();
    h.append("<section id=\"sessions\"><h2>Sessions with the most issues</h2>");
    if (top.isEmpty()) {
      h.append("<p>No matched record has a session ID.</p></section>\n");
      return;
    }
    h.append("<table id=\"sessions-table\"><thead><tr><th>Session</th><th class=\"num\">Issues</th>"
        + "<th class=\"num\">Occurrences</th><th>Issue ids</th></tr></thead><tbody>");
    for (PageData.Session s : top) {
      h.append("<tr>").append(Tags.td("session_id", s.sessionId()))
          .append(Tags.tdNum("issues", Integer.toString(s.issues())))
          .append(Tags.tdNum("occurrences", Long.toString(s.occurrences())))
          .append(Tags.td("issue_ids", String.join(", ", s.issueIds()))).append("</tr>");
    }
    h.append("</tbody></table>").append(shown(top.size(), data.sessionsAffected(), "sessions",
        "issue_sessions.csv")).append("</section>\n");
  }

  private static void versions(StringBuilder h, PageData data) {
    PageData.Top top = data.versionMismatch();
    h.append("<section id=\"versions\"><h2>Version mismatches</h2>");
    if (top.rows().isEmpty()) {
      h.append("<p>None found.</p></section>\n");
      return;
    }
    table(h, "versions-table", top.rows(), List.of("solution", "found_version", "required_version",
        "table_map", "occurrences", "sessions"), List.of("Solution", "Found", "Required", "Table map",
        "Occurrences", "Sessions"));
    h.append(shown(top.rows().size(), top.total(), "rows", "version_mismatch.csv")).append("</section>\n");
  }

  private static void details(StringBuilder h, PageData data) {
    PageData.Top top = data.details();
    h.append("<section id=\"details\"><h2>Top extracted details</h2>");
    if (top.rows().isEmpty()) {
      h.append("<p>No detail was extracted.</p></section>\n");
      return;
    }
    table(h, "details-table", top.rows(), List.of("issue_id", "detail", "value", "occurrences", "sessions"),
        List.of("Issue", "Detail", "Value", "Occurrences", "Sessions"));
    h.append("<p class=\"note\">The ").append(PageData.TOP_VALUES).append(" most frequent values of each"
        + " issue and detail; ").append(top.total()).append(" rows in issue_details.csv.</p></section>\n");
  }

  private static void unmatched(StringBuilder h, PageData data) {
    PageData.Top top = data.unmatchedErrors();
    h.append("<section id=\"unmatched\"><h2>Top unknown error patterns</h2>");
    if (top.rows().isEmpty()) {
      h.append("<p>Every error-level record matched a catalog entry.</p></section>\n");
      return;
    }
    table(h, "unmatched-table", top.rows(), List.of("pattern", "occurrences", "sessions", "first_seen",
        "last_seen", "example"), List.of("Pattern", "Occurrences", "Sessions", "First seen", "Last seen",
        "Example"));
    h.append(shown(top.rows().size(), top.total(), "patterns", "unmatched_errors.csv")).append("</section>\n");
  }

  private static void quality(StringBuilder h, List<FileQuality> files) {
    h.append("<section id=\"quality\"><h2>Data quality per file</h2>");
    if (files.isEmpty()) {
      h.append("<p>No input file.</p></section>\n");
      return;
    }
    h.append("<table id=\"quality-table\"><thead><tr><th>File</th><th>Layout</th><th class=\"num\">Bytes</th>"
        + "<th class=\"num\">Records</th><th class=\"num\">Malformed</th><th>Malformed by kind</th>"
        + "<th class=\"num\">Truncated</th><th class=\"num\">No timestamp</th>"
        + "<th>Encoding</th><th class=\"num\">Control chars</th></tr></thead><tbody>");
    for (FileQuality f : files) {
      StringBuilder kinds = new StringBuilder();
      f.malformedByKind().forEach((k, v) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(k)
          .append(' ').append(v));
      h.append("<tr").append(f.malformed() > 0 ? " class=\"bad\"" : "").append(">")
          .append(Tags.td("path", f.path())).append(Tags.td("format", f.format()))
          .append(Tags.tdNum("bytes", Long.toString(f.bytes()))).append(Tags.tdNum("records", Long.toString(f.records())))
          .append(Tags.tdNum("malformed", Long.toString(f.malformed()))).append(Tags.td("malformed_by_kind", kinds.toString()))
          .append(Tags.tdNum("truncated", Long.toString(f.truncated())))
          .append(Tags.tdNum("records_without_timestamp", Long.toString(f.withoutTimestamp())))
          .append(Tags.td("encoding", f.invalidUtf8() == 0 ? "UTF-8"
              : "UTF-8, " + f.invalidUtf8() + " records with invalid bytes"))
          .append(Tags.tdNum("control_chars", Long.toString(f.controlChars()))).append("</tr>");
    }
    h.append("</tbody></table><p class=\"note\">Malformed records are in quarantine/malformed.csv.</p></section>\n");
  }

  private static void table(StringBuilder h, String id, List<Row> rows, List<String> columns,
      List<String> headings) {
    h.append("<table id=\"").append(id).append("\"><thead><tr>");
    for (int i = 0; i < columns.size(); i++) {
      h.append(numeric(columns.get(i)) ? "<th class=\"num\">" : "<th>").append(headings.get(i)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (Row r : rows) {
      h.append("<tr>");
      for (String c : columns) {
        h.append(numeric(c) ? Tags.tdNum(c, r.get(c)) : Tags.td(c, r.get(c)));
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  private static boolean numeric(String column) {
    return column.equals("occurrences") || column.equals("sessions");
  }

  private static String shown(long shown, long total, String what, String file) {
    return "<p class=\"note\">" + (shown < total ? "The top " + shown + " of " + total + " " + what
        : "All " + total + " " + what) + "; every row is in " + file + ".</p>";
  }

  private static String count(long n) {
    return Long.toString(n);
  }

  private static String min(String a, String b) {
    return b == null || b.isEmpty() ? a : a == null || b.compareTo(a) < 0 ? b : a;
  }

  private static String max(String a, String b) {
    return b == null || b.isEmpty() ? a : a == null || b.compareTo(a) > 0 ? b : a;
  }

  private static String duration(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
        : String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
  }

  private static final String STYLE = """
      body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:0 24px 40px;max-width:1200px;color:#1d1d1f;background:#fff}
      header{border-bottom:2px solid #4e79a7;margin-bottom:12px}h1{font-size:22px;margin:16px 0 2px}
      .sub,.note,footer{color:#555;font-size:12px}h2{font-size:17px;margin:26px 0 8px}
      .kpis{display:flex;flex-wrap:wrap;gap:10px}.kpi{background:#f3f6fa;border-radius:6px;padding:8px 14px;min-width:120px}
      .kpi .v{font-size:22px;font-weight:600}.kpi .l{color:#555;font-size:12px}
      table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#f7f7f7;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      td{overflow-wrap:break-word;white-space:pre-wrap}td.title{min-width:150px}td.remedy{min-width:220px;max-width:420px}
      td.pattern,td.example,td.path,td.value,td.solution,td.table_map,td.issue_ids{overflow-wrap:anywhere;min-width:140px}td.first_seen,td.last_seen{font-size:12px;min-width:84px}td.day,td.session_id{white-space:nowrap;font-size:12px}td.example,td.pattern{font-family:ui-monospace,Consolas,monospace;font-size:12px}
      tr.bad td{background:#fff4f2}
      #alerts{border-left:4px solid #59a14f;background:#f3faf2;padding:4px 14px;margin-top:14px}
      #alerts.alert{border-color:#e15759;background:#fdf1f1}#alerts ul{margin:4px 0 8px;padding-left:18px}
      .badge{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 6px;font-size:11px;font-weight:600;color:#fff;background:#888}
      .badge.new{background:#e15759}.badge.rising{background:#f28e2b}.badge.falling{background:#4e79a7}.badge.steady{background:#8c8c8c}.badge.gone{background:#59a14f}
      svg.chart{max-width:100%;height:auto}svg .axis{stroke:#999}svg .tick{font-size:10px;fill:#555}
      svg.spark rect.bar{fill:#4e79a7}svg.spark rect.today{fill:#e15759}svg.spark rect.zero{fill:#ccc}svg.spark rect.missing{fill:#bbb}
      .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px;font-size:12px}.sw{display:inline-block;width:10px;height:10px;margin-right:4px}
      .c0{background:#4e79a7}.c1{background:#f28e2b}.c2{background:#e15759}.c3{background:#76b7b2}.c4{background:#59a14f}
      .c5{background:#edc948}.c6{background:#b07aa1}.c7{background:#ff9da7}.c8{background:#9c755f}.c9{background:#bab0ac}
      details{margin-top:8px}summary{cursor:pointer;color:#4e79a7}footer{margin-top:30px;border-top:1px solid #e3e3e3;padding-top:6px}
      """;
}
