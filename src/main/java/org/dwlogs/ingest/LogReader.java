package org.dwlogs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * ({@link CsvRecords}), and so are JSON documents ({@link JsonDocumentIterator}). Each file is
 * first sniffed for its encoding and text layout ({@link FileSniffer}); malformed records get
 * their timestamp hint ({@link TimestampHints}).
 */
public final class LogReader {
  private LogReader() {}

  /** Reads {@code files}, sniffing each first (see {@link #sniff}). */
  public static JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files, JobConfig config,
      ZoneId zone) {
    return read(sc, files, config, zone, sniff(sc, files, config));
  }

  /**
   * Reads {@code files}, each with the encoding and layout of its entry in {@code sniffs}.
   * Files that share both are read by one Hadoop input; the text parts are then unioned.
   */
  public static JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files, JobConfig config,
      ZoneId zone, Map<String, FileSniff> sniffs) {
    return read(sc, files, config, zone, sniffs, null);
  }

  /**
   * As above; with a {@code noise} spec, text records that its {@link NoiseSieve} dismisses
   * from their bytes come as {@link org.dwlogs.parse.NoiseRecord}s (the report job's byte
   * path), the others parsed whole.
   */
  public static JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files, JobConfig config,
      ZoneId zone, Map<String, FileSniff> sniffs, NoiseSieve.Spec noise) {
    List<JavaRDD<Parsed>> parts = new ArrayList<>();
    Map<String, Long> modified = new HashMap<>();
    files.forEach(f -> modified.put(f.path(), f.modifiedMillis()));
    Map<ReadGroup, List<String>> groups = new TreeMap<>();
    for (InputFile f : files) {
      if (f.format() == LogFormat.CSV || f.format() == LogFormat.JSON) {
        continue; // read whole by their own readers below
      }
      FileSniff sniff = sniffs.getOrDefault(f.path(),
          FileSniff.unknown(f.format(), JobConfig.TextLayout.DEFAULT_LAYOUT));
      ReadGroup group = new ReadGroup(f.format() == LogFormat.JSONL,
          sniff.encoding().wide() ? sniff.encoding() : TextEncoding.UTF_8,
          f.format() == LogFormat.JSONL ? "" : sniff.layout(), sniff.dayFirst());
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(f.path());
    }
    // CSV files and JSON documents are read whole, one task each, the longest tasks of the
    // stage: they come first, so that the splits of line-based files fill in around them
    // and no long task runs alone at the end.
    List<String> csv = paths(files, LogFormat.CSV);
    List<String> documents = paths(files, LogFormat.JSON);
    if (!csv.isEmpty()) {
      parts.add(csv(sc, csv, config, zone, sniffs, modified));
    }
    if (!documents.isEmpty()) {
      parts.add(jsonDocuments(sc, documents, config, zone));
    }
    groups.forEach((group, paths) ->
        parts.add(lineBased(sc, paths, config, zone, group, modified, noise)));
    if (parts.isEmpty()) {
      return sc.emptyRDD();
    }
    JavaRDD<Parsed> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }

  /**
   * The encoding and layout of each file, found from its first bytes by
   * {@link FileSniffer}, in one Spark job (a file system may be slow to open files), or by the
   * driver itself on a local master.
   */
  public static Map<String, FileSniff> sniff(JavaSparkContext sc, List<InputFile> files,
      JobConfig config) {
    if (files.isEmpty()) {
      return Map.of();
    }
    Map<String, FileSniff> out = new HashMap<>();
    if (sc.master().startsWith("local")) {
      // In one JVM a Spark job would only add its scheduling (most of a second) to reading a
      // few kilobytes of each file (milliseconds): the driver reads them, on this thread,
      // whose class loader is the application's also under spark-submit.
      Configuration conf = sc.hadoopConfiguration();
      files.forEach(f -> out.put(f.path(), FileSniffer.sniff(f.path(), f.format(), conf, config)));
      return out;
    }
    SerializableWritable<Configuration> hadoop = new SerializableWritable<>(sc.hadoopConfiguration());
    int slices = Math.max(1, Math.min(files.size(), sc.defaultParallelism() * 4));
    sc.parallelize(files, slices)
        .map(f -> new scala.Tuple2<>(f.path(),
            FileSniffer.sniff(f.path(), f.format(), hadoop.value(), config)))
        .collect()
        .forEach(t -> out.put(t._1(), t._2()));
    return out;
  }

  /** Files read by one Hadoop input: JSON Lines or text, and their encoding and layout. */
  private record ReadGroup(boolean jsonLines, TextEncoding encoding, String layout,
      boolean dayFirst) implements Comparable<ReadGroup> {
    @Override
    public int compareTo(ReadGroup o) {
      return java.util.Comparator.comparing(ReadGroup::jsonLines)
          .thenComparing(ReadGroup::encoding)
          .thenComparing(ReadGroup::layout)
          .thenComparing(ReadGroup::dayFirst)
          .compare(this, o);
    }
  }

  private static List<String> paths(List<InputFile> files, LogFormat format) {
    return files.stream().filter(f -> f.format() == format).map(InputFile::path).toList();
  }

  @SuppressWarnings("unchecked")
  private static JavaRDD<Parsed> lineBased(JavaSparkContext sc, List<String> paths,
      JobConfig config, ZoneId zone, ReadGroup group, Map<String, Long> modified,
      NoiseSieve.Spec noise) {
    Job job;
    try {
      job = Job.getInstance(sc.hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean jsonLines = group.jsonLines();
    boolean noRecordStart = !jsonLines && FileSniff.NO_LAYOUT.equals(group.layout());
    JobConfig.Layout layout = jsonLines || noRecordStart ? null : config.text().layout(group.layout());
    if (!jsonLines && !noRecordStart && layout == null) {
      layout = config.text().layoutsInOrder().get(0);
    }
    Configuration conf = job.getConfiguration();
    configureReader(conf, config, jsonLines, layout == null ? null : layout.recordStart(),
        noRecordStart, group.encoding());
    try {
      FileInputFormat.setInputPaths(job, paths.stream().map(Path::new).toArray(Path[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JobConfig.Layout textLayout = layout == null ? config.text().layoutsInOrder().get(0) : layout;
    boolean dayFirst = group.dayFirst();
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
      NoiseSieve sieve = noise == null || jsonLines ? null : noise.sieve();
      return new TimestampHints(
          parseChunks(source, chunks, config, zone, jsonLines, textLayout, dayFirst, sieve),
          modified.getOrDefault(source, 0L));
    }, true);
  }

  /**
   * Sets what {@link MultiLineTextInputFormat} needs to read text logs (in the first layout of
   * the configuration, UTF-8) or JSON Lines.
   */
  public static void configureReader(Configuration conf, JobConfig config, boolean jsonLines) {
    configureReader(conf, config, jsonLines,
        jsonLines ? null : config.text().layoutsInOrder().get(0).recordStart(), false,
        TextEncoding.UTF_8);
  }

  /**
   * Sets what {@link MultiLineTextInputFormat} needs: the record start of the files' layout
   * (null for JSON Lines), whether no layout found one, and the files' encoding.
   */
  public static void configureReader(Configuration conf, JobConfig config, boolean jsonLines,
      String recordStart, boolean noRecordStart, TextEncoding encoding) {
    conf.set(MultiLineTextInputFormat.RECORD_START, recordStart == null ? "^" : recordStart);
    conf.setInt(MultiLineTextInputFormat.MAX_RECORD_BYTES, config.text().maxRecordBytes());
    conf.setBoolean(MultiLineTextInputFormat.LINE_RECORDS, jsonLines);
    conf.setBoolean(MultiLineTextInputFormat.NO_RECORD_START, noRecordStart);
    conf.set(MultiLineTextInputFormat.ENCODING, encoding.label());
  }

  /**
   * Parses the chunks of one text or JSON Lines input split, lazily, as they are read. Plain
   * Java: each Spark task runs it on its split's reader. A chunk is used before the next is
   * asked for, so a reader that reuses its {@link RecordChunk} is fine.
   */
  public static Iterator<Parsed> parseChunks(String source, Iterator<RecordChunk> chunks,
      JobConfig config, ZoneId zone, boolean jsonLines) {
    return parseChunks(source, chunks, config, zone, jsonLines,
        config.text().layoutsInOrder().get(0), false);
  }

  /** As above, for text in {@code layout}, its slash dates day first when {@code dayFirst}. */
  public static Iterator<Parsed> parseChunks(String source, Iterator<RecordChunk> chunks,
      JobConfig config, ZoneId zone, boolean jsonLines, JobConfig.Layout layout,
      boolean dayFirst) {
    return parseChunks(source, chunks, config, zone, jsonLines, layout, dayFirst, null);
  }

  /** As above; text records that {@code sieve} (null: none) dismisses come as noise. */
  public static Iterator<Parsed> parseChunks(String source, Iterator<RecordChunk> chunks,
      JobConfig config, ZoneId zone, boolean jsonLines, JobConfig.Layout layout,
      boolean dayFirst, NoiseSieve sieve) {
    RecordParser records = new RecordParser(config, zone, layout, dayFirst);
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
          } else if (chunk.noRecordStart()) {
            parsed = Malformed.of(source, at, Malformed.Kind.NO_RECORD_START,
                "no record start found: no known text layout matches the file's first lines",
                chunk.text());
          } else if (jsonLines) {
            // null for a blank line
            parsed = guarded(source, at, chunk.text(),
                () -> json.parse(source, at, chunk.text(), chunk.truncated()));
          } else {
            parsed = sieve == null ? null : sieve.sieve(source, chunk, records);
            if (parsed == null) {
              parsed = guarded(source, at, chunk.text(),
                  () -> records.parseText(source, at, chunk.text(), chunk.truncated()));
            }
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
      ZoneId zone, Map<String, FileSniff> sniffs, Map<String, Long> modified) {
    SerializableWritable<Configuration> hadoop = new SerializableWritable<>(sc.hadoopConfiguration());
    Map<String, TextEncoding> encodings = new HashMap<>();
    paths.forEach(p -> encodings.put(p,
        sniffs.containsKey(p) ? sniffs.get(p).encoding() : TextEncoding.UTF_8));
    return sc.parallelize(paths, paths.size()).flatMap(path -> {
      RecordParser records = new RecordParser(config, zone);
      return new TimestampHints(new CsvFileIterator(path, hadoop.value(), records, config,
          encodings.getOrDefault(path, TextEncoding.UTF_8)), modified.getOrDefault(path, 0L));
    });
  }

  private static JavaRDD<Parsed> jsonDocuments(JavaSparkContext sc, List<String> paths,
      JobConfig config, ZoneId zone) {
    SerializableWritable<Configuration> hadoop = new SerializableWritable<>(sc.hadoopConfiguration());
    return sc.parallelize(paths, paths.size()).flatMap(path -> {
      JsonLineParser json = new JsonLineParser(new RecordParser(config, zone), config.fields());
      return new JsonDocumentIterator(path, hadoop.value(), json, config.text().maxRecordBytes());
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
    private String noMessageColumn;
    private String headerRaw;
    private boolean sawRow;

    public CsvFileIterator(String path, Configuration hadoop, RecordParser records,
        JobConfig config) {
      this(path, hadoop, records, config, TextEncoding.UTF_8);
    }

    public CsvFileIterator(String path, Configuration hadoop, RecordParser records,
        JobConfig config, TextEncoding encoding) {
      this.path = path;
      this.records = records;
      this.config = config;
      try {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(hadoop);
        InputStream raw = fs.open(p);
        CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(p);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        // UTF-16 by its mark; else each line UTF-8, or Windows-1252, or UTF-8 with U+FFFD for
        // bytes that fit neither (the record is kept). Byte-order marks are dropped.
        reader = new BufferedReader(encoding.wide()
            ? new InputStreamReader(in, StandardCharsets.UTF_16)
            : new DecodingReader(in));
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
        if (noMessageColumn != null && !sawRow) {
          // A header and no rows: still named once.
          pending = Malformed.of(path, Position.line(1), Malformed.Kind.CSV_NO_MESSAGE_COLUMN,
              noMessageColumn, headerRaw);
        }
        close();
        return;
      }
      lastLine = item.line();
      Position at = Position.line(item.line());
      if (rows == null) {
        header(item, at);
        return;
      }
      sawRow = true;
      if (noMessageColumn != null) {
        pending = Malformed.of(path, at, Malformed.Kind.CSV_NO_MESSAGE_COLUMN, noMessageColumn,
            item.raw());
        return;
      }
      pending = item.bad()
          ? Malformed.of(path, at, Malformed.Kind.CSV_UNBALANCED_QUOTES, item.problem(), item.raw())
          : guarded(path, at, item.raw(),
              () -> rows.parse(path, at, item.fields(), item.raw(), item.truncated()));
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
        // Every row is malformed, one each, so the malformed limit sees the file's weight.
        noMessageColumn = "header names no message column (looked for "
            + config.fields().message() + ")";
        headerRaw = item.raw();
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
