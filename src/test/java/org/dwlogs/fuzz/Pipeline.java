package org.dwlogs.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.dwlogs.aggregate.PartitionScan;
import org.dwlogs.aggregate.RunSummary;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.ingest.MultiLineTextInputFormat;
import org.dwlogs.ingest.ReaderChunks;
import org.dwlogs.ingest.RecordChunk;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.RecordParser;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;

/**
 * What a Spark task does to one file, without Spark: the job's Hadoop reader on a local file
 * (split as Spark would split it), the job's per-chunk parsing ({@link LogReader}), then
 * matching and aggregation ({@link PartitionScan}) with the bundled catalog and configuration.
 * One instance per try, as Spark builds one matcher per partition: the matcher is not
 * thread-safe, and jqwik may still be shrinking a failed property on another thread.
 */
final class Pipeline {
  static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final ZoneId ZONE = ZoneOffset.UTC;

  private static final Configuration HADOOP = new Configuration();
  private static final Catalog CATALOG = CatalogLoader.bundled();
  // Read-only once built, and costly to build (Hadoop parses its XML defaults): shared.
  private static final TaskAttemptContextImpl TEXT = context(false);
  private static final TaskAttemptContextImpl JSON_LINES = context(true);

  private final SignatureMatcher matcher = new SignatureMatcher(CATALOG);
  private final IdExtractor ids =
      new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity());
  private final Set<String> errorLevels = new HashSet<>(CONFIG.errorLevels());

  /**
   * What came out: the parsed records, what the reports aggregate of them, and the malformed
   * records set aside for the quarantine.
   */
  record Outcome(List<Parsed> parsed, RunSummary summary, List<Malformed> quarantined) {}

  /** Reads a text log or JSON Lines file in splits of at most {@code splitBytes}. */
  Outcome lineBased(Path file, boolean jsonLines, long splitBytes) {
    TaskAttemptContextImpl context = jsonLines ? JSON_LINES : TEXT;
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    long length = size(file);
    // Gzip files cannot be split: one split, as MultiLineTextInputFormat says.
    long step = file.toString().endsWith(".gz") ? Math.max(1, length) : Math.max(1, splitBytes);
    List<Parsed> parsed = new ArrayList<>();
    for (long start = 0; start < Math.max(1, length); start += step) {
      FileSplit split = new FileSplit(path, start, Math.min(step, length - start), new String[0]);
      try (RecordReader<LongWritable, RecordChunk> reader = open(split, context)) {
        LogReader.parseChunks(path.toString(), ReaderChunks.of(reader), CONFIG, ZONE, jsonLines)
            .forEachRemaining(parsed::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return outcome(parsed);
  }

  /** Reads a CSV file as one task does. */
  Outcome csv(Path file) {
    List<Parsed> parsed = new ArrayList<>();
    new LogReader.CsvFileIterator(file.toUri().toString(), HADOOP, new RecordParser(CONFIG, ZONE),
        CONFIG).forEachRemaining(parsed::add);
    return outcome(parsed);
  }

  private Outcome outcome(List<Parsed> parsed) {
    PartitionScan scan = new PartitionScan(matcher, ids, errorLevels);
    List<Malformed> quarantined = new ArrayList<>();
    for (Parsed p : parsed) {
      Malformed m = scan.add(p);
      if (m != null) {
        quarantined.add(m);
      }
    }
    return new Outcome(parsed, scan.summary(), quarantined);
  }

  private static TaskAttemptContextImpl context(boolean jsonLines) {
    Configuration conf = new Configuration(HADOOP);
    LogReader.configureReader(conf, CONFIG, jsonLines);
    return new TaskAttemptContextImpl(conf, new TaskAttemptID());
  }

  private static RecordReader<LongWritable, RecordChunk> open(FileSplit split,
      TaskAttemptContextImpl context) throws IOException {
    RecordReader<LongWritable, RecordChunk> reader =
        new MultiLineTextInputFormat().createRecordReader(split, context);
    try {
      reader.initialize(split, context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return reader;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
