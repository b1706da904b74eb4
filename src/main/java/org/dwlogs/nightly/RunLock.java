package org.dwlogs.nightly;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lock that keeps two nightly runs off the same output root: a small file
 * {@value #NAME} in the output root, created only if absent (atomically: {@code O_EXCL} on a
 * local disk, {@code create(overwrite=false)} on HDFS and the object stores' connectors). It
 * names its owner (host, process id, start time, a token) and its modification time is
 * refreshed while the run lives (a heartbeat).
 *
 * <p>A lock is <em>stale</em>, and is taken over with a warning, when its owner ran on this
 * host and that process is gone, or when its heartbeat is older than the stale-after
 * duration (for owners on other hosts, whose process cannot be checked). The lock is deleted
 * when the run ends, and by a shutdown hook when the process is terminated (SIGTERM, as
 * schedulers send); a SIGKILL leaves it behind, stale.
 */
public final class RunLock implements AutoCloseable {
  public static final String NAME = "_nightly.lock";

  /** Another live run holds the lock. */
  public static final class LockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  private final FileSystem fs;
  private final Path path;
  private final String token;
  private final ScheduledExecutorService heartbeat;
  private final Thread hook;
  private boolean closed;

  private RunLock(FileSystem fs, Path path, String token, Duration staleAfter) {
    this.fs = fs;
    this.path = path;
    this.token = token;
    long period = Math.max(1000, Math.min(60_000, staleAfter.toMillis() / 4));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dwlogs-lock-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleAtFixedRate(this::touch, period, period, TimeUnit.MILLISECONDS);
    this.hook = new Thread(this::release, "dwlogs-lock-release");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public Path path() {
    return path;
  }

  /**
   * Takes the lock in {@code root}, recovering a stale one; throws {@link LockedException}
   * when a live run holds it. {@code what} (the days to run) is written into the lock for
   * whoever finds it; {@code log} receives the warning when a stale lock is taken over.
   */
  public static RunLock acquire(FileSystem fs, Path root, Duration staleAfter, String what,
      Consumer<String> log) throws IOException {
    fs.mkdirs(root);
    Path path = new Path(root, NAME);
    String token = UUID.randomUUID().toString();
    Map<String, String> owner = new LinkedHashMap<>();
    owner.put("host", host());
    owner.put("pid", Long.toString(ProcessHandle.current().pid()));
    owner.put("started", Instant.now().toString());
    owner.put("run", what);
    owner.put("token", token);
    StringBuilder text = new StringBuilder();
    owner.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < 2; attempt++) {
      if (tryCreate(fs, path, bytes)) {
        return new RunLock(fs, path, token, staleAfter);
      }
      Map<String, String> holder;
      long modified;
      try {
        holder = read(fs, path);
        modified = fs.getFileStatus(path).getModificationTime();
      } catch (FileNotFoundException gone) {
        continue; // released meanwhile: try again
      }
      String why = staleReason(holder, modified, staleAfter);
      String who = String.format("host %s, pid %s, started %s, for %s",
          holder.getOrDefault("host", "?"), holder.getOrDefault("pid", "?"),
          holder.getOrDefault("started", "?"), holder.getOrDefault("run", "?"));
      if (why == null || attempt > 0) {
        throw new LockedException(String.format("another nightly run holds the lock %s (%s; "
            + "last heartbeat %s); it is taken over once that process is gone or its heartbeat is "
            + "older than --stale-lock-after %s", path, who, Instant.ofEpochMilli(modified),
            format(staleAfter)));
      }
      log.accept("warning: taking over the stale lock " + path + " (" + who + "): " + why);
      fs.delete(path, false);
    }
    throw new LockedException("cannot take the lock " + path);
  }

  static String format(Duration d) {
    long m = d.toMinutes();
    return m % (24 * 60) == 0 ? m / (24 * 60) + "d" : m % 60 == 0 ? m / 60 + "h" : m + "m";
  }

  /** Why a lock is stale, or null when its owner may still be running. */
  static String staleReason(Map<String, String> holder, long modifiedMillis, Duration staleAfter) {
    String pid = holder.get("pid");
    if (host().equals(holder.get("host")) && pid != null) {
      try {
        boolean alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          return "process " + pid + " on this host is gone";
        }
        return null;
      } catch (NumberFormatException e) {
        return "its pid '" + pid + "' is not a number";
      }
    }
    long age = System.currentTimeMillis() - modifiedMillis;
    if (age > staleAfter.toMillis()) {
      return "its heartbeat is " + Duration.ofMillis(age).toMinutes() + " minutes old";
    }
    return null;
  }

  private static boolean tryCreate(FileSystem fs, Path path, byte[] bytes) throws IOException {
    if (fs instanceof LocalFileSystem local) {
      java.nio.file.Path file = local.pathToFile(path).toPath();
      try {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  static Map<String, String> read(FileSystem fs, Path path) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = fs.open(path)) {
      in.transferTo(buf);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String name = ManagementFactory.getRuntimeMXBean().getName();
      return name.substring(name.indexOf('@') + 1);
    }
  }

  private void touch() {
    try {
      if (fs instanceof LocalFileSystem local) {
        Files.setLastModifiedTime(local.pathToFile(path).toPath(), FileTime.from(Instant.now()));
      } else {
        fs.setTimes(path, System.currentTimeMillis(), -1);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // A file system without settable times (some object stores): the age check then uses
      // the creation time, so set --stale-lock-after above the longest run.
    }
  }

  private synchronized void release() {
    if (closed) {
      return;
    }
    closed = true;
    heartbeat.shutdownNow();
    try {
      if (token.equals(read(fs, path).get("token"))) {
        if (fs instanceof LocalFileSystem local) {
          // Works in a shutdown hook too, after Hadoop's own hook closed its file systems.
          Files.deleteIfExists(local.pathToFile(path).toPath());
        } else {
          fs.delete(path, false);
        }
      }
    } catch (IOException e) {
      // Already gone, or unreachable: a later run recovers it as stale.
    }
  }

  /** Releases the lock (deletes the file if it is still ours). */
  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
