package org.dwlogs.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.dwlogs.aggregate.ReportRows;
import org.dwlogs.aggregate.ReportTables;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.FileSniff;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogFormat;
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
import org.dwlogs.run.RunOptions;
import org.dwlogs.run.RunTotals;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.Signature;

/**
 * The report job: list inputs, read, parse and match them, aggregate, write the reports and
 * publish them. Runs on the driver; the parsing and matching run in the executors, one
 * matcher per task thread, once per run: later stages read the cached rows. See {@link #run()}
 * for the stages.
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
   * UI and the progress lines show. The scan runs in {@code read_parse_match}, which
   * materialises the cached rows; every later stage reads that cache.
   */
  public RunResult run() throws IOException {
    Instant started = Instant.now();
    try (ReportFolder folder = ReportFolder.stage(options.output(),
        spark.sparkContext().hadoopConfiguration())) {
      List<InputFile> files = stages.time(LIST_INPUTS, "list inputs", this::listInputs);
      stages.run(SNIFF_INPUTS, "sniff encodings and layouts", () -> sniffInputs(files));
      Scan scan = stages.time(READ_PARSE_MATCH, "read, parse and match",
          () -> parseAndMatch(files));
      Dataset<Row> rows = scan.rows();
      try {
        RunTotals totals = scan.totals();
        Map<String, String> display = displayNames(files);
        List<Row> unreadable = stages.time("quarantine", "quarantine",
            () -> writeQuarantine(folder, rows, display));
        unreadable.forEach(r -> warn("cannot read " + display.getOrDefault(r.getString(0), r.getString(0))
            + ": " + r.getString(4)));
        stages.run("malformed_ratio", "malformed ratio",
            () -> checkMalformedRatio(totals, rows, display));
        Dataset<Row> matched = ReportTables.matched(rows);
        stages.run("issue_summary", "issue_summary.csv",
            () -> writeIssueSummary(folder, matched, totals));
        stages.run("issue_daily", "issue_daily.csv", () -> writeIssueDaily(folder, matched));
        stages.run("issue_sessions", "issue_sessions.csv",
            () -> writeIssueSessions(folder, matched));
        stages.run("version_mismatch", "version_mismatch.csv",
            () -> writeVersionMismatch(folder, matched));
        stages.run("issue_details", "issue_details.csv", () -> writeIssueDetails(folder, matched));
        stages.run("unmatched_errors", "unmatched_errors.csv",
            () -> writeUnmatchedErrors(folder, rows));
        List<Row> perFile = stages.time("per_file", "per-file statistics",
            () -> ReportTables.perFile(rows).collectAsList());
        List<Row> byKind = stages.time("malformed_by_kind", "malformed records by kind",
            () -> ReportTables.malformedByKind(rows).collectAsList());
        warnNoRecordStart(files, byKind);
        ReportExtras extras = new ReportExtras(folder, options, trendInput, page);
        List<Trend> alerts = stages.time("report_html", "trends, alerts and report.html",
            () -> extras.write(totals, ReportExtras.quality(files, perFile, byKind), started));
        writeManifest(folder, files, perFile, byKind, totals, started);
        folder.publish();
        return new RunResult(totals, folder.target().toString(), alerts);
      } finally {
        rows.unpersist();
      }
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

  /** The scan's outcome: the run totals, and the cached rows every report table is computed from. */
  private record Scan(RunTotals totals, Dataset<Row> rows) {}

  /**
   * Reads, parses and matches every record into {@link ReportRows}, and sums up the run
   * totals in the same pass, so the stage's time is the scan's. The rows are cached on the
   * way; the per-ID rows, which only the totals' distinct counts read, are then dropped, and
   * the reports read a cache of the other rows (matched records, unmatched errors, malformed
   * records, per-file counters): a few per thousand records.
   */
  private Scan parseAndMatch(List<InputFile> files) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JobConfig config = options.config();
    Broadcast<Catalog> catalog = sc.broadcast(options.catalog());
    Set<String> errorLevels = new HashSet<>(config.errorLevels());
    Long from = options.from() == null ? null : options.from().toEpochMilli();
    Long to = options.to() == null ? null : options.to().toEpochMilli();
    JavaRDD<Parsed> parsed = source != null ? source.read(sc, files)
        : LogReader.read(sc, files, config, options.zone(), sniffs,
            new NoiseSieve.Spec(catalog, config.context().dualWrite(), errorLevels));
    JavaRDD<Row> rows = parsed.mapPartitions((Iterator<Parsed> it) -> {
      SignatureMatcher matcher = SignatureMatcher.forThisThread(catalog.value(),
          config.context().dualWrite());
      IdExtractor ids = new IdExtractor(config.ids().session(), config.ids().activity());
      return ReportRows.rows(it, matcher, ids, errorLevels, from, to);
    });
    Dataset<Row> all = spark.createDataFrame(rows, ReportRows.SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> reported = null;
    try {
      RunTotals totals = totals(files, all);
      reported = ReportTables.withoutIdRows(all).persist(StorageLevel.MEMORY_AND_DISK());
      reported.count();
      return new Scan(totals, reported);
    } catch (RuntimeException e) {
      if (reported != null) {
        reported.unpersist(); // run() unpersists only the rows it got
      }
      throw e;
    } finally {
      all.unpersist();
    }
  }

  private RunTotals totals(List<InputFile> files, Dataset<Row> rows) {
    Row t = ReportTables.totals(rows);
    return new RunTotals(files.size(), files.stream().mapToLong(InputFile::bytes).sum(),
        t.getLong(0), t.getLong(1), t.getLong(2), t.getLong(3), t.getLong(4), t.getLong(5),
        t.getLong(6), t.getLong(7), t.getLong(8), t.getLong(9));
  }

  private void writeIssueSummary(ReportFolder folder, Dataset<Row> matched, RunTotals totals)
      throws IOException {
    Map<String, Row> byIssue = new HashMap<>();
    for (Row r : ReportTables.issueSummary(matched).collectAsList()) {
      byIssue.put(r.getString(0), r);
    }
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_SUMMARY)) {
      for (Signature s : options.catalog().signatures()) {
        Row r = byIssue.get(s.issueId());
        long sessions = r == null ? 0 : r.getLong(2);
        out.write(s.issueId(), s.title(),
            Long.toString(r == null ? 0 : r.getLong(1)),
            Long.toString(sessions),
            Long.toString(r == null ? 0 : r.getLong(3)),
            Long.toString(r == null ? 0 : r.getLong(4)),
            Cells.ratio(sessions, totals.sessions()),
            Cells.timestamp(r == null ? null : nullableLong(r, 5)),
            Cells.timestamp(r == null ? null : nullableLong(r, 6)),
            Cells.text(s.requiredRole()), s.remedy(), s.docSection(), Cells.text(s.category()),
            Cells.text(s.docUrl()));
      }
    }
  }

  private void writeIssueDaily(ReportFolder folder, Dataset<Row> matched) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_DAILY)) {
      stream(ReportTables.issueDaily(matched), r -> out.write(r.getString(0), r.getString(1),
          Long.toString(r.getLong(2)), Long.toString(r.getLong(3))));
    }
  }

  private void writeIssueSessions(ReportFolder folder, Dataset<Row> matched) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_SESSIONS)) {
      stream(ReportTables.issueSessions(matched), r -> out.write(r.getString(0), r.getString(1),
          Long.toString(r.getLong(2)), Cells.timestamp(nullableLong(r, 3)),
          Cells.timestamp(nullableLong(r, 4)), r.getString(5)));
    }
  }

  private void writeVersionMismatch(ReportFolder folder, Dataset<Row> matched) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.VERSION_MISMATCH)) {
      stream(ReportTables.versionMismatch(matched), r -> out.write(Cells.text(r.get(0)),
          Cells.text(r.get(1)), Cells.text(r.get(2)), Cells.text(r.get(3)),
          Long.toString(r.getLong(4)), Long.toString(r.getLong(5))));
    }
  }

  private void writeIssueDetails(ReportFolder folder, Dataset<Row> matched) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.ISSUE_DETAILS)) {
      stream(ReportTables.issueDetails(matched), r -> out.write(r.getString(0), r.getString(1),
          r.getString(2), Long.toString(r.getLong(3)), Long.toString(r.getLong(4))));
    }
  }

  private void writeUnmatchedErrors(ReportFolder folder, Dataset<Row> rows) throws IOException {
    try (CsvReportWriter out = writer(folder, ReportTable.UNMATCHED_ERRORS)) {
      stream(ReportTables.unmatchedErrors(rows), r -> out.write(r.getString(0),
          Long.toString(r.getLong(1)), Long.toString(r.getLong(2)),
          Cells.timestamp(nullableLong(r, 3)), Cells.timestamp(nullableLong(r, 4)),
          Cells.text(r.get(5))));
    }
  }

  /**
   * Writes every malformed record to {@code quarantine/malformed.csv}, in file order, and
   * returns those that report an unreadable file (source, ..., reason), for the console.
   */
  private List<Row> writeQuarantine(ReportFolder folder, Dataset<Row> rows,
      Map<String, String> display) throws IOException {
    List<Row> unreadable = new java.util.ArrayList<>();
    try (CsvReportWriter out = writer(folder, ReportTable.QUARANTINE)) {
      stream(ReportTables.quarantine(rows), r -> {
        if (Malformed.Kind.UNREADABLE_FILE.label().equals(r.getString(3))) {
          unreadable.add(r);
        }
        out.write(display.getOrDefault(r.getString(0), r.getString(0)), r.getString(1),
            Long.toString(r.getLong(2)), r.getString(3), Cells.text(r.get(4)),
            Cells.text(r.get(5)));
      });
    }
    return unreadable;
  }

  /** Fails the run, before anything is published, when too many records are malformed. */
  private void checkMalformedRatio(RunTotals totals, Dataset<Row> rows, Map<String, String> display) {
    if (totals.malformedRatio() <= options.maxMalformedRatio()) {
      return;
    }
    StringBuilder worst = new StringBuilder();
    ReportTables.malformedByKind(rows).orderBy(org.apache.spark.sql.functions.desc("count"))
        .limit(3).collectAsList().forEach(r -> worst.append(String.format("%n  %s: %d %s",
            display.getOrDefault(r.getString(0), r.getString(0)), r.getLong(2), r.getString(1))));
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
  private void warnNoRecordStart(List<InputFile> files, List<Row> byKind) {
    for (InputFile f : files) {
      FileSniff sniff = sniffs.get(f.path());
      if (sniff != null && sniff.noRecordStart()) {
        warn(f.display() + ": " + ManifestWriter.noRecordStartNote(noRecordStartLines(f, byKind))
            + ", each counted as malformed");
      }
    }
  }

  private static long noRecordStartLines(InputFile f, List<Row> byKind) {
    return byKind.stream().filter(r -> r.getString(0).equals(f.path())
            && Malformed.Kind.NO_RECORD_START.label().equals(r.getString(1)))
        .mapToLong(r -> r.getLong(2)).sum();
  }

  private void writeManifest(ReportFolder folder, List<InputFile> files, List<Row> perFile,
      List<Row> byKind, RunTotals totals, Instant started) throws IOException {
    Map<String, Row> stats = new HashMap<>();
    perFile.forEach(r -> stats.put(r.getString(0), r));
    Map<String, Map<String, Long>> kinds = new HashMap<>();
    byKind.forEach(r -> kinds.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>())
        .put(r.getString(1), r.getLong(2)));
    Map<String, Object> spark = new LinkedHashMap<>();
    spark.put("master", this.spark.sparkContext().master());
    spark.put("application_id", this.spark.sparkContext().applicationId());
    spark.put("version", this.spark.version());
    try (OutputStream out = folder.create(ReportTable.MANIFEST)) {
      ManifestWriter.write(out, new ManifestWriter.Manifest(options, files, stats, kinds, totals,
          spark, stages.timings(), started, Instant.now(), sniffs));
    }
  }

  private CsvReportWriter writer(ReportFolder folder, ReportTable table) throws IOException {
    return new CsvReportWriter(folder.create(table.fileName()), table, options.formulaGuard(),
        page.sink(table));
  }

  /** Streams a sorted table to the driver a partition at a time; never collects it whole. */
  private static void stream(Dataset<Row> table, java.util.function.Consumer<Row> sink) {
    Iterator<Row> it = table.toLocalIterator();
    while (it.hasNext()) {
      sink.accept(it.next());
    }
  }

  private static Long nullableLong(Row r, int i) {
    return r.isNullAt(i) ? null : r.getLong(i);
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
