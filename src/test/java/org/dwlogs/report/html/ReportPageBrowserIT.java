package org.dwlogs.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dwlogs.ReportCsv;
import org.dwlogs.TrendLogs;
import org.dwlogs.cli.DwlogsCommand;
import org.dwlogs.cli.ExitCodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * report.html in headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it):
 * the page of {@code sample-logs/} and of the last day of a three-day nightly run, as the
 * browser rendered them ({@code --dump-dom}), must show the numbers of issue_summary.csv,
 * issue_daily.csv and trends.csv, log no console message (a blocked load is one: the CSP
 * reports it), reference nothing to load, and show hostile log text as text. Screenshots go to
 * {@code target/report-*.png}.
 */
class ReportPageBrowserIT {
  @TempDir
  static Path tmp;
  static Path chromium;
  static Path sample;
  static Path nightly;

  @BeforeAll
  static void runTheJobs() throws IOException {
    chromium = findChromium();
    sample = tmp.resolve("sample");
    run("report", "--input", "sample-logs", "--output", sample.toString());
    Path logs = TrendLogs.write(tmp.resolve("logs"));
    nightly = tmp.resolve("nightly");
    run("nightly", "--catalog", TrendLogs.CATALOG.toString(), "--input-root", logs.toString(),
        "--output-root", nightly.toString(), "--from", TrendLogs.DAYS.get(0), "--to",
        TrendLogs.DAYS.get(2));
  }

