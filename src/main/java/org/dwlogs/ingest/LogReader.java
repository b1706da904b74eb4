package org.dwlogs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dwlogs.config.JobConfig;
import org.dwlogs.parse.CsvRowParser;
import org.dwlogs.parse.JsonLineParser;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.parse.RecordParser;

/**
 * Reads the input files into parsed records, one Spark partition per input split. Text logs
 * and JSON Lines go through {@link MultiLineTextInputFormat} (split-safe; gzip read whole);
 * CSV files, whose quoted fields may span lines, are streamed whole by one task each
 * ({@link CsvRecords}).
 */
public final class LogReader {
  private LogReader() {}

  public static JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files, JobConfig config,
      ZoneId zone) {
    List<JavaRDD<Parsed>> parts = new ArrayList<>();
    List<String> text = paths(files, LogFormat.TEXT);
    List<String> jsonl = paths(files, LogFormat.JSONL);
    List<String> csv = paths(files, LogFormat.CSV);
    if (!text.isEmpty()) {
      parts.add(lineBased(sc, text, config, zone, false));
    }
    if (!jsonl.isEmpty()) {
      parts.add(lineBased(sc, jsonl, config, zone, true));
    }
    if (!csv.isEmpty()) {
      parts.add(csv(sc, csv, config, zone));
    }
    if (parts.isEmpty()) {
      return sc.emptyRDD();
    }
    JavaRDD<Parsed> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }

  private static List<String> paths(List<InputFile> files, LogFormat format) {
    return files.stream().filter(f -> f.format() == format).map(InputFile::path).toList();
  }

  @SuppressWarnings("unchecked")
  private static JavaRDD<Parsed> lineBased(JavaSparkContext sc, List<String> paths,
      JobConfig config, ZoneId zone, boolean jsonLines) {
    Job job;
    try {
      job = Job.getInstance(sc.hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Configuration conf = job.getConfiguration();
    configureReader(conf, config, jsonLines);
    try {
      FileInputFormat.setInputPaths(job, paths.stream().map(Path::new).toArray(Path[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaNewHadoopRDD<LongWritable, RecordChunk> rdd = (JavaNewHadoopRDD<LongWritable, RecordChunk>)
        sc.newAPIHadoopRDD(conf, MultiLineTextInputFormat.class, LongWritable.class, RecordChunk.class);
    return rdd.mapPartitionsWithInputSplit((split, it) -> {
      String source = ((FileSplit) split).getPath().toString();
      Iterator<RecordChunk> chunks = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public RecordChunk next() {
          return it.next()._2();
        }
      };
      return parseChunks(source, chunks, config, zone, jsonLines);
    }, true);
  }

  /** Sets what {@link MultiLineTextInputFormat} needs to read text logs or JSON Lines. */
  public static void configureReader(Configuration conf, JobConfig config, boolean jsonLines) {
    conf.set(MultiLineTextInputFormat.RECORD_START, config.text().recordStart());
    conf.setInt(MultiLineTextInputFormat.MAX_RECORD_BYTES, config.text().maxRecordBytes());
    conf.setBoolean(MultiLineTextInputFormat.LINE_RECORDS, jsonLines);
  }

  /**
   * Parses the chunks of one text or JSON Lines input split, lazily, as they are read. Plain
   * Java: each Spark task runs it on its split's reader. A chunk is used before the next is
   * asked for, so a reader that reuses its {@link RecordChunk} is fine.
   */
  public static Iterator<Parsed> parseChunks(String source, Iterator<RecordChunk> chunks,
      JobConfig config, ZoneId zone, boolean jsonLines) {
    RecordParser records = new RecordParser(config, zone);
    JsonLineParser json = new JsonLineParser(records, config.fields());
    return new NextIterator<Parsed>() {
      @Override
      protected Parsed computeNext() {
        while (chunks.hasNext()) {
          RecordChunk chunk = chunks.next();
          Position at = Position.offset(chunk.offset());
          Parsed parsed;
          if (chunk.unreadable()) {
            parsed = Malformed.of(source, at, Malformed.Kind.UNREADABLE_FILE,
                "file could not be read to its end: " + chunk.text(), "");
          } else if (chunk.orphan()) {
            parsed = Malformed.of(source, at, Malformed.Kind.ORPHAN_LINES,
                "lines before the first record start", chunk.text());
          } else if (jsonLines) {
            // null for a blank line
            parsed = guarded(source, at, chunk.text(), () -> json.parse(source, at, chunk.text()));
          } else {
            parsed = guarded(source, at, chunk.text(),
                () -> records.parseText(source, at, chunk.text(), chunk.truncated()));
          }
          if (parsed != null) {
            return parsed;
          }
        }
        return null;
      }
    };
  }

  /**
   * Parses one record. Whatever a value does to a parser (an exception, or a configured
   * regular expression that overflows the stack on it) costs that record only: it is set
   * aside as a {@code PARSE_FAILURE} with the reason, and the task goes on.
   */
  static Parsed guarded(String source, Position at, String raw, Supplier<Parsed> parse) {
    try {
      return parse.get();
    } catch (RuntimeException | StackOverflowError e) {
      return Malformed.failure(source, at, e, raw);
    }
  }

  private static JavaRDD<Parsed> csv(JavaSparkContext sc, List<String> paths, JobConfig config,
      ZoneId zone) {
    SerializableWritable<Configuration> hadoop = new SerializableWritable<>(sc.hadoopConfiguration());
    return sc.parallelize(paths, paths.size()).flatMap(path -> {
      RecordParser records = new RecordParser(config, zone);
      return new CsvFileIterator(path, hadoop.value(), records, config);
    });
  }

  /**
   * Streams the parsed rows of one CSV file. A file that cannot be opened or read to its end
   * yields the rows read so far and one {@code UNREADABLE_FILE} record.
   */
  public static final class CsvFileIterator extends NextIterator<Parsed> {
    /** Lines one quoted field may span before its quote counts as unbalanced. */
    static final int MAX_LINES_PER_RECORD = 10_000;

    private final String path;
    private final RecordParser records;
    private final JobConfig config;
    private BufferedReader reader;
    private CsvRecords csv;
    private CsvRowParser rows;
    private Parsed pending;
    private long lastLine;
    private boolean finished;

    public CsvFileIterator(String path, Configuration hadoop, RecordParser records,
        JobConfig config) {
      this.path = path;
      this.records = records;
      this.config = config;
      try {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(hadoop);
        InputStream raw = fs.open(p);
        CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(p);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        // Bytes that are not valid UTF-8 become U+FFFD; the record is kept.
        reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        csv = new CsvRecords(reader, MAX_LINES_PER_RECORD, config.text().maxRecordBytes());
      } catch (IOException e) {
        fail(Position.line(1), e);
      }
    }

    @Override
    protected Parsed computeNext() {
      while (pending == null && !finished) {
        advance();
      }
      Parsed out = pending;
      pending = null;
      return out;
    }

    private void advance() {
      CsvRecords.Item item;
      try {
        item = csv.next();
      } catch (IOException e) {
        fail(Position.line(Math.max(1, lastLine + 1)), e);
        return;
      }
      if (item == null) {
        close();
        return;
      }
      lastLine = item.line();
      Position at = Position.line(item.line());
      if (rows == null) {
        header(item, at);
        return;
      }
      pending = item.bad()
          ? Malformed.of(path, at, Malformed.Kind.CSV_UNBALANCED_QUOTES, item.problem(), item.raw())
          : guarded(path, at, item.raw(), () -> rows.parse(path, at, item.fields(), item.raw()));
    }

    private void header(CsvRecords.Item item, Position at) {
      if (item.bad()) {
        pending = Malformed.of(path, at, Malformed.Kind.CSV_UNBALANCED_QUOTES,
            "header row: " + item.problem(), item.raw());
        close();
        return;
      }
      rows = new CsvRowParser(records, config.fields(), item.fields());
      csv.expectWidth(item.fields().length);
      if (!rows.hasMessageColumn()) {
        pending = Malformed.of(path, at, Malformed.Kind.CSV_NO_MESSAGE_COLUMN,
            "header names no message column (looked for " + config.fields().message() + ")",
            item.raw());
        close();
      }
    }

    private void fail(Position at, IOException e) {
      pending = Malformed.of(path, at, Malformed.Kind.UNREADABLE_FILE,
          "file could not be read to its end: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()), "");
      close();
    }

    private void close() {
      finished = true;
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException e) {
          // nothing more to read from it either way
        }
      }
    }
  }
}
