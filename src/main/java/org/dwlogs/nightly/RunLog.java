package org.dwlogs.nightly;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The log of one nightly run: {@code <output root>/_logs/nightly-<UTC start>-<pid>.log}, one
 * timestamped line per event (start, lock, each day's input and result, errors, end), also
 * printed to the console. Each line is flushed as it is written, so a run that dies leaves a
 * log up to its last line (on object stores, which publish a file when it is closed, the log
 * appears at the end of the run).
 */
public final class RunLog implements AutoCloseable {
  public static final String FOLDER = "_logs";
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final PrintWriter console;
  private final FSDataOutputStream out;
  private final Path path;

  private RunLog(PrintWriter console, FSDataOutputStream out, Path path) {
    this.console = console;
    this.out = out;
    this.path = path;
  }

  /**
   * Opens a new log file in {@code root/_logs/}; a second run of the same process within the
   * same second gets {@code -2}, {@code -3}, ... before {@code .log}.
   */
  public static RunLog open(FileSystem fs, Path root, PrintWriter console) throws IOException {
    fs.setWriteChecksum(false); // no hidden .crc file beside the log
    Path folder = new Path(root, FOLDER);
    fs.mkdirs(folder);
    String name = "nightly-" + FILE_TIME.format(Instant.now()) + "-"
        + ProcessHandle.current().pid();
    for (int n = 1; ; n++) {
      Path path = new Path(folder, name + (n == 1 ? "" : "-" + n) + ".log");
      if (fs.exists(path)) {
        continue;
      }
      try {
        return new RunLog(console, fs.create(path, false), fs.makeQualified(path));
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        // created meanwhile: try the next name
      }
    }
  }

  public Path path() {
    return path;
  }

  /** Writes one line to the log file and, prefixed with {@code dwlogs: }, to the console. */
  public synchronized void line(String message) {
    console.println("dwlogs: " + message);
    console.flush();
    try {
      String stamped = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + message + "\n";
      out.write(stamped.getBytes(StandardCharsets.UTF_8));
      out.hflush();
    } catch (IOException e) {
      console.println("dwlogs: warning: cannot write the run log " + path + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      console.println("dwlogs: warning: cannot close the run log " + path + ": " + e.getMessage());
    }
  }

}
