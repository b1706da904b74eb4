package org.dwlogs.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Reads text logs whose records span several lines: a record starts with a line that matches
 * {@link #RECORD_START} and runs until the next such line.
 *
 * <p>Split-safe, like Hadoop's own line reader: a split owns the records whose first line
 * starts inside it; its reader skips the partial record at its start and reads past its end
 * to finish its last record. So every record is read exactly once and whole, however the
 * file is split. Compressed files (gzip) and UTF-16 files cannot be split and are read by
 * one task each. The files of one read share an encoding and a layout (see {@link FileSniff}).
 */
public final class MultiLineTextInputFormat extends FileInputFormat<LongWritable, RecordChunk> {
  /** Hadoop configuration key: the regular expression that starts a record. */
  public static final String RECORD_START = "dwlogs.text.record.start";
  /** Hadoop configuration key: the bound, in bytes, at which a record is cut. */
  public static final String MAX_RECORD_BYTES = "dwlogs.text.max.record.bytes";
  /** Hadoop configuration key: when true every line is a record (JSON Lines). */
  public static final String LINE_RECORDS = "dwlogs.text.line.records";
  /**
   * Hadoop configuration key: the files' {@link TextEncoding} label. UTF-16 files are read
   * whole by one task each, like gzip files: their line ends are not single 0x0A bytes.
   */
  public static final String ENCODING = "dwlogs.text.encoding";
  /** Hadoop configuration key: when true no layout found a record start: each line is malformed. */
  public static final String NO_RECORD_START = "dwlogs.text.no.record.start";

  @Override
  public RecordReader<LongWritable, RecordChunk> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new MultiLineRecordReader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    Configuration conf = context.getConfiguration();
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    return codec == null && !TextEncoding.ofLabel(conf.get(ENCODING, "")).wide();
  }

  /**
   * The input paths as they are named: {@code InputLister} has listed them, and Hadoop's own
   * listing would read a name such as {@code dw[1].log} as a glob pattern matching nothing.
   */
  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (Path p : getInputPaths(job)) {
      out.add(p.getFileSystem(job.getConfiguration()).getFileStatus(p));
    }
    return out;
  }
}
