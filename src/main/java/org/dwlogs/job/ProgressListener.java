package org.dwlogs.job;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Console progress of a long run, from Spark's listener bus: the stage running (by the job
 * description ReportJob sets, such as "dwlogs: read, parse and match"), its tasks done out of
 * the total, the input bytes read out of the listed total, and records read per second.
 * Prints one line at most every {@code interval} seconds, and only while something runs or
 * has changed, so short runs print nothing. Close it to stop the timer.
 *
 * <p>Bytes and records are Spark's input metrics, which count what goes through Hadoop input
 * formats (text and JSON Lines files); CSV files, read whole by one task each, add to the
 * task count but not to the bytes.
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
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong recordsRead = new AtomicLong();
  private final AtomicInteger stagesDone = new AtomicInteger();
  private volatile String job = "";
  /** The stage that reads the input files: the first whose tasks report input bytes. */
  private volatile int readingStage = -1;
  private volatile long readStart;
  private volatile long readEnd;
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
    if (description != null) {
      job = description.startsWith("dwlogs: ") ? description.substring(8) : description;
    }
    changes++;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    running.put(e.stageInfo().stageId(), new Stage(e.stageInfo().name(), e.stageInfo().numTasks()));
    changes++;
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    running.remove(e.stageInfo().stageId());
    if (e.stageInfo().stageId() == readingStage && readEnd == 0) {
      readEnd = System.nanoTime();
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
    if (m != null && e.taskInfo() != null && e.taskInfo().successful()) {
      // Later stages read the cached rows, which Spark also counts as input: count only the
      // stage that reads the files.
      if (readingStage < 0 && m.inputMetrics().bytesRead() > 0) {
        readingStage = e.stageId();
        readStart = e.taskInfo().launchTime() > 0
            ? System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(
                Math.max(0, System.currentTimeMillis() - e.taskInfo().launchTime()))
            : System.nanoTime();
      }
      if (e.stageId() == readingStage) {
        bytesRead.addAndGet(m.inputMetrics().bytesRead());
        recordsRead.addAndGet(m.inputMetrics().recordsRead());
      }
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
    b.append(job.isEmpty() ? "starting" : job);
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
    double reading = readingStage < 0 ? 0 : ((readEnd > 0 ? readEnd : now) - readStart) / 1e9;
    b.append(String.format(Locale.ROOT, "; %,d records read (%,.0f/s)", records,
        reading > 0 ? records / reading : 0.0));
    return b.toString();
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
