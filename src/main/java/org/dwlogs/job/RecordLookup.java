package org.dwlogs.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.InputException;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;

/**
 * Finds one record of a log file as the report job reads it ({@code dwlogs explain --file}):
 * the file is read by {@link LogReader}, the job's own reader for every format, on a small
 * embedded Spark (an already running session is used as it is), so the record is exactly
 * what the job would match, whatever the format and layout.
 *
 * <p>A line or byte offset picks the record that holds it: the last record that starts at or
 * before it. Records know their start either as a byte offset (text, JSON Lines) or as a line
 * (CSV), so the file's line starts are counted once to translate between the two (in the
 * decompressed stream for gzip files, as the readers count).
 */
public final class RecordLookup {
  private RecordLookup() {}

  /**
   * The record at {@code at} (a line or an offset), or the file's first record that parses
   * when {@code at} is null. Throws {@link InputException} when the file has no such line or
   * offset, or no record there.
   */
  public static Parsed find(InputFile file, JobConfig config, ZoneId zone, Position at) {
    Target target = at == null ? null : target(file, at);
    SparkSession running = SparkSession.getActiveSession().getOrElse(() ->
        SparkSession.getDefaultSession().getOrElse(() -> null));
    SparkSession spark = running != null ? running : SparkSession.builder()
        .appName("dwlogs explain")
        .master("local[1]")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      JavaRDD<Parsed> records = LogReader.read(sc, List.of(file), config, zone);
      List<Parsed> found;
      if (target == null) {
        found = records.filter(p -> p instanceof LogRecord).take(1);
        if (found.isEmpty()) {
          found = records.take(1);
        }
      } else {
        long line = target.line();
        long offset = target.offset();
        found = records.filter(p -> p.position().value()
                <= (p.position().kind() == Position.Kind.LINE ? line : offset))
            .takeOrdered(1, new LatestFirst());
      }
      if (found.isEmpty()) {
        throw new InputException(file.display() + ": no record "
            + (at == null ? "in the file" : "starts at or before " + at));
      }
      return found.get(0);
    } finally {
      if (running == null) {
        spark.stop();
      }
    }
  }

  /** A place in the file as both a line and the byte offset of that line's start or byte. */
  private record Target(long line, long offset) {}

  private static Target target(InputFile file, Position at) {
    if (at.kind() == Position.Kind.LINE && at.value() == 1) {
      return new Target(1, 0);
    }
    Configuration hadoop = org.dwlogs.config.SourceFiles.hadoopConfiguration();
    Path path = new Path(file.path());
    long lineStart = 0;
    long line = 1;
    long pos = 0;
    try (InputStream raw = path.getFileSystem(hadoop).open(path)) {
      CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
      InputStream in = codec == null ? raw : codec.createInputStream(raw);
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++, pos++) {
          if (at.kind() == Position.Kind.OFFSET && pos == at.value()) {
            return new Target(line, at.value());
          }
          if (buf[i] == '\n') {
            line++;
            lineStart = pos + 1;
            if (at.kind() == Position.Kind.LINE && line == at.value()) {
              return new Target(line, lineStart);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new InputException(file.display() + ": cannot read: " + e.getMessage(), e);
    }
    long lines = pos == 0 ? 0 : (pos == lineStart ? line - 1 : line);
    throw new InputException(file.display() + ": there is no " + at + ": the file has "
        + lines + (lines == 1 ? " line" : " lines") + " and " + pos + " bytes");
  }

  /** Orders records latest start first, so that the first is the one a place falls in. */
  private static final class LatestFirst implements Comparator<Parsed>, Serializable {
    @Override
    public int compare(Parsed a, Parsed b) {
      return Long.compare(b.position().value(), a.position().value());
    }
  }
}
