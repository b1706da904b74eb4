package org.dwlogs.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.index.IndexBuilder;
import org.dwlogs.index.IndexManifest;
import org.dwlogs.index.Searcher;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.job.ReportJob;
import org.dwlogs.match.LogAnalyzer;
import org.dwlogs.match.QueryCompiler;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.Signature;

/**
 * Measures, on the same files and the same Spark master, in one run: the bare scan (Spark
 * reads every line and counts them), the full report job, and the naive approach (every
 * catalog query against a Lucene MemoryIndex of every record). Each figure is the median
 * of several runs, after one warm-up run of each; the slow ones (naive matching, the index
 * build) are one run each.
 */
public final class Benchmark {
  /** One measured approach: its name, median seconds and all runs. */
  public record Figure(String name, double medianSeconds, List<Double> runs) {}

  private final SparkSession spark;
  private final RunOptions options;
  private final int runs;
  private final PrintWriter out;
  private final boolean withIndex;
  private final boolean withNaive;
  private String doubleInput;
  private String largeInput;
  /** Where the last report run wrote its reports: the truth check reads them. */
  private Path lastReports;

  /**
   * The entries of the seed page the catalog started with: the report job with only these is
   * the yardstick for what the whole troubleshooting series costs.
   */
  public static final List<String> SEED_ENTRIES = List.of("initial-sync-lookup-metadata",
      "link-403-tokenexchange", "login-refused", "map-create-401", "module-unavailable",
      "parallel-import-advisory", "solution-version-mismatch", "stop-map-403-forbidden");

  /** {@code withIndex}: also time an index build and searches over it. */
  public Benchmark(SparkSession spark, RunOptions options, int runs, PrintWriter out,
      boolean withIndex) {
    this(spark, options, runs, out, withIndex, true);
  }

  /** {@code withNaive}: also time naive matching (slow: every query on every record). */
  public Benchmark(SparkSession spark, RunOptions options, int runs, PrintWriter out,
      boolean withIndex, boolean withNaive) {
    this.spark = spark;
    this.options = options;
    this.runs = runs;
    this.out = out;
    this.withIndex = withIndex;
    this.withNaive = withNaive;
  }

  /**
   * Also measure linearity (the report job on {@code doubleInput}, twice this input's size)
   * and the large run ({@code largeInput} in a process with a 1 GB heap); null skips either.
   */
  public Benchmark scaling(String doubleInput, String largeInput) {
    this.doubleInput = doubleInput;
    this.largeInput = largeInput;
    return this;
  }

  /** The catalog cut to {@link #SEED_ENTRIES}, overrides of other entries dropped. */
  static Catalog seedCatalog(Catalog catalog) {
    List<Signature> seed = catalog.signatures().stream()
        .filter(s -> SEED_ENTRIES.contains(s.issueId()))
        .map(s -> new Signature(s.issueId(), s.title(), s.query(), s.remedy(), s.requiredRole(),
            s.docSection(), s.inferred(), s.inferredReason(), s.extractors(), s.category(),
            s.docUrl(), s.references(), s.generic(),
            s.overrides().stream().filter(SEED_ENTRIES::contains).toList()))
        .toList();
    return new Catalog(catalog.source() + " (seed entries)", catalog.sha256(), seed);
  }

  public List<Figure> run() throws IOException {
    List<InputFile> files = InputLister.list(options.inputs(),
        spark.sparkContext().hadoopConfiguration(), options.format());
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    out.printf(Locale.ROOT, "input: %d files, %.1f MB on disk; master %s; %d runs each%n",
        files.size(), bytes / 1e6, spark.sparkContext().master(), runs);
    out.flush();
    List<Figure> figures = new ArrayList<>();
    figures.add(measure("bare scan", () -> bareScan(files)));
    Catalog seed = seedCatalog(options.catalog());
    // Alternated run by run, so that neither catalog gets the warmer JVM or file cache.
    figures.addAll(measureAlternating(List.of("report job", "report seed cat."),
        List.of(() -> reportJob(options.catalog()), () -> reportJob(seed))));
    if (withNaive) {
      figures.add(measureOnce("naive MemoryIndex", () -> naive(files)));
    }
    out.println();
    for (Figure f : figures) {
      out.printf(Locale.ROOT, "%-18s median %7.2f s  %8.1f MB/s   runs %s%n", f.name(),
          f.medianSeconds(), bytes / 1e6 / f.medianSeconds(), f.runs());
    }
    double bare = figures.get(0).medianSeconds();
    double report = figures.get(1).medianSeconds();
    double seedReport = figures.get(2).medianSeconds();
    out.printf(Locale.ROOT, "ratio report/bare in-process %.2f  (target <= 3.0)%n", report / bare);
    out.printf(Locale.ROOT, "ratio whole catalog (%d entries) / seed catalog (%d entries) %.2f"
        + "  (target <= 1.1)%n", options.catalog().signatures().size(), seed.signatures().size(),
        report / seedReport);
    if (withNaive) {
      double naive = figures.get(3).medianSeconds();
      out.printf(Locale.ROOT, "ratio naive/report %.2f  (target >= 10)%n", naive / report);
    }
    out.flush();
    checkTruth();
    figures.addAll(wholeProcesses(files, bytes));
    if (doubleInput != null) {
      figures.add(linearity(report));
    }
    if (largeInput != null) {
      figures.add(large());
    }
    if (withIndex) {
      figures.addAll(indexFigures(bytes));
    }
    return figures;
  }

