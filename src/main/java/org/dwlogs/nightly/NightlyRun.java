package org.dwlogs.nightly;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.InputException;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.job.ReportJob;
import org.dwlogs.job.RunResult;
import org.dwlogs.report.ReportFolder;
import org.dwlogs.report.trend.Alerts;
import org.dwlogs.report.trend.FailOn;
import org.dwlogs.report.trend.TrendInput;
import org.dwlogs.report.trend.Trends;
import org.dwlogs.run.RunOptions;
import org.dwlogs.run.RunTotals;
import org.dwlogs.signatures.Catalog;

/**
 * Runs the report job once per UTC day, in order, into {@code <output root>/dt=YYYY-MM-DD/},
 * each through the same {@link ReportJob} (so each day publishes atomically), then points
 * {@code <output root>/latest/} at the newest complete day.
 *
 * <p>A day's input is its partition folder, {@code <input root>/<partition pattern>} such as
 * {@code logs/dt=2026-11-20/}, read whole; or, when the input root is not partitioned, the
 * whole input root filtered by record timestamp to that day ({@code --from D --to D}). With
 * {@link Layout#AUTO} the input root is partitioned when one of its folders matches the
 * pattern; a partitioned root without the day's folder is an input error (exit 2), not an
 * empty day, since it usually means the logs have not arrived yet.
 */
public final class NightlyRun {
  /** The folder of a day's reports below the output root. */
  public static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd");
  /** The default partition pattern of the input root, as a java.time pattern. */
  public static final String DEFAULT_PARTITION = "'dt='yyyy-MM-dd";
  /** The copy of the newest complete day. */
  public static final String LATEST = "latest";
  /** In {@code latest/}: the day it holds, {@code YYYY-MM-DD}. */
  public static final String LATEST_DAY = "_DAY";

  public enum Layout { AUTO, PARTITIONED, TIMESTAMP }

  /** What to run: the days (inclusive) and the report options shared by every day. */
  public record Settings(String inputRoot, String outputRoot, LocalDate from, LocalDate to,
      Layout layout, String partitionPattern, Catalog catalog, JobConfig config, LogFormat format,
      ZoneId zone, double maxMalformedRatio, boolean formulaGuard,
      Map<String, Object> parameters, FailOn failOn) {
    public Settings {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("the range ends before it starts: " + from + " to " + to);
      }
      parameters = Map.copyOf(parameters);
      DateTimeFormatter.ofPattern(partitionPattern); // fails early on a bad pattern
    }

