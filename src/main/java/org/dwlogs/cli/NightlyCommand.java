package org.dwlogs.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.JobConfig;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.job.ProgressListener;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.nightly.NightlyRun;
import org.dwlogs.nightly.RunLock;
import org.dwlogs.nightly.RunLog;
import org.dwlogs.report.trend.Alerts;
import org.dwlogs.report.trend.FailOn;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code dwlogs nightly}: the reports of one UTC day (or a range), for schedulers. */
@Command(name = "nightly", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpWidth = 100,
    description = {"Writes the reports of one UTC day, or of each day of a range, for schedulers.",
        "",
        "Each day D is read from INPUT_ROOT/dt=D/ when INPUT_ROOT is partitioned by day (see",
        "--partition-pattern), else from all of INPUT_ROOT keeping the records timestamped in D",
        "(UTC). Its reports are published atomically to OUTPUT_ROOT/dt=D/, and",
        "OUTPUT_ROOT/latest/ is then a copy of the newest complete day. A lock file",
        "OUTPUT_ROOT/_nightly.lock keeps a second run off the same output (exit 5); a stale lock",
        "is taken over. Each run writes its log to OUTPUT_ROOT/_logs/. Days run in order; the",
        "first day that fails stops the run with its exit code (the days before it stay",
        "published)."},
    footer = {"", "Examples:",
        "  dwlogs nightly --input-root logs --output-root reports              # yesterday (UTC)",
        "  dwlogs nightly --input-root logs --output-root reports --date 2026-11-20",
        "  dwlogs nightly --input-root logs --output-root reports --from 2026-11-14 --to 2026-11-20",
        "", "Exit codes: 0 done, 1 usage or configuration error, 2 input or output problem,",
        "3 too many malformed records, 4 internal error, 5 another run holds the lock,",
        "6 published, and --fail-on found a new or rising issue."})
final class NightlyCommand implements Callable<Integer> {
  /** The clock that decides "yesterday"; tests replace it. */
  static Clock clock = Clock.systemUTC();

  @Spec
  CommandSpec spec;

  @Option(names = "--input-root", required = true, paramLabel = "DIR",
      description = "The logs: a folder of day partitions (dt=YYYY-MM-DD/) or of any logs; "
          + "any Hadoop file system URI.")
  String inputRoot;

  @Option(names = "--output-root", required = true, paramLabel = "DIR",
      description = "Where dt=YYYY-MM-DD/, latest/, _logs/ and the lock go; any Hadoop file "
          + "system URI.")
  String outputRoot;

  @Option(names = "--date", paramLabel = "DAY", converter = DayConverter.class,
      description = "The UTC day to run (default: yesterday in UTC). Re-running a day "
          + "replaces its reports.")
  LocalDate date;

  @Option(names = "--from", paramLabel = "DAY", converter = DayConverter.class,
      description = "First day of a range to back-fill (with --to; both inclusive).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DAY", converter = DayConverter.class,
      description = "Last day of the range (inclusive).")
  LocalDate to;