  /** Queries a support engineer would ask, timed against the index built from the input. */
  static final List<String> SEARCHES = List.of(
      "issue_id:link-403-tokenexchange",
      "\"refused to connect\"",
      "level:error AND NOT issue_id:*",
      "\"version mismatch\" AND timestamp:[2026-11-19 TO 2026-11-20]");

  /**
   * Index build MB/s, then the latency of each search over the built index, searched as
   * {@code dwlogs search} searches a local index: in this JVM, without a Spark job.
   */
  private List<Figure> indexFigures(long bytes) throws IOException {
    Path dir = Files.createTempDirectory("dwlogs-bench-index");
    List<Figure> figures = new ArrayList<>();
    Figure build = measureOnce("index build", () -> buildIndex(dir.resolve("index")));
    figures.add(build);
    out.printf(Locale.ROOT, "%-18s median %7.2f s  %8.1f MB/s   runs %s%n", build.name(),
        build.medianSeconds(), bytes / 1e6 / build.medianSeconds(), build.runs());
    for (String query : SEARCHES) {
      Figure f = measure("search", () -> search(dir.resolve("index"), query));
      figures.add(new Figure("search " + query, f.medianSeconds(), f.runs()));
      out.printf(Locale.ROOT, "search in driver   median %7.2f s   %s%n", f.medianSeconds(), query);
    }
    out.flush();
    return figures;
  }

