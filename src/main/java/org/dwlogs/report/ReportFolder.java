package org.dwlogs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a run's reports into a hidden staging folder beside the target and moves it into
 * place only when complete, with a {@code _SUCCESS} marker. Until {@link #publish()} the
 * previous reports stay where they are; a run that fails or dies leaves them untouched.
 */
public final class ReportFolder implements AutoCloseable {
  public static final String SUCCESS = "_SUCCESS";

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private boolean published;

  private ReportFolder(FileSystem fs, Path target, Path staging) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
  }

  /** Creates the staging folder; fails at once, before any data is read, if it cannot. */
  public static ReportFolder stage(String output, Configuration hadoop) throws IOException {
    try {
      return tryStage(output, hadoop);
    } catch (IOException e) {
      throw new IOException("output folder " + output + " cannot be written: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  private static ReportFolder tryStage(String output, Configuration hadoop) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(hadoop);
    // No hidden .crc files beside the reports: they clutter folder-based BI connectors.
    fs.setWriteChecksum(false);
    target = fs.makeQualified(target);
    if (fs.exists(target) && !fs.getFileStatus(target).isDirectory()) {
      throw new IOException("it is a file, not a folder");
    }
    Path parent = target.getParent();
    Path staging = new Path(parent, "." + target.getName() + ".tmp-" + UUID.randomUUID());
    if (!fs.mkdirs(staging)) {
      throw new IOException("cannot create the staging folder " + staging);
    }
    return new ReportFolder(fs, target, staging);
  }

  public Path target() {
    return target;
  }

  /** A new file in the staging folder. */
  public OutputStream create(String name) throws IOException {
    return fs.create(new Path(staging, name), false);
  }

  /** Marks the reports complete and moves them into place, replacing earlier ones. */
  public void publish() throws IOException {
    fs.create(new Path(staging, SUCCESS), false).close();
    Path old = null;
    if (fs.exists(target)) {
      old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
      if (!fs.rename(target, old)) {
        throw new IOException("cannot move the previous reports " + target + " aside");
      }
    }
    if (!fs.rename(staging, target)) {
      if (old != null) {
        fs.rename(old, target);
      }
      throw new IOException("cannot move the new reports into " + target);
    }
    published = true;
    if (old != null) {
      fs.delete(old, true);
    }
  }

  /** Removes the staging folder of a run that did not publish. */
  @Override
  public void close() throws IOException {
    if (!published) {
      fs.delete(staging, true);
    }
  }
}
