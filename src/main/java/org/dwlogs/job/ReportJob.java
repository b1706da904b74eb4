package org.dwlogs.job;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.aggregate.PartitionScan;
import org.dwlogs.aggregate.ReportTables;
import org.dwlogs.aggregate.RunSummary;
import org.dwlogs.aggregate.ScanAggregation;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.FileSniff;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.ingest.NoiseSieve;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.report.Cells;
import org.dwlogs.report.CsvReportWriter;
import org.dwlogs.report.ManifestWriter;
import org.dwlogs.report.ReportFolder;
import org.dwlogs.report.ReportTable;
import org.dwlogs.report.html.PageData;
import org.dwlogs.report.trend.Trend;
import org.dwlogs.report.trend.TrendInput;
import org.dwlogs.run.FileCounts;
import org.dwlogs.run.RunOptions;
import org.dwlogs.run.RunTotals;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.Signature;

/**
 * The report job: list inputs, read, parse and match them, aggregate, write the reports and
 * publish them. Runs on the driver; the parsing, matching and aggregating run in the
 * executors, one matcher per task thread, once per run, into compact aggregates that the
 * driver merges and writes the tables from. See {@link #run()} for the stages.
 */
public final class ReportJob {
  /** The stage, and Spark job group, that lists the inputs. */
  public static final String LIST_INPUTS = "list_inputs";
  /** The stage, and Spark job group, that sniffs each file's encoding and layout. */
  public static final String SNIFF_INPUTS = "sniff_inputs";
  /** The stage, and Spark job group, that reads, parses and matches every record: the scan. */
  public static final String READ_PARSE_MATCH = "read_parse_match";
  /** How the job's Spark job descriptions start; the progress lines leave it out. */
  public static final String DESCRIPTION_PREFIX = "dwlogs: ";

  /**
   * Where a run's files and records come from instead of listing and reading
   * {@code options.inputs()}: an index, say ({@code report --index}).
   */
  public interface Source {
    List<InputFile> list(SparkSession spark) throws IOException;

    JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files);
  }

  private final SparkSession spark;
  private final RunOptions options;
  private final Source source;
  private final TrendInput trendInput;
  private final PageData page = new PageData();
  private final Stages stages;
  /** Each listed file's encoding and layout; empty when the records come from a source. */
  private Map<String, FileSniff> sniffs = Map.of();

  public ReportJob(SparkSession spark, RunOptions options) {
    this(spark, options, null);
  }

  /** A job on the records of {@code source}; null reads {@code options.inputs()}. */
  public ReportJob(SparkSession spark, RunOptions options, Source source) {
    this(spark, options, source, null);
  }

  /**
   * A job that also compares its issues with earlier runs ({@code trends.csv}, and
   * {@code alerts.csv} with {@code --fail-on}); null compares with nothing.
   */
  public ReportJob(SparkSession spark, RunOptions options, Source source, TrendInput trendInput) {
    this.spark = spark;
    this.options = options;
    this.source = source;
    this.trendInput = trendInput;
    this.stages = new Stages(spark.sparkContext());
  }

  /**
   * Runs the stages in order. Each stage is timed for the manifest's {@code timings_ms} and
   * labels its Spark jobs with its name (the job group) and a description, which the Spark
   * UI and the progress lines show. The scan runs in {@code read_parse_match}: one Spark
   * action that reads, parses and matches every record and merges the partitions' compact
   * aggregates. The quarantine streams the malformed records from that action's shuffle (a
   * second action, only when there are any); every later stage runs in the driver.
   */
  public RunResult run() throws IOException {
    Instant started = Instant.now();
    try (ReportFolder folder = ReportFolder.stage(options.output(),
        spark.sparkContext().hadoopConfiguration())) {
      List<InputFile> files = stages.time(LIST_INPUTS, "list inputs", this::listInputs);
      stages.run(SNIFF_INPUTS, "sniff encodings and layouts", () -> sniffInputs(files));
      ScanAggregation.Scan scan = stages.time(READ_PARSE_MATCH, "read, parse and match",
          () -> parseAndMatch(files));
      RunSummary summary = scan.summary();
      RunTotals totals = totals(files, scan);
      Map<String, String> display = displayNames(files);
      List<Malformed> unreadable = stages.time("quarantine", "quarantine",
          () -> writeQuarantine(folder, scan.quarantine(), display));
      unreadable.forEach(m -> warn("cannot read " + display.getOrDefault(m.source(), m.source())
          + ": " + m.reason()));
      Map<String, Map<String, Long>> byKind = ReportTables.malformedByKind(summary);
      stages.run("malformed_ratio", "malformed ratio",
          () -> checkMalformedRatio(totals, byKind, display));
      stages.run("issue_summary", "issue_summary.csv",
          () -> writeIssueSummary(folder, summary, totals));
      stages.run("issue_daily", "issue_daily.csv", () -> writeIssueDaily(folder, summary));
      stages.run("issue_sessions", "issue_sessions.csv",
          () -> writeIssueSessions(folder, summary));
      stages.run("version_mismatch", "version_mismatch.csv",
          () -> writeVersionMismatch(folder, summary));
      stages.run("issue_details", "issue_details.csv", () -> writeIssueDetails(folder, summary));
      stages.run("unmatched_errors", "unmatched_errors.csv",
          () -> writeUnmatchedErrors(folder, summary));
      Map<String, FileCounts> perFile = stages.time("per_file", "per-file statistics",
          () -> ReportTables.perFile(summary));
      stages.run("malformed_by_kind", "malformed records by kind",
          () -> warnNoRecordStart(files, byKind));
      ReportExtras extras = new ReportExtras(folder, options, trendInput, page);
      List<Trend> alerts = stages.time("report_html", "trends, alerts and report.html",
          () -> extras.write(totals, ReportExtras.quality(files, perFile, byKind), started));
      writeManifest(folder, files, perFile, byKind, totals, started);
      folder.publish();
      return new RunResult(totals, folder.target().toString(), alerts);
    }
  }

  private List<InputFile> listInputs() throws IOException {
    if (source != null) {
      return source.list(spark);
    }
    return InputLister.list(options.inputs(), spark.sparkContext().hadoopConfiguration(),
        options.format());
  }

  /** Each listed file's encoding and layout; nothing to sniff when the records come from a source. */
  private void sniffInputs(List<InputFile> files) {
    if (source == null) {
      sniffs = LogReader.sniff(JavaSparkContext.fromSparkContext(spark.sparkContext()), files,
          options.config());
    }
  }

  /**
   * Reads, parses and matches every record, each partition folded by a {@link PartitionScan}
   * into a compact aggregate, and merges them: one Spark action, so the stage's time is the
   * scan's.
   */
  private ScanAggregation.Scan parseAndMatch(List<InputFile> files) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JobConfig config = options.config();
    Broadcast<Catalog> catalog = sc.broadcast(options.catalog());
    Set<String> errorLevels = new HashSet<>(config.errorLevels());
    Long from = options.from() == null ? null : options.from().toEpochMilli();
    Long to = options.to() == null ? null : options.to().toEpochMilli();
    JavaRDD<Parsed> parsed = source != null ? source.read(sc, files)
        : LogReader.read(sc, files, config, options.zone(), sniffs,
            new NoiseSieve.Spec(catalog, config.context().dualWrite(), errorLevels,
                new IdExtractor(config.ids().session(), config.ids().activity()).markers()));
    ScanAggregation.ScanFactory scans = () -> new PartitionScan(
        SignatureMatcher.forThisThread(catalog.value(), config.context().dualWrite()),
        new IdExtractor(config.ids().session(), config.ids().activity()), errorLevels, from, to);
    // As many ID buckets as input partitions (at least a task per core): each holds a share
    // of the run's distinct IDs that shrinks as the input, and its partitions, grow.
    int buckets = Math.max(1, Math.max(parsed.getNumPartitions(), sc.defaultParallelism()));
    return ScanAggregation.run(parsed, scans, buckets);
  }

  private static RunTotals totals(List<InputFile> files, ScanAggregation.Scan scan) {
    ReportTables.Counters c = ReportTables.counters(scan.summary());
    return new RunTotals(files.size(), files.stream().mapToLong(InputFile::bytes).sum(),
        c.records(), c.malformed(), c.truncated(), c.matchedRecords(), c.unmatchedErrorRecords(),
        c.recordsWithoutTimestamp(), c.invalidUtf8(), c.controlChars(), scan.sessions(),
        scan.activities());
  }

  private void writeIssueSummary(ReportFolder folder, RunSummary summary, RunTotals totals)
      throws IOException {
    Map<String, ReportTables.IssueSummary> byIssue = ReportTables.issueSummary(summary);
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_SUMMARY)) {
      for (Signature s : options.catalog().signatures()) {
        ReportTables.IssueSummary r = byIssue.get(s.issueId());
        long sessions = r == null ? 0 : r.sessions();
        out.write(s.issueId(), s.title(),
            Long.toString(r == null ? 0 : r.occurrences()),
            Long.toString(sessions),
            Long.toString(r == null ? 0 : r.activities()),
            Long.toString(r == null ? 0 : r.recordsWithoutSession()),
            Cells.ratio(sessions, totals.sessions()),
            Cells.timestamp(r == null ? null : r.firstSeen()),
            Cells.timestamp(r == null ? null : r.lastSeen()),
            Cells.text(s.requiredRole()), s.remedy(), s.docSection(), Cells.text(s.category()),
            Cells.text(s.docUrl()));
      }
    }
  }

  private void writeIssueDaily(ReportFolder folder, RunSummary summary) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_DAILY)) {
      for (ReportTables.IssueDaily r : ReportTables.issueDaily(summary)) {
        out.write(r.day(), r.issueId(), Long.toString(r.occurrences()),
            Long.toString(r.sessions()));
      }
    }
  }

  private void writeIssueSessions(ReportFolder folder, RunSummary summary) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_SESSIONS)) {
      for (ReportTables.IssueSession r : ReportTables.issueSessions(summary)) {
        out.write(r.sessionId(), r.issueId(), Long.toString(r.occurrences()),
            Cells.timestamp(r.firstSeen()), Cells.timestamp(r.lastSeen()), r.activityIds());
      }
    }
  }

  private void writeVersionMismatch(ReportFolder folder, RunSummary summary) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.VERSION_MISMATCH)) {
      for (ReportTables.VersionMismatch r : ReportTables.versionMismatch(summary)) {
        out.write(Cells.text(r.solution()), Cells.text(r.foundVersion()),
            Cells.text(r.requiredVersion()), Cells.text(r.tableMap()),
            Long.toString(r.occurrences()), Long.toString(r.sessions()));
      }
    }
  }

  private void writeIssueDetails(ReportFolder folder, RunSummary summary) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_DETAILS)) {
      for (ReportTables.IssueDetail r : ReportTables.issueDetails(summary)) {
        out.write(r.issueId(), r.detail(), r.value(), Long.toString(r.occurrences()),
            Long.toString(r.sessions()));
      }
    }
  }

  private void writeUnmatchedErrors(ReportFolder folder, RunSummary summary) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.UNMATCHED_ERRORS)) {
      for (ReportTables.UnmatchedError r : ReportTables.unmatchedErrors(summary)) {
        out.write(r.pattern(), Long.toString(r.occurrences()), Long.toString(r.sessions()),
            Cells.timestamp(r.firstSeen()), Cells.timestamp(r.lastSeen()),
            Cells.text(r.example()));
      }
    }
  }

  /**
   * Writes every malformed record to {@code quarantine/malformed.csv}, in file order, and
   * returns those that report an unreadable file, for the console.
   */
  private List<Malformed> writeQuarantine(ReportFolder folder, Iterator<Malformed> records,
      Map<String, String> display) throws IOException {
    List<Malformed> unreadable = new ArrayList<>();
    try (CsvReportWriter out = writer(folder, ReportTable.QUARANTINE)) {
      while (records.hasNext()) {
        Malformed m = records.next();
        if (m.kind() == Malformed.Kind.UNREADABLE_FILE) {
          unreadable.add(m);
        }
        out.write(display.getOrDefault(m.source(), m.source()),
            m.position().kind().name().toLowerCase(Locale.ROOT),
            Long.toString(m.position().value()), m.kind().label(), Cells.text(m.reason()),
            Cells.text(m.raw()));
      }
    }
    return unreadable;
  }

  /** Fails the run, before anything is published, when too many records are malformed. */
  private void checkMalformedRatio(RunTotals totals, Map<String, Map<String, Long>> byKind,
      Map<String, String> display) {
    if (totals.malformedRatio() <= options.maxMalformedRatio()) {
      return;
    }
    record Count(String source, String kind, long count) {}
    List<Count> counts = new ArrayList<>();
    byKind.forEach((source, kinds) -> kinds.forEach((kind, n) ->
        counts.add(new Count(source, kind, n))));
    // Most first; byKind is in file then kind order, and the sort is stable.
    counts.sort(Comparator.comparingLong(Count::count).reversed());
    StringBuilder worst = new StringBuilder();
    counts.stream().limit(3).forEach(c -> worst.append(String.format("%n  %s: %d %s",
        display.getOrDefault(c.source(), c.source()), c.count(), c.kind())));
    throw new TooManyMalformedException(String.format(
        "%d of %d records (%.2f%%) are malformed, more than --max-malformed-ratio %s allows; "
            + "reports not published. Most malformed:%s",
        totals.malformed(), totals.records() + totals.malformed(),
        100 * totals.malformedRatio(), options.maxMalformedRatio(), worst));
  }

  private static Map<String, String> displayNames(List<InputFile> files) {
    Map<String, String> out = new HashMap<>();
    files.forEach(f -> out.put(f.path(), f.display()));
    return out;
  }

  private static void warn(String message) {
    System.err.println("dwlogs: warning: " + message);
  }

  /** Names on the console each text file in which no layout found a record start. */
  private void warnNoRecordStart(List<InputFile> files, Map<String, Map<String, Long>> byKind) {
    for (InputFile f : files) {
      FileSniff sniff = sniffs.get(f.path());
      if (sniff != null && sniff.noRecordStart()) {
        long lines = byKind.getOrDefault(f.path(), Map.of())
            .getOrDefault(Malformed.Kind.NO_RECORD_START.label(), 0L);
        warn(f.display() + ": " + ManifestWriter.noRecordStartNote(lines)
            + ", each counted as malformed");
      }
    }
  }

  private void writeManifest(ReportFolder folder, List<InputFile> files,
      Map<String, FileCounts> perFile, Map<String, Map<String, Long>> byKind, RunTotals totals,
      Instant started) throws IOException {
    Map<String, Object> spark = new LinkedHashMap<>();
    spark.put("master", this.spark.sparkContext().master());
    spark.put("application_id", this.spark.sparkContext().applicationId());
    spark.put("version", this.spark.version());
    try (OutputStream out = folder.create(ReportTable.MANIFEST)) {
      ManifestWriter.write(out, new ManifestWriter.Manifest(options, files, perFile, byKind,
          totals, spark, stages.timings(), started, Instant.now(), sniffs));
    }
  }

  private CsvReportWriter writer(ReportFolder folder, ReportTable table) throws IOException {
    return new CsvReportWriter(folder.create(table.fileName()), table, options.formulaGuard(),
        page.sink(table));
  }

  /**
   * Runs the job's stages: each one's wall-clock time, in the order the stages ran, and the
   * Spark job group (the stage's name) and description of the jobs it starts.
   */
  static final class Stages {
    private final SparkContext sc;
    private final Map<String, Long> millis = new LinkedHashMap<>();

    Stages(SparkContext sc) {
      this.sc = sc;
    }

    interface IoSupplier<T> {
      T get() throws IOException;
    }

    interface IoRunnable {
      void run() throws IOException;
    }

    <T> T time(String stage, String description, IoSupplier<T> work) throws IOException {
      sc.setJobGroup(stage, DESCRIPTION_PREFIX + description, false);
      long start = System.nanoTime();
      try {
        return work.get();
      } finally {
        millis.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
        sc.clearJobGroup();
      }
    }

    void run(String stage, String description, IoRunnable work) throws IOException {
      time(stage, description, () -> {
        work.run();
        return null;
      });
    }

    Map<String, Long> timings() {
      return new LinkedHashMap<>(millis);
    }
  }
}
