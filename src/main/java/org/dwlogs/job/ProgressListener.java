package org.dwlogs.job;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Console progress of a long run, from Spark's listener bus: the job stage running (by the
 * description of its running Spark jobs, which {@link ReportJob} sets per stage, such as
 * "dwlogs: read, parse and match"; "driver" between jobs), its Spark stages' tasks done out of
 * the total, the input bytes read out of the listed total, and records read per second.
 * Prints one line at most every {@code interval} seconds, and only while something runs or
 * has changed, so short runs print nothing. Close it to stop the timer.
 *
 * <p>Bytes and records are Spark's input metrics of the jobs in the
 * {@link ReportJob#READ_PARSE_MATCH} job group, the scan (the quarantine reads the scan's
 * shuffle output, which is not input). They count what goes through Hadoop input formats (text
 * and JSON Lines files); CSV files, read whole by one task each, add to the task count but
 * not to the bytes.
 */
public final class ProgressListener extends SparkListener implements AutoCloseable {
  private final PrintWriter out;
  private final long intervalNanos;
  private final long totalBytes;
  private final int totalFiles;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService timer;
  private final SparkContext sc;

  private final Map<Integer, Stage> running = new ConcurrentSkipListMap<>();
  /** Running Spark jobs' descriptions, by job id. */
  private final Map<Integer, String> jobs = new ConcurrentSkipListMap<>();
  /** The Spark stages of the scan's jobs, with the time each was submitted (0 once done). */
  private final Map<Integer, Long> readingStages = new ConcurrentHashMap<>();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong recordsRead = new AtomicLong();
  private final AtomicLong readingNanosDone = new AtomicLong();
  private final AtomicInteger stagesDone = new AtomicInteger();
  private volatile String lastJob = "";
  private volatile long lastPrint = System.nanoTime();
  private volatile long changes;
  private long printedChanges = -1;

  private static final class Stage {
    final String name;
    final int tasks;
    final AtomicInteger done = new AtomicInteger();

    Stage(String name, int tasks) {
      this.name = name;
      this.tasks = tasks;
    }
  }

  private ProgressListener(SparkContext sc, PrintWriter out, int intervalSeconds, long totalBytes,
      int totalFiles) {
    this.sc = sc;
    this.out = out;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
    this.totalBytes = totalBytes;
    this.totalFiles = totalFiles;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dwlogs-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::tick, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  /**
   * Registers a listener on {@code sc} that prints to {@code out} at most every
   * {@code intervalSeconds}; returns null (and registers nothing) when the interval is 0.
   * {@code totalBytes} and {@code totalFiles} are the listed input, or -1 when unknown.
   */
  public static ProgressListener attach(SparkContext sc, PrintWriter out, int intervalSeconds,
      long totalBytes, int totalFiles) {
    if (intervalSeconds <= 0) {
      return null;
    }
    ProgressListener l = new ProgressListener(sc, out, intervalSeconds, totalBytes, totalFiles);
    sc.addSparkListener(l);
    return l;
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    String description = e.properties() == null ? null
        : e.properties().getProperty("spark.job.description");
    String group = e.properties() == null ? null
        : e.properties().getProperty("spark.jobGroup.id");
    if (description == null) {
      description = group == null ? "job " + e.jobId() : group;
    }
    if (description.startsWith(ReportJob.DESCRIPTION_PREFIX)) {
      description = description.substring(ReportJob.DESCRIPTION_PREFIX.length());
    }
    jobs.put(e.jobId(), description);
    lastJob = description;
    if (ReportJob.READ_PARSE_MATCH.equals(group)) {
      scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds())
          .forEach(id -> readingStages.putIfAbsent((Integer) id, 0L));
    }
    changes++;
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd e) {
    jobs.remove(e.jobId());
    changes++;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    int id = e.stageInfo().stageId();
    running.put(id, new Stage(e.stageInfo().name(), e.stageInfo().numTasks()));
    readingStages.computeIfPresent(id, (k, v) -> System.nanoTime());
    changes++;
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    int id = e.stageInfo().stageId();
    running.remove(id);
    Long submitted = readingStages.get(id);
    if (submitted != null && submitted > 0) {
      readingNanosDone.addAndGet(System.nanoTime() - submitted);
      readingStages.put(id, 0L);
    }
    stagesDone.incrementAndGet();
    changes++;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    Stage s = running.get(e.stageId());
    if (s != null && e.taskInfo() != null && e.taskInfo().successful()) {
      s.done.incrementAndGet();
    }
    TaskMetrics m = e.taskMetrics();
    if (m != null && e.taskInfo() != null && e.taskInfo().successful()
        && readingStages.containsKey(e.stageId())) {
      bytesRead.addAndGet(m.inputMetrics().bytesRead());
      recordsRead.addAndGet(m.inputMetrics().recordsRead());
    }
    changes++;
    if (System.nanoTime() - lastPrint >= intervalNanos) {
      tick();
    }
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    if (now - lastPrint < intervalNanos / 2 || changes == printedChanges) {
      return;
    }
    lastPrint = now;
    printedChanges = changes;
    out.println(line(now));
    out.flush();
  }

  /** The progress line, e.g. {@code dwlogs: 0:42 read, parse and match: stage 3 tasks 12/40, ...}. */
  String line(long now) {
    double seconds = (now - start) / 1e9;
    StringBuilder b = new StringBuilder("dwlogs: ").append(clock(seconds)).append(' ');
    b.append(stageLabel());
    if (!running.isEmpty()) {
      b.append(": ");
      String sep = "";
      for (Map.Entry<Integer, Stage> s : running.entrySet()) {
        b.append(sep).append("stage ").append(s.getKey()).append(" tasks ")
            .append(s.getValue().done.get()).append('/').append(s.getValue().tasks);
        sep = ", ";
      }
    }
    b.append("; ").append(stagesDone.get()).append(" stages done");
    long bytes = bytesRead.get();
    b.append("; input ").append(size(bytes));
    if (totalBytes > 0) {
      b.append(" of ").append(size(totalBytes))
          .append(String.format(Locale.ROOT, " (%.0f%%)", Math.min(100.0, 100.0 * bytes / totalBytes)));
    }
    if (totalFiles >= 0) {
      b.append(" in ").append(totalFiles).append(totalFiles == 1 ? " file" : " files");
    }
    long records = recordsRead.get();
    long readingNanos = readingNanosDone.get();
    for (long submitted : readingStages.values()) {
      readingNanos += submitted > 0 ? now - submitted : 0;
    }
    double reading = readingNanos / 1e9;
    b.append(String.format(Locale.ROOT, "; %,d records read (%,.0f/s)", records,
        reading > 0 ? records / reading : 0.0));
    return b.toString();
  }

  /** What runs: the running jobs' descriptions, or "driver" after the last job ended. */
  private String stageLabel() {
    if (!jobs.isEmpty()) {
      return String.join(", ", new java.util.LinkedHashSet<>(jobs.values()));
    }
    return lastJob.isEmpty() ? "starting" : "driver, after " + lastJob;
  }

  static String clock(double seconds) {
    long s = (long) seconds;
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** Stops the timer and unregisters the listener. */
  @Override
  public void close() {
    timer.shutdownNow();
    sc.removeSparkListener(this);
  }
}
