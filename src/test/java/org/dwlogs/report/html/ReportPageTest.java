package org.dwlogs.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dwlogs.report.ReportTable;
import org.dwlogs.report.trend.EarlierRun;
import org.dwlogs.report.trend.IssueCounts;
import org.dwlogs.report.trend.Trend;
import org.dwlogs.report.trend.TrendInput;
import org.dwlogs.report.trend.Trends;
import org.dwlogs.run.RunTotals;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The page from rows fed to {@link PageData} as the CSV writers feed them, with hostile text
 * in every place log text reaches: it must render as text, never as markup or a link.
 */
class ReportPageTest {
  static final String SCRIPT = "<script>alert('xss')</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String JS = "javascript:alert(document.cookie)";

  static void rows(PageData data, ReportTable table, String[]... rows) {
    Consumer<String[]> sink = data.sink(table);
    for (String[] r : rows) {
      sink.accept(r);
    }
  }

  static String[] r(String... cells) {
    return cells;
  }

  static PageData hostileData() {
    PageData data = new PageData();
    rows(data, ReportTable.ISSUE_SUMMARY,
        r("a-issue", "Title " + SCRIPT, "7", "2", "0", "1", "0.5", "2026-11-01T00:00:00.000Z",
            "2026-11-02T00:00:00.000Z", "Role " + IMG, "Remedy " + JS, "Sec", "cat",
            "https://learn.microsoft.com/x?a=1&b=2"),
        r("b-issue", "B", "9", "5", "0", "0", "0.9", "2026-11-01T00:00:00.000Z",
            "2026-11-03T00:00:00.000Z", "", "Fix", "Sec", "", JS),
        r("c-issue", "C", "0", "0", "0", "0", "0.000000", "", "", "", "Fix", "Sec", "", ""));
    rows(data, ReportTable.ISSUE_DAILY, r("2026-11-01", "a-issue", "3", "1"),
        r("2026-11-02", "a-issue", "4", "2"), r("2026-11-02", "b-issue", "9", "5"));
    rows(data, ReportTable.ISSUE_SESSIONS,
        r("s1", "a-issue", "2", "", "", ""), r("s1", "b-issue", "1", "", "", ""),
        r("s2" + SCRIPT, "b-issue", "8", "", "", ""));
    rows(data, ReportTable.VERSION_MISMATCH, r("Sol " + IMG, "1.0", "2.0", "", "3", "1"));
    rows(data, ReportTable.ISSUE_DETAILS, r("a-issue", "entity", JS, "2", "1"));
    rows(data, ReportTable.UNMATCHED_ERRORS, r("Unexpected reply <value>", "1", "0",
        "2026-11-01T00:00:01.000Z", "2026-11-01T00:00:01.000Z", "Unexpected reply " + SCRIPT),
        r("Unexpected reply <n>", "1", "0", "", "", "Unexpected reply " + IMG));
    return data;
  }

  static String render(PageData data, List<Trend> trends, TrendInput in) {
    RunTotals totals = new RunTotals(2, 100, 50, 1, 0, 16, 2, 0, 0, 0, 9, 4);
    List<ReportPage.FileQuality> files = List.of(new ReportPage.FileQuality("logs/" + SCRIPT + ".log",
        "text", 100, 50, 1, Map.of("bad_timestamp", 1L), 0, 0, 0, 0));
    return ReportPage.render(new ReportPage.Page("Report", totals, 3, data, files, trends, in,
        Instant.parse("2026-11-04T00:00:00Z"), Instant.parse("2026-11-04T00:01:05Z")));
  }