  static Path findChromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    throw new IllegalStateException("chromium is not installed: this test needs it "
        + "(apt-get install -y chromium; .ci/run installs it when missing)");
  }

  static void run(String command, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = DwlogsCommand.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    String[] all = Stream.concat(Stream.of(command, "--master", "local[2]", "--progress-interval", "0"),
        Stream.of(args)).toArray(String[]::new);
    assertThat(cmd.execute(all)).as("dwlogs %s%n%s", String.join(" ", all), err).isEqualTo(ExitCodes.OK);
  }

  /** What the browser did with a page: the DOM after rendering, and its console messages. */
  record Rendered(Document dom, List<String> console) {}

  static Rendered open(Path page, String screenshot) throws IOException, InterruptedException {
    String url = page.toUri().toString();
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"),
        "--enable-logging=stderr", "--v=0");
    List<String> dump = new ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", url));
    Process p = new ProcessBuilder(dump).redirectError(tmp.resolve("chromium.err").toFile()).start();
    byte[] dom = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    List<String> console = Files.readAllLines(tmp.resolve("chromium.err"), StandardCharsets.UTF_8)
        .stream().filter(l -> l.contains(":CONSOLE")).toList();
    if (screenshot != null) {
      List<String> shot = new ArrayList<>(common);
      shot.addAll(List.of("--window-size=1280,2400", "--hide-scrollbars",
          "--screenshot=" + Path.of("target", screenshot).toAbsolutePath(), url));
      Process s = new ProcessBuilder(shot).redirectErrorStream(true)
          .redirectOutput(tmp.resolve("screenshot.log").toFile()).start();
      assertThat(s.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(Path.of("target", screenshot)).isNotEmptyFile();
    }
    return new Rendered(Jsoup.parse(new String(dom, StandardCharsets.UTF_8), url), console);
  }

  @Test
  void theConsoleCheckSeesErrorsAndBlockedLoads() throws Exception {
    // Proves the checks below can fail: this page logs an error and tries to load an image.
    Path bad = tmp.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
        + "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
        + "<img src=\"http://127.0.0.1:9/x.png\"><script>console.error('boom')</script></body></html>");
    Rendered r = open(bad, null);
    assertThat(r.console()).anySatisfy(l -> assertThat(l).contains("boom"))
        .anySatisfy(l -> assertThat(l).contains("Content Security Policy"));
  }

  @Test
  void theSampleLogsPageShowsTheNumbersOfTheCsvFiles() throws Exception {
    Rendered r = open(sample.resolve("report.html"), "report-sample-logs.png");
    assertSafe(r);
    Document dom = r.dom();
    ReportCsv summary = ReportCsv.read(sample.resolve("issue_summary.csv"));
    List<String> seen = new ArrayList<>();
    for (Map<String, String> row : summary.rows()) {
      Element tr = dom.selectFirst("#issues-table tr[data-issue=" + row.get("issue_id") + "]");
      if (Long.parseLong(row.get("occurrences")) == 0) {
        assertThat(tr).as(row.get("issue_id")).isNull();
        continue;
      }
      seen.add(row.get("issue_id"));
      assertThat(tr).as(row.get("issue_id")).isNotNull();
      for (String column : List.of("title", "occurrences", "sessions", "first_seen", "last_seen",
          "required_role", "remedy")) {
        assertThat(tr.selectFirst("td." + column).text()).as(row.get("issue_id") + " " + column)
            .isEqualTo(squeeze(row.get(column)));
      }
      String doc = row.get("doc_url");
      Element link = tr.selectFirst("td.doc a");
      if (doc.startsWith("https://")) {
        assertThat(link.attr("href")).isEqualTo(doc);
      } else {
        assertThat(link).isNull();
      }
    }
    assertThat(seen).isNotEmpty();
    // Ranked by sessions, most first.
    List<Long> sessions = dom.select("#issues-table td.sessions").eachText().stream().map(Long::parseLong).toList();
    assertThat(sessions).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(seen.size());

    JsonNode totals = new ObjectMapper().readTree(sample.resolve("run_manifest.json").toFile()).get("totals");
    for (String kpi : List.of("files", "records", "matched_records", "malformed", "unmatched_error_records")) {
      assertThat(dom.selectFirst("#kpi-" + kpi + " .v").text()).as(kpi).isEqualTo(totals.get(kpi).asText());
    }
    ReportCsv daily = ReportCsv.read(sample.resolve("issue_daily.csv"));
    List<String> shown = dom.select("#daily-table tbody tr").eachText();
    assertThat(shown).containsExactlyElementsOf(daily.rows().stream()
        .map(d -> String.join(" ", d.get("day"), d.get("issue_id"), d.get("occurrences"), d.get("sessions")))
        .toList());
    assertThat(dom.select("#quality-table tbody tr")).hasSize(totals.get("files").asInt());
  }

  @Test
  void theNightlyPageShowsTheTrendsMarksNewAndRisingAndRendersHostileTextAsText() throws Exception {
    Path day = nightly.resolve("dt=" + TrendLogs.DAYS.get(2));
    Rendered r = open(day.resolve("report.html"), "report-nightly.png");
    assertSafe(r);
    Document dom = r.dom();
    ReportCsv trends = ReportCsv.read(day.resolve("trends.csv"));
    assertThat(dom.select("#trends-table tbody tr")).hasSize(trends.rows().size());
    for (Map<String, String> row : trends.rows()) {
      Element tr = dom.selectFirst("#trends-table tr[data-issue=" + row.get("issue_id") + "]");
      assertThat(tr.attr("data-status")).isEqualTo(row.get("status"));
      for (String column : List.of("occurrences", "sessions", "prev_occurrences", "prev_sessions",
          "mean7_occurrences", "mean7_sessions", "days_available")) {
        assertThat(tr.selectFirst("td." + column).text()).as(row.get("issue_id") + " " + column)
            .isEqualTo(row.get(column));
      }
      assertThat(tr.select("svg.spark rect")).hasSize(30);
    }
    // New and rising at the top, before the issue table.
    assertThat(dom.select("#alerts li").eachAttr("data-issue"))
        .containsExactly("new-quota-exceeded", "rising-token-refused");
    assertThat(dom.select("section").first().id()).isEqualTo("headline");
    assertThat(dom.select("section").get(1).id()).isEqualTo("alerts");
    // The hostile messages are text in the unknown-error examples, not elements.
    List<String> examples = dom.select("#unmatched-table td.example").eachText();
    for (String hostile : TrendLogs.HOSTILE) {
      assertThat(examples).anySatisfy(e -> assertThat(e).contains(hostile));
    }
  }

  /** No console message, no script or image, no URL to load, the CSP that forbids loading. */
  static void assertSafe(Rendered r) {
    assertThat(r.console()).as("console messages").isEmpty();
    Document dom = r.dom();
    assertThat(dom.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none';");
    assertThat(dom.select("script, img, iframe, object, embed, link, base, form")).isEmpty();
    for (Element e : dom.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).doesNotStartWith("on");
        if (e.tagName().equals("a") && a.getKey().equals("href")) {
          assertThat(a.getValue()).startsWith("https://");
        } else {
          assertThat(a.getValue()).as("<%s %s>", e.tagName(), a.getKey()).doesNotContain("://");
        }
      }
    }
  }

  static String squeeze(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