  private long buildIndex(Path index) {
    try {
      IndexBuilder.Options o = new IndexBuilder.Options(options.inputs(), index.toString(),
          options.catalog(), options.config(), options.format(), options.zone(), false,
          options.parameters());
      return new IndexBuilder(spark, o).run().manifest().shards().stream()
          .mapToLong(IndexManifest.Shard::documents).sum();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long search(Path index, String query) {
    try {
      return Searcher.search(index.toString(), new Searcher.Request(query, null, null, 10), null,
          true).hits();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * One run of a slow approach (minutes: naive matching, an index build), without a warm-up:
   * against its length, what a warm-up would take away is small.
   */
  private Figure measureOnce(String name, LongSupplier work) {
    long start = System.nanoTime();
    long count = work.getAsLong();
    double s = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    out.printf(Locale.ROOT, "  %-18s one run: %.2f s (%d)%n", name, s, count);
    out.flush();
    return new Figure(name, s, List.of(s));
  }

  private Figure measure(String name, LongSupplier work) {
    return measureAlternating(List.of(name), List.of(work)).get(0);
  }

  /**
   * Figures of several approaches, each warmed up once, then measured in turns (run 1 of
   * each, run 2 of each, ...).
   */
  private List<Figure> measureAlternating(List<String> names, List<LongSupplier> works) {
    works.forEach(LongSupplier::getAsLong); // warm-up: class loading, JIT, file cache
    List<List<Double>> seconds = new ArrayList<>();
    names.forEach(n -> seconds.add(new ArrayList<>()));
    for (int i = 0; i < runs; i++) {
      for (int w = 0; w < works.size(); w++) {
        long start = System.nanoTime();
        long count = works.get(w).getAsLong();
        double s = (System.nanoTime() - start) / 1e9;
        seconds.get(w).add(Math.round(s * 100) / 100.0);
        out.printf(Locale.ROOT, "  %-18s run %d: %.2f s (%d)%n", names.get(w), i + 1, s, count);
        out.flush();
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (int w = 0; w < works.size(); w++) {
      figures.add(figure(names.get(w), seconds.get(w)));
    }
    return figures;
  }

  private static Figure figure(String name, List<Double> seconds) {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    return new Figure(name, median, seconds);
  }

  /** The floor: Spark reads every line of the same files and counts them. */
  private long bareScan(List<InputFile> files) {
    spark.sparkContext().setJobGroup("bench", "bench: bare scan", false);
    return spark.read().text(files.stream().map(InputFile::path).toArray(String[]::new)).count();
  }

  /** Says whether the last report run equals the truth the generator wrote, if there is one. */
  private void checkTruth() throws IOException {
    Path truth = options.inputs().size() == 1 ? TruthCheck.truthOf(options.inputs().get(0)) : null;
    if (truth == null || lastReports == null) {
      out.println("truth check: no generator truth beside the input");
      return;
    }
    List<String> differences = TruthCheck.differences(truth, lastReports);
    if (differences.isEmpty()) {
      out.println("truth check: the report equals the generator's truth (totals, every issue, "
          + "every issue per day)");
    } else {
      out.printf(Locale.ROOT, "truth check: %d DIFFERENCES from the generator's truth%n",
          differences.size());
      differences.stream().limit(20).forEach(d -> out.println("  " + d));
    }
    out.flush();
  }

  /**
   * The report job and the bare scan as whole processes, JVM start included: {@code dwlogs
   * report} against {@link BareScan}, each a child JVM with this one's options, alternated.
   */
  private List<Figure> wholeProcesses(List<InputFile> files, long bytes) {
    List<String> paths = files.stream().map(InputFile::path).toList();
    String master = spark.sparkContext().master();
    List<String> bare = new ArrayList<>(List.of(BareScan.class.getName(), master));
    bare.addAll(paths);
    List<Figure> figures = measureAlternating(List.of("bare scan process", "report process"),
        List.of(() -> child(List.of(), bare), () -> child(List.of(), reportArgs(master))));
    double ratio = figures.get(1).medianSeconds() / figures.get(0).medianSeconds();
    for (Figure f : figures) {
      out.printf(Locale.ROOT, "%-18s median %7.2f s  %8.1f MB/s   runs %s%n", f.name(),
          f.medianSeconds(), bytes / 1e6 / f.medianSeconds(), f.runs());
    }
    out.printf(Locale.ROOT, "ratio report/bare as whole processes %.2f  (target <= 1.5)%n", ratio);
    out.flush();
    return figures;
  }

  private List<String> reportArgs(String master, String... inputs) {
    List<String> args = new ArrayList<>(List.of("org.dwlogs.cli.DwlogsCommand", "report",
        "--master", master, "--output", tempReports().toString(), "--input"));
    args.addAll(inputs.length == 0 ? options.inputs() : List.of(inputs));
    return args;
  }

  /** The report job on an input twice as large, once, against the median on this one. */
  private Figure linearity(double report) {
    long start = System.nanoTime();
    long records = reportJob(options.catalog(), List.of(doubleInput));
    double s = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    out.printf(Locale.ROOT, "report on %s: %.2f s (%d records); ratio to this input %.2f"
        + "  (target <= 2.1 for twice the size)%n", doubleInput, s, records, s / report);
    out.flush();
    return new Figure("report double input", s, List.of(s));
  }

  /** The report job as a process with a 1 GB heap on the large input: it must complete. */
  private Figure large() {
    long start = System.nanoTime();
    long exit = child(List.of("-Xmx1g"), reportArgs(spark.sparkContext().master(), largeInput));
    double s = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    out.printf(Locale.ROOT, "report process with -Xmx1g on %s: %s in %.2f s%n", largeInput,
        exit == 0 ? "completed" : "FAILED (exit " + exit + ")", s);
    out.flush();
    return new Figure("report large input, 1 GB heap", s, List.of(s));
  }

  /**
   * Runs a child JVM with this JVM's options ({@code extra} after them, so a heap given
   * there wins), this classpath and {@code args}; its output is dropped, a failure says so.
   * Returns the exit code.
   */
  private static long child(List<String> extra, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(extra);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(args);
    try {
      Path log = Files.createTempFile("dwlogs-bench-child", ".log");
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      int exit = p.waitFor();
      if (exit != 0) {
        System.err.println("bench: child failed (exit " + exit + "), see " + log);
      } else {
        Files.delete(log);
      }
      return exit;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path tempReports() {
    try {
      return Files.createTempDirectory("dwlogs-bench").resolve("reports");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long reportJob(Catalog catalog) {
    return reportJob(catalog, options.inputs());
  }

  private long reportJob(Catalog catalog, List<String> inputs) {
    try {
      Path out = Files.createTempDirectory("dwlogs-bench").resolve("reports");
      if (catalog == options.catalog()) {
        lastReports = out; // the truth knows the whole catalog's counts
      }
      RunOptions o = new RunOptions(inputs, out.toString(),
          catalog, options.config(), options.format(), options.zone(),
          options.parameters(), 1.0, true);
      return new ReportJob(spark, o).run().totals().records();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every query against a MemoryIndex of every record: no pre-filter, no shortcuts. */
  private long naive(List<InputFile> files) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    sc.setJobGroup("bench", "bench: naive", false);
    Broadcast<Catalog> catalog = sc.broadcast(options.catalog());
    return LogReader.read(sc, files, options.config(), options.zone())
        .mapPartitions((Iterator<Parsed> it) -> {
          LogAnalyzer analyzer = new LogAnalyzer();
          QueryCompiler compiler = new QueryCompiler(analyzer);
          List<Query> queries = new ArrayList<>();
          for (Signature s : catalog.value().signatures()) {
            try {
              queries.add(compiler.compile(s.query()));
            } catch (ParseException e) {
              throw new IllegalStateException(e);
            }
          }
          long matched = 0;
          while (it.hasNext()) {
            if (it.next() instanceof LogRecord r) {
              MemoryIndex index = new MemoryIndex();
              index.addField(LogAnalyzer.MESSAGE_FIELD, r.message(), analyzer);
              for (Query q : queries) {
                if (index.search(q) > 0f) {
                  matched++;
                }
              }
            }
          }
          return List.of(matched).iterator();
        })
        .reduce(Long::sum);
  }
}