  @Test
  void hostileLogTextRendersAsTextAndNeverAsMarkupOrLinks() {
    String html = render(hostileData(), null, null);
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script, img, iframe, object, embed, form, base, link")).isEmpty();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on");
      }
    }
    // The only link is the https doc_url; the javascript: one is plain text.
    assertThat(doc.select("a[href]")).singleElement()
        .satisfies(a -> assertThat(a.attr("href")).isEqualTo("https://learn.microsoft.com/x?a=1&b=2"));
    assertThat(doc.select("tr[data-issue=b-issue] td.doc").text()).isEqualTo(JS);
    // The hostile values are there, as the text of their cells.
    assertThat(doc.select("tr[data-issue=a-issue] td.title").text()).isEqualTo("Title " + SCRIPT);
    assertThat(doc.select("tr[data-issue=a-issue] td.required_role").text()).isEqualTo("Role " + IMG);
    assertThat(doc.select("tr[data-issue=a-issue] td.remedy").text()).isEqualTo("Remedy " + JS);
    assertThat(doc.select("#unmatched-table td.example").eachText())
        .containsExactly("Unexpected reply " + SCRIPT, "Unexpected reply " + IMG);
    assertThat(doc.select("#sessions-table td.session_id").eachText()).contains("s2" + SCRIPT);
    assertThat(doc.select("#versions-table td.solution").text()).isEqualTo("Sol " + IMG);
    assertThat(doc.select("#details-table td.value").text()).isEqualTo(JS);
    assertThat(doc.select("#quality-table td.path").text()).isEqualTo("logs/" + SCRIPT + ".log");
    // Nothing to load: a CSP that forbids it, and no URL in any attribute but the doc link.
    assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none';");
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        if (!(e.tagName().equals("a") && a.getKey().equals("href"))) {
          assertThat(a.getValue()).as("<%s %s>", e.tagName(), a.getKey()).doesNotContain("://");
        }
      }
    }
  }

  @Test
  void issuesAreRankedBySessionsWithTheCsvNumbersAndSessionsByIssues() {
    Document doc = Jsoup.parse(render(hostileData(), null, null));
    assertThat(doc.select("#issues-table tbody tr").eachAttr("data-issue")).containsExactly("b-issue", "a-issue");
    assertThat(doc.select("tr[data-issue=a-issue] td.occurrences").text()).isEqualTo("7");
    assertThat(doc.select("tr[data-issue=a-issue] td.sessions").text()).isEqualTo("2");
    assertThat(doc.select("tr[data-issue=a-issue] td.first_seen").text()).isEqualTo("2026-11-01T00:00:00.000Z");
    assertThat(doc.select("#kpi-matched_records .v").text()).isEqualTo("16");
    assertThat(doc.select("#kpi-sessions_affected .v").text()).isEqualTo("2");
    // s1 has two issues (3 occurrences), s2 one issue with 8: s1 first.
    assertThat(doc.select("#sessions-table tbody tr").eachText().get(0)).startsWith("s1 2 3");
    assertThat(doc.select("#daily svg rect")).hasSize(3);
    assertThat(doc.select("#daily-table tbody tr")).hasSize(3);
    assertThat(doc.select("#alerts, #trends")).isEmpty();
  }

  @Test
  void aNightlyPageMarksNewAndRisingIssuesAtTheTopAndDrawsThirtyDays() {
    LocalDate day = LocalDate.of(2026, 11, 3);
    EarlierRun d1 = new EarlierRun("2026-11-01", day.minusDays(2), Map.of("a-issue", new IssueCounts(1, 1)));
    TrendInput in = new TrendInput(List.of(d1), List.of(d1), List.of("2026-11-02"), day, null);
    PageData data = hostileData();
    List<Trend> trends = Trends.compute(Map.of("a-issue", new IssueCounts(7, 2),
        "b-issue", new IssueCounts(9, 5)), Map.of("b-issue", "B"), in.window());
    Document doc = Jsoup.parse(render(data, trends, in));
    assertThat(doc.select("#alerts li").eachAttr("data-issue")).containsExactly("b-issue");
    assertThat(doc.select("#alerts").hasClass("alert")).isTrue();
    assertThat(doc.select("#compared").text()).contains("1 of the 7 days before 2026-11-03")
        .contains("no complete report for 2026-11-02");
    assertThat(doc.select("#trends-table tbody tr").eachAttr("data-status")).containsExactly("new", "steady");
    // 29 earlier days and this one: one slot each; 28 of them have no report.
    Element spark = doc.selectFirst("#trends-table tr[data-issue=a-issue] svg.spark");
    assertThat(spark.select("rect")).hasSize(30);
    assertThat(spark.select("rect.missing")).hasSize(28);
    assertThat(spark.select("rect").last().hasClass("today")).isTrue();
    assertThat(doc.select("#issues-table tr[data-issue=b-issue] td.status").text()).isEqualTo("new");
  }
}
