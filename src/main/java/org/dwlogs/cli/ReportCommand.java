package org.dwlogs.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.JobConfig;
import org.dwlogs.index.IndexSource;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.job.ProgressListener;
import org.dwlogs.job.ReportJob;
import org.dwlogs.job.RunResult;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.report.trend.Alerts;
import org.dwlogs.report.trend.FailOn;
import org.dwlogs.report.trend.TrendInput;
import org.dwlogs.run.RunOptions;
import org.dwlogs.run.RunTotals;
import org.dwlogs.signatures.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dwlogs report}: reads logs and writes the six reports. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpWidth = 100,
    description = {"Reads logs and writes the reports.",
        "",
        "Reads every file under the input paths (folders recursively, .gz transparently),",
        "recognises the catalog's documented errors and writes issue_summary.csv,",
        "issue_daily.csv, issue_sessions.csv, version_mismatch.csv, unmatched_errors.csv,",
        "report.html (a page to open in a browser) and run_manifest.json into the output",
        "folder. The previous reports there are replaced only",
        "once all new ones are written (a _SUCCESS file marks a complete folder)."},
    footer = {"", "Exit codes: 0 done, 1 usage or configuration error, 2 input or output problem,",
        "3 too many malformed records, 4 internal error, 6 published, and --fail-on found a new",
        "or rising issue against --baseline."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, arity = "1..*", paramLabel = "PATH",
      description = "Log files or folders; any Hadoop file system URI (file://, hdfs://, s3a://).")
  List<String> inputs;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Read the records from an index built by 'dwlogs index' instead of --input; "
          + "they are matched with the current catalog.")
  String index;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Folder the reports are published to.")
  String output;

  @Mixin
  ReadOptions read = new ReadOptions();

  @Option(names = "--from", paramLabel = "TIME", converter = FromConverter.class,
      description = "Only records at or after TIME: a UTC day (2026-11-20) or an ISO-8601 "
          + "instant (2026-11-20T06:00:00Z, 2026-11-20T08:00:00+02:00).")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", converter = ToConverter.class,
      description = "Only records before TIME; a day means up to the end of that UTC day "
          + "(--from 2026-11-20 --to 2026-11-20 is that one day). Records without a "
          + "timestamp are left out when --from or --to is given.")
  Instant to;

  @Option(names = "--max-malformed-ratio", paramLabel = "RATIO",
      defaultValue = "" + RunOptions.DEFAULT_MAX_MALFORMED_RATIO,
      converter = RatioConverter.class,
      description = "Fail (exit 3, nothing published) when more than this share of records is "
          + "malformed, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double maxMalformedRatio;

  @Option(names = "--formula-guard", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Prefix report cells that start with =, +, -, @, tab or CR with ' so "
          + "spreadsheets do not evaluate them (default: on; --no-formula-guard for machine "
          + "consumers).")
  boolean formulaGuard;

  @Option(names = "--baseline", paramLabel = "DIR",
      description = "An earlier report folder to compare with: writes trends.csv (each issue "
          + "new, rising, falling, steady or gone against it).")
  String baseline;

  @Option(names = "--fail-on", paramLabel = "WHAT", converter = FailOnConverter.class,
      description = "With --baseline: after publishing, exit with code 6 when an issue is new, "
          + "rising or either (new|rising|any), naming them on one line; alerts.csv lists them.")
  FailOn failOn;

  // ---- progress (added for the cluster/nightly issue) ----
  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
      description = "Print progress to stderr at most every SECONDS while the job runs: stage, "
          + "tasks, input bytes read of the total, records per second; 0 turns it off "
          + "(default: ${DEFAULT-VALUE}).")
  int progressInterval;

  /** Lists the inputs for the progress totals and registers a {@link ProgressListener}. */
  static ProgressListener startProgress(SparkSession spark, List<String> inputs, LogFormat format,
      java.io.PrintWriter err, int intervalSeconds) {
    if (intervalSeconds <= 0) {
      return null;
    }
    long bytes = -1;
    int files = -1;
    try {
      List<org.dwlogs.ingest.InputFile> listed = org.dwlogs.ingest.InputLister.list(inputs,
          spark.sparkContext().hadoopConfiguration(), format);
      bytes = listed.stream().mapToLong(org.dwlogs.ingest.InputFile::bytes).sum();
      files = listed.size();
    } catch (RuntimeException e) {
      // The job lists the inputs again and reports any problem with them itself.
    }
    return ProgressListener.attach(spark.sparkContext(), err, intervalSeconds, bytes, files);
  }
  /** The one-line summary at the end of a run. */
  static String summary(RunTotals t, String output, long nanos) {
    return String.format(java.util.Locale.ROOT,
        "dwlogs: %d files, %d records read, %d matched, %d malformed; %d reports, the manifest "
            + "and the quarantine written to %s (%.1f s)",
        t.files(), t.records(), t.matchedRecords(), t.malformed(),
        org.dwlogs.report.ReportTable.ALL.size(), output, nanos / 1e9);
  }
  // ---- end progress ----

  @Override
  public Integer call() throws Exception {
    if ((inputs == null) == (index == null)) {
      throw new ParameterException(spec.commandLine(), inputs == null
          ? "Missing required option: '--input=PATH' (or --index=DIR)"
          : "--input and --index are mutually exclusive: give one of them");
    }
    if (index != null && (read.format != null || !"UTC".equals(read.timezone.getId()))) {
      throw new ParameterException(spec.commandLine(), "--format and --timezone apply to "
          + "--input only: an index holds its records as parsed when it was built");
    }
    if (inputs == null) {
      inputs = List.of();
    }
    if (failOn != null && baseline == null) {
      throw new ParameterException(spec.commandLine(),
          "--fail-on needs --baseline DIR: an earlier report folder to compare with");
    }
    JobConfig jobConfig = read.jobConfig();
    Catalog signatures = read.catalog();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("inputs", inputs);
    if (index != null) {
      parameters.put("index", index);
    }
    parameters.put("output", output);
    read.putParameters(parameters);
    parameters.put("max_malformed_ratio", maxMalformedRatio);
    parameters.put("formula_guard", formulaGuard);
    parameters.put("from", from == null ? "" : from.toString());
    parameters.put("to", to == null ? "" : to.toString());
    parameters.put("baseline", baseline == null ? "" : baseline);
    parameters.put("fail_on", failOn == null ? "" : failOn.label());
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ParameterException(spec.commandLine(), String.format(
          "the window --from %s --to %s is empty: it must start before it ends",
          spec.commandLine().getParseResult().matchedOption("--from").originalStringValues().get(0),
          spec.commandLine().getParseResult().matchedOption("--to").originalStringValues().get(0)));
    }
    RunOptions options = new RunOptions(inputs, output, signatures, jobConfig,
        read.format, read.timezone, parameters, maxMalformedRatio, formulaGuard, from, to);
    SparkSession spark = SparkSessions.getOrCreate(read.master, "dwlogs report");
    ProgressListener progress = null;
    try {
      var err = spec.commandLine().getErr();
      progress = startProgress(spark, inputs, read.format, err, progressInterval);
      err.println("dwlogs: Spark " + spark.version() + " on " + spark.sparkContext().master()
          + spark.sparkContext().uiWebUrl().map(u -> ", UI at " + u).getOrElse(() -> ""));
      long start = System.nanoTime();
      TrendInput trends = null;
      if (baseline != null) {
        Path base = new Path(baseline);
        trends = TrendInput.baseline(base.getFileSystem(spark.sparkContext().hadoopConfiguration()),
            base, failOn);
      }
      RunResult result = new ReportJob(spark, options,
          index == null ? null : new IndexSource(index), trends).run();
      RunTotals t = result.totals();
      err.println(summary(t, result.output(), System.nanoTime() - start));
      if (!result.alerts().isEmpty()) {
        err.println("dwlogs: alert (--fail-on " + failOn.label() + " against " + baseline + "): "
            + Alerts.line(result.alerts()));
        return ExitCodes.ALERT;
      }
      return ExitCodes.OK;
    } finally {
      if (progress != null) {
        progress.close();
      }
      spark.stop();
    }
  }

  static final class FormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.ofLabel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A UTC day or an ISO-8601 instant (with Z or an offset). */
  static Instant parseTime(String value, boolean endOfDay) {
    String v = value.strip();
    try {
      LocalDate day = LocalDate.parse(v);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is neither a day (2026-11-20) nor an "
            + "ISO-8601 instant with a zone (2026-11-20T06:00:00Z)");
      }
    }
  }

  static final class FromConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return parseTime(value, false);
    }
  }

  static final class ToConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return parseTime(value, true);
    }
  }

  static final class FailOnConverter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.ofLabel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RatioConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return parseShare(value, 1, "1");
    }
  }

  /**
   * A share from 0 to {@code max} ({@code maxText} as the message shows it); the message of a
   * bad value names the bound and, when given, why ({@code because}).
   */
  static double parseShare(String value, double max, String maxText, String... because) {
    double share;
    try {
      share = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a number: '" + value + "'");
    }
    if (!(share >= 0 && share <= max)) {
      throw new TypeConversionException("must be between 0 and " + maxText
          + (because.length == 0 ? "" : " (" + because[0] + ")") + ": " + value);
    }
    return share;
  }

  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (java.time.DateTimeException e) {
        throw new TypeConversionException("unknown time zone '" + value + "'");
      }
    }
  }
}