  @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto",
      description = "How a day's input is found: partitioned (INPUT_ROOT/<pattern>), timestamp "
          + "(all of INPUT_ROOT, by record time), or auto: partitioned when a folder of "
          + "INPUT_ROOT matches the pattern (default: ${DEFAULT-VALUE}).")
  NightlyRun.Layout layout;

  @Option(names = "--partition-pattern", paramLabel = "PATTERN",
      defaultValue = NightlyRun.DEFAULT_PARTITION,
      description = "The day's folder below INPUT_ROOT as a java.time pattern, e.g. "
          + "'dt='yyyy-MM-dd or yyyy/MM/dd (default: ${DEFAULT-VALUE}).")
  String partitionPattern;

  @Option(names = "--stale-lock-after", paramLabel = "DURATION", defaultValue = "6h",
      converter = DurationConverter.class,
      description = "Take over a lock whose heartbeat is older than this (30m, 6h, 2d), for "
          + "owners on another host; an owner on this host is checked by process id "
          + "(default: ${DEFAULT-VALUE}).")
  Duration staleLockAfter;

  @Mixin
  ReadOptions read = new ReadOptions();

  @Option(names = "--max-malformed-ratio", paramLabel = "RATIO",
      defaultValue = "" + RunOptions.DEFAULT_MAX_MALFORMED_RATIO,
      converter = ReportCommand.RatioConverter.class,
      description = "Fail a day (exit 3, that day not published) above this malformed share "
          + "(default: ${DEFAULT-VALUE}).")
  double maxMalformedRatio;

  @Option(names = "--formula-guard", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Neutralise cells a spreadsheet would evaluate (default: on).")
  boolean formulaGuard;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "30",
      description = "Progress on stderr at most every SECONDS; 0 turns it off "
          + "(default: ${DEFAULT-VALUE}).")
  int progressInterval;

  @Option(names = "--fail-on", paramLabel = "WHAT", converter = ReportCommand.FailOnConverter.class,
      description = "After publishing, exit with code 6 when an issue is new, rising or "
          + "either (new|rising|any) against the earlier day folders, naming them on one "
          + "line; alerts.csv in the day folder lists them. Without it the exit code ignores "
          + "the trends.")
  FailOn failOn;

  @Override
  public Integer call() throws Exception {
    LocalDate first;
    LocalDate last;
    if (date != null && (from != null || to != null)) {
      throw new ParameterException(spec.commandLine(), "give --date or --from/--to, not both");
    }
    if ((from == null) != (to == null)) {
      throw new ParameterException(spec.commandLine(), "--from and --to go together");
    }
    if (from != null) {
      if (to.isBefore(from)) {
        throw new ParameterException(spec.commandLine(),
            "the range --from " + from + " --to " + to + " ends before it starts");
      }
      first = from;
      last = to;
    } else {
      first = last = date != null ? date : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
    }
    try {
      java.time.format.DateTimeFormatter.ofPattern(partitionPattern);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--partition-pattern '" + partitionPattern
          + "' is not a java.time pattern: " + e.getMessage());
    }
    JobConfig jobConfig = read.jobConfig();
    Catalog signatures = read.catalog();
    Map<String, Object> parameters = new LinkedHashMap<>();
    read.putParameters(parameters);
    parameters.put("max_malformed_ratio", maxMalformedRatio);
    parameters.put("formula_guard", formulaGuard);
    parameters.put("fail_on", failOn == null ? "" : failOn.label());
    NightlyRun.Settings settings = new NightlyRun.Settings(inputRoot, outputRoot, first, last,
        layout, partitionPattern, signatures, jobConfig, read.format, read.timezone, maxMalformedRatio,
        formulaGuard, parameters, failOn);
    String days = first.equals(last) ? first.toString() : first + " to " + last;

    PrintWriter err = spec.commandLine().getErr();
    Path root = new Path(outputRoot);
    FileSystem fs = root.getFileSystem(SourceFiles.hadoopConfiguration());
    RunLock lock;
    try {
      lock = RunLock.acquire(fs, root, staleLockAfter, days, m -> err.println("dwlogs: " + m));
    } catch (RunLock.LockedException e) {
      err.println("dwlogs: " + e.getMessage());
      return ExitCodes.LOCKED;
    }
    try (lock; RunLog log = RunLog.open(fs, root, err)) {
      log.line("nightly " + days + ": input " + inputRoot + ", output " + outputRoot
          + ", lock " + lock.path() + ", log " + log.path());
      long start = System.nanoTime();
      SparkSession spark = SparkSessions.getOrCreate(read.master, "dwlogs nightly " + days);
      ProgressListener progress = null;
      try {
        log.line("Spark " + spark.version() + " on " + spark.sparkContext().master()
            + spark.sparkContext().uiWebUrl().map(u -> ", UI at " + u).getOrElse(() -> ""));
        progress = ReportCommand.startProgress(spark, List.of(inputRoot), read.format, err,
            progressInterval);
        List<NightlyRun.Day> done = new NightlyRun(spark, settings, log).run();
        log.line(String.format(Locale.ROOT, "nightly %s: ok, %d day(s) published (%.1f s)",
            days, done.size(), (System.nanoTime() - start) / 1e9));
        String alerts = done.stream().filter(d -> !d.result().alerts().isEmpty())
            .map(d -> d.day() + ": " + Alerts.line(d.result().alerts()))
            .collect(java.util.stream.Collectors.joining("; "));
        if (!alerts.isEmpty()) {
          // One line on stderr, for cron mails and scheduler task logs; alerts.csv has the rows.
          err.println("dwlogs: alert (--fail-on " + failOn.label() + "): " + alerts);
          return ExitCodes.ALERT;
        }
        return ExitCodes.OK;
      } catch (Exception e) {
        log.line("nightly " + days + ": failed: " + e);
        throw e;
      } finally {
        if (progress != null) {
          progress.close();
        }
        spark.stop();
      }
    }
  }

  static final class DayConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a day like 2026-11-20");
      }
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      try {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        Duration d = switch (v.charAt(v.length() - 1)) {
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> null;
        };
        if (d != null && n > 0) {
          return d;
        }
      } catch (RuntimeException e) {
        // reported below
      }
      throw new TypeConversionException("'" + value + "' is not a duration like 30m, 6h or 2d");
    }
  }
}
