package org.dwlogs.report.html;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dwlogs.report.trend.EarlierRun;
import org.dwlogs.report.trend.IssueCounts;
import org.dwlogs.report.trend.Status;
import org.dwlogs.report.trend.Trend;
import org.dwlogs.report.trend.TrendInput;

/** The page's parts of nightly and {@code --baseline} runs: new and rising issues, trends. */
final class TrendSections {
  /** Status order at the top of the trends: what needs a look first. */
  private static final List<Status> STATUS_ORDER =
      List.of(Status.NEW, Status.RISING, Status.FALLING, Status.STEADY, Status.GONE);

  private TrendSections() {}

  static void alerts(StringBuilder h, ReportPage.Page p) {
    TrendInput in = p.trendInput();
    List<Trend> marked = p.trends().stream()
        .filter(t -> t.status() == Status.NEW || t.status() == Status.RISING)
        .sorted(trendOrder()).toList();
    h.append("<section id=\"alerts\" class=\"").append(marked.isEmpty() ? "calm" : "alert")
        .append("\"><h2>New and rising issues</h2>");
    if (marked.isEmpty()) {
      h.append("<p>None.</p>");
    } else {
      h.append("<ul>");
      for (Trend t : marked) {
        h.append("<li data-issue=\"").append(Html.text(t.issueId())).append("\">").append(Tags.badge(t.status()))
            .append(" <b>").append(Html.text(t.issueId())).append("</b> ").append(Html.text(t.title()))
            .append(": ").append(t.sessions()).append(" sessions, ").append(t.occurrences())
            .append(" occurrences");
        if (t.mean7Sessions() != null) {
          h.append(" (mean ").append(t.mean7Sessions().toPlainString()).append(" sessions)");
        }
        h.append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<p class=\"note\" id=\"compared\">").append(comparedWith(in)).append("</p>");
    if (in.failOn() != null) {
      h.append("<p class=\"note\">--fail-on ").append(in.failOn().label())
          .append(": the issues it alerts on are in alerts.csv.</p>");
    }
    h.append("</section>\n");
  }

  static String comparedWith(TrendInput in) {
    if (in.day() == null) {
      return "Compared with the baseline report " + Html.text(in.window().isEmpty() ? ""
          : in.window().get(0).label()) + ".";
    }
    StringBuilder s = new StringBuilder("Compared with ").append(in.window().size())
        .append(" of the 7 days before ").append(in.day());
    if (!in.missing().isEmpty()) {
      s.append("; no complete report for ").append(Html.text(String.join(", ", in.missing())));
    }
    if (in.window().isEmpty()) {
      s.append(": every issue seen is new");
    }
    return s.append(".").toString();
  }

  static void trends(StringBuilder h, ReportPage.Page p) {
    TrendInput in = p.trendInput();
    List<Slot> slots = slots(in);
    h.append("<section id=\"trends\"><h2>Trends</h2><p class=\"note\">Occurrences per ")
        .append(in.day() == null ? "run: the baseline, then this run" : "day over the last "
            + TrendInput.CHART_DAYS + " days, this day last")
        .append("; a grey tick is a day without a report. Status rule: see the README.</p>")
        .append("<table id=\"trends-table\"><thead><tr><th>Issue</th><th>Status</th>"
            + "<th class=\"num\">Occurrences</th><th class=\"num\">Sessions</th>"
            + "<th class=\"num\">Previous occurrences</th><th class=\"num\">Previous sessions</th>"
            + "<th class=\"num\">Mean occurrences</th><th class=\"num\">Mean sessions</th>"
            + "<th class=\"num\">Days compared</th><th>History</th></tr></thead><tbody>");
    for (Trend t : p.trends().stream().sorted(trendOrder()).toList()) {
      List<Svg.Point> points = new ArrayList<>();
      for (Slot s : slots) {
        IssueCounts c = s.run == null ? null : s.run.of(t.issueId());
        points.add(new Svg.Point(s.label, c == null ? null : c.occurrences(), c == null
            ? s.label + ": no report"
            : s.label + ": " + c.occurrences() + " occurrences, " + c.sessions() + " sessions"));
      }
      points.add(new Svg.Point(slots.isEmpty() || in.day() == null ? "this run" : in.day().toString(),
          t.occurrences(), (in.day() == null ? "this run" : in.day().toString()) + ": "
              + t.occurrences() + " occurrences, " + t.sessions() + " sessions"));
      h.append("<tr data-issue=\"").append(Html.text(t.issueId())).append("\" data-status=\"")
          .append(t.status().label()).append("\">").append(Tags.td("issue_id", t.issueId()))
          .append("<td class=\"status\">").append(Tags.badge(t.status())).append("</td>")
          .append(Tags.tdNum("occurrences", Long.toString(t.occurrences())))
          .append(Tags.tdNum("sessions", Long.toString(t.sessions())))
          .append(Tags.tdNum("prev_occurrences", text(t.prevOccurrences())))
          .append(Tags.tdNum("prev_sessions", text(t.prevSessions())))
          .append(Tags.tdNum("mean7_occurrences", text(t.mean7Occurrences())))
          .append(Tags.tdNum("mean7_sessions", text(t.mean7Sessions())))
          .append(Tags.tdNum("days_available", Integer.toString(t.daysAvailable())))
          .append("<td class=\"history\">").append(Svg.sparkline(points)).append("</td></tr>");
    }
    h.append("</tbody></table></section>\n");
  }

  /** A slot of the history charts: an earlier run, or null for a day without a report. */
  private record Slot(String label, EarlierRun run) {}

  private static List<Slot> slots(TrendInput in) {
    List<Slot> out = new ArrayList<>();
    if (in.day() == null) {
      in.history().forEach(r -> out.add(new Slot(r.label(), r)));
      return out;
    }
    Map<LocalDate, EarlierRun> byDay = new HashMap<>();
    in.history().forEach(r -> byDay.put(r.day(), r));
    for (int back = TrendInput.CHART_DAYS - 1; back >= 1; back--) {
      LocalDate d = in.day().minusDays(back);
      out.add(new Slot(d.toString(), byDay.get(d)));
    }
    return out;
  }

  private static Comparator<Trend> trendOrder() {
    return Comparator.comparingInt((Trend t) -> STATUS_ORDER.indexOf(t.status()))
        .thenComparing(Comparator.comparingLong(Trend::sessions).reversed())
        .thenComparing(Comparator.comparingLong(Trend::occurrences).reversed())
        .thenComparing(Trend::issueId);
  }

  static String text(Object o) {
    return o == null ? "" : o instanceof java.math.BigDecimal b ? b.toPlainString() : o.toString();
  }
}