    public List<LocalDate> days() {
      return from.datesUntil(to.plusDays(1)).toList();
    }
  }

  /** One day's run: its input and the job's result. */
  public record Day(LocalDate day, List<String> inputs, boolean byTimestamp, RunResult result) {}

  private final SparkSession spark;
  private final Settings settings;
  private final RunLog log;

  public NightlyRun(SparkSession spark, Settings settings, RunLog log) {
    this.spark = spark;
    this.settings = settings;
    this.log = log;
  }

  /** Runs every day in order; stops at the first day that fails, with its exception. */
  public List<Day> run() throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path inputRoot = new Path(settings.inputRoot());
    FileSystem inFs = inputRoot.getFileSystem(hadoop);
    boolean partitioned = partitioned(inFs, inputRoot);
    Path outputRoot = new Path(settings.outputRoot());
    FileSystem outFs = outputRoot.getFileSystem(hadoop);
    List<Day> done = new ArrayList<>();
    for (LocalDate day : settings.days()) {
      List<String> inputs;
      if (partitioned) {
        Path folder = new Path(inputRoot, DateTimeFormatter.ofPattern(settings.partitionPattern()).format(day));
        if (!inFs.exists(folder)) {
          throw new InputException("no input for " + day + ": " + folder + " does not exist "
              + "(the input root is partitioned by " + settings.partitionPattern() + ")");
        }
        inputs = List.of(folder.toString());
      } else {
        inputs = List.of(settings.inputRoot());
      }
      String output = new Path(outputRoot, DAY_FOLDER.format(day)).toString();
      log.line(day + ": reading " + String.join(", ", inputs)
          + (partitioned ? " (its partition)" : " (records of that UTC day)") + " into " + output);
      Map<String, Object> parameters = new LinkedHashMap<>(settings.parameters());
      parameters.put("inputs", inputs);
      parameters.put("output", output);
      parameters.put("from", partitioned ? "" : day.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
      parameters.put("to", partitioned ? "" : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
      parameters.put("nightly_day", day.toString());
      parameters.put("nightly_layout", partitioned ? "partitioned" : "timestamp");
      RunOptions options = new RunOptions(inputs, output, settings.catalog(),
          settings.config(), settings.format(), settings.zone(), parameters,
          settings.maxMalformedRatio(), settings.formulaGuard(),
          partitioned ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant(),
          partitioned ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      TrendInput trends = TrendInput.nightly(outFs, outputRoot, day, settings.failOn(),
          m -> log.line(day + ": warning: " + m));
      log.line(day + ": trends against " + trends.window().size() + " of the "
          + Trends.WINDOW_DAYS + " days before" + (trends.missing().isEmpty() ? ""
              : " (no complete report for " + String.join(", ", trends.missing()) + ")"));
      long start = System.nanoTime();
      RunResult result = new ReportJob(spark, options, null, trends).run();
      RunTotals t = result.totals();
      log.line(String.format(java.util.Locale.ROOT,
          "%s: done: %d files, %d records, %d matched, %d malformed; published %s (%.1f s)",
          day, t.files(), t.records(), t.matchedRecords(), t.malformed(), result.output(),
          (System.nanoTime() - start) / 1e9));
      if (!result.alerts().isEmpty()) {
        log.line(day + ": alert (--fail-on " + settings.failOn().label() + "): "
            + Alerts.line(result.alerts()));
      }
      done.add(new Day(day, inputs, !partitioned, result));
      updateLatest(outFs, outputRoot).ifPresent(d -> log.line("latest/ holds " + d));
    }
    return done;
  }

  /** Whether the input root is partitioned by the settings' pattern (see {@link Layout}). */
  boolean partitioned(FileSystem fs, Path root) throws IOException {
    switch (settings.layout()) {
      case PARTITIONED:
        return true;
      case TIMESTAMP:
        return false;
      default:
        break;
    }
    FileStatus status;
    try {
      status = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      throw new InputException("input path does not exist: " + settings.inputRoot());
    }
    if (!status.isDirectory()) {
      return false;
    }
    Pattern segment = firstSegment(settings.partitionPattern());
    for (FileStatus child : fs.listStatus(root)) {
      if (child.isDirectory() && segment.matcher(child.getPath().getName()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A regex for the first folder name of a partition pattern: its digits become \d. */
  static Pattern firstSegment(String pattern) {
    String sample = DateTimeFormatter.ofPattern(pattern).format(LocalDate.of(2000, 1, 1));
    String first = sample.split("/", 2)[0];
    StringBuilder regex = new StringBuilder();
    for (char c : first.toCharArray()) {
      regex.append(Character.isDigit(c) ? "\\d" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * Makes {@code root/latest/} a copy of the newest day folder that has {@code _SUCCESS},
   * unless it already holds that day. The copy is staged beside it and swapped in by rename,
   * so readers see the old or the new day, never a mix. Returns the day it now holds.
   */
  public static Optional<LocalDate> updateLatest(FileSystem fs, Path root) throws IOException {
    LocalDate newest = null;
    if (!fs.exists(root)) {
      return Optional.empty();
    }
    for (FileStatus child : fs.listStatus(root)) {
      LocalDate day = dayOf(child.getPath().getName());
      if (child.isDirectory() && day != null
          && fs.exists(new Path(child.getPath(), ReportFolder.SUCCESS))
          && (newest == null || day.isAfter(newest))) {
        newest = day;
      }
    }
    if (newest == null) {
      return Optional.empty();
    }
    fs.setWriteChecksum(false); // no .crc files beside the reports, as ReportFolder
    Path latest = new Path(root, LATEST);
    Path marker = new Path(latest, LATEST_DAY);
    if (fs.exists(marker) && newest.toString().equals(readSmall(fs, marker))) {
      return Optional.of(newest);
    }
    Path staging = new Path(root, "." + LATEST + ".tmp-" + UUID.randomUUID());
    if (!FileUtil.copy(fs, new Path(root, DAY_FOLDER.format(newest)), fs, staging, false, fs.getConf())) {
      throw new IOException("cannot copy " + DAY_FOLDER.format(newest) + " to " + staging);
    }
    try (OutputStream out = fs.create(new Path(staging, LATEST_DAY), true)) {
      out.write(newest.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path old = null;
    if (fs.exists(latest)) {
      old = new Path(root, "." + LATEST + ".old-" + UUID.randomUUID());
      if (!fs.rename(latest, old)) {
        fs.delete(staging, true);
        throw new IOException("cannot move " + latest + " aside");
      }
    }
    if (!fs.rename(staging, latest)) {
      if (old != null) {
        fs.rename(old, latest);
      }
      fs.delete(staging, true);
      throw new IOException("cannot move the new copy into " + latest);
    }
    if (old != null) {
      fs.delete(old, true);
    }
    return Optional.of(newest);
  }

  /** The day of a {@code dt=YYYY-MM-DD} folder name, or null. */
  static LocalDate dayOf(String name) {
    try {
      return LocalDate.parse(name, DAY_FOLDER);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String readSmall(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readNBytes(64), StandardCharsets.UTF_8).strip();
    }
  }
}
