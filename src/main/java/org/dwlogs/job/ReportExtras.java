package org.dwlogs.job;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.report.Cells;
import org.dwlogs.report.CsvReportWriter;
import org.dwlogs.report.ReportFolder;
import org.dwlogs.report.ReportTable;
import org.dwlogs.report.html.PageData;
import org.dwlogs.report.html.ReportPage;
import org.dwlogs.report.trend.IssueCounts;
import org.dwlogs.report.trend.Trend;
import org.dwlogs.report.trend.TrendInput;
import org.dwlogs.report.trend.Trends;
import org.dwlogs.run.FileCounts;
import org.dwlogs.run.RunOptions;
import org.dwlogs.run.RunTotals;

/**
 * What a run writes after the CSV reports, into the same staging folder: {@code trends.csv}
 * and {@code alerts.csv} when it is compared with earlier runs, and {@code report.html}, all
 * from the rows the CSV reports were written from.
 */
public final class ReportExtras {
  private final ReportFolder folder;
  private final RunOptions options;
  private final TrendInput trendInput;
  private final PageData data;

  public ReportExtras(ReportFolder folder, RunOptions options, TrendInput trendInput,
      PageData data) {
    this.folder = folder;
    this.options = options;
    this.trendInput = trendInput;
    this.data = data;
  }

  /** Writes the trends, the alerts and the page; returns the issues {@code --fail-on} alerts on. */
  public List<Trend> write(RunTotals totals, List<ReportPage.FileQuality> files,
      Instant started) throws IOException {
    List<Trend> trends = null;
    List<Trend> alerts = List.of();
    if (trendInput != null) {
      trends = Trends.compute(currentCounts(), titles(), trendInput.window());
      writeTrends(trends);
      if (trendInput.failOn() != null) {
        alerts = Trends.alerts(trends, trendInput.failOn());
        writeAlerts(alerts);
      }
    }
    try (OutputStream out = folder.create(ReportTable.REPORT_HTML)) {
      ReportPage.write(out, new ReportPage.Page(heading(), totals,
          options.catalog().signatures().size(), data, files, trends, trendInput, started,
          Instant.now()));
    }
    return alerts;
  }

  private Map<String, IssueCounts> currentCounts() {
    Map<String, IssueCounts> out = new HashMap<>();
    data.issueSummary().forEach(r -> out.put(r.get("issue_id"),
        new IssueCounts(r.count("occurrences"), r.count("sessions"))));
    return out;
  }

  private Map<String, String> titles() {
    Map<String, String> out = new HashMap<>();
    options.catalog().signatures().forEach(s -> out.put(s.issueId(), s.title()));
    return out;
  }

  private String heading() {
    String title = "Dual-write log report";
    if (trendInput != null && trendInput.day() != null) {
      return title + " " + trendInput.day();
    }
    if (options.from() != null || options.to() != null) {
      return title + " " + (options.from() == null ? "" : options.from()) + " to "
          + (options.to() == null ? "" : options.to());
    }
    return title;
  }

  private void writeTrends(List<Trend> trends) throws IOException {
    try (CsvReportWriter out = writer(ReportTable.TRENDS)) {
      for (Trend t : trends) {
        out.write(t.issueId(), Long.toString(t.occurrences()), Long.toString(t.sessions()),
            Cells.text(t.prevOccurrences()), Cells.text(t.prevSessions()),
            t.mean7Occurrences() == null ? "" : t.mean7Occurrences().toPlainString(),
            t.mean7Sessions() == null ? "" : t.mean7Sessions().toPlainString(),
            t.status().label(), Integer.toString(t.daysAvailable()), t.prevLabel());
      }
    }
  }

  private void writeAlerts(List<Trend> alerts) throws IOException {
    try (CsvReportWriter out = writer(ReportTable.ALERTS)) {
      for (Trend t : alerts) {
        out.write(t.issueId(), t.title(), t.status().label(), Long.toString(t.occurrences()),
            Long.toString(t.sessions()), Cells.text(t.prevSessions()),
            t.mean7Sessions() == null ? "" : t.mean7Sessions().toPlainString(),
            Integer.toString(t.daysAvailable()), trendInput.failOn().label());
      }
    }
  }

  private CsvReportWriter writer(ReportTable table) throws IOException {
    return new CsvReportWriter(folder.create(table.fileName()), table, options.formulaGuard());
  }

  /** Data quality per input file, in listing order, from the manifest's per-file counts. */
  public static List<ReportPage.FileQuality> quality(List<InputFile> files,
      Map<String, FileCounts> perFile, Map<String, Map<String, Long>> byKind) {
    List<ReportPage.FileQuality> out = new ArrayList<>();
    for (InputFile f : files) {
      FileCounts c = perFile.getOrDefault(f.path(), FileCounts.NONE);
      out.add(new ReportPage.FileQuality(f.display(), f.format().label(), f.bytes(),
          c.records(), c.malformed(), new LinkedHashMap<>(byKind.getOrDefault(f.path(), Map.of())),
          c.truncated(), c.recordsWithoutTimestamp(), c.invalidUtf8(), c.controlChars()));
    }
    return out;
  }
}
