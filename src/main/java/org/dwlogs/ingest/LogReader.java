package org.dwlogs.ingest;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * CSV files, whose quoted fields may span lines, are read whole by one task each.
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
    conf.set(MultiLineTextInputFormat.RECORD_START, config.text().recordStart());
    conf.setInt(MultiLineTextInputFormat.MAX_RECORD_BYTES, config.text().maxRecordBytes());
    conf.setBoolean(MultiLineTextInputFormat.LINE_RECORDS, jsonLines);
    try {
      FileInputFormat.setInputPaths(job, paths.stream().map(Path::new).toArray(Path[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaNewHadoopRDD<LongWritable, RecordChunk> rdd = (JavaNewHadoopRDD<LongWritable, RecordChunk>)
        sc.newAPIHadoopRDD(conf, MultiLineTextInputFormat.class, LongWritable.class, RecordChunk.class);
    return rdd.mapPartitionsWithInputSplit((split, it) -> {
      String source = ((FileSplit) split).getPath().toString();
      RecordParser records = new RecordParser(config, zone);
      JsonLineParser json = new JsonLineParser(records, config.fields());
      return new Iterator<Parsed>() {
        private Parsed next;

        @Override
        public boolean hasNext() {
          while (next == null && it.hasNext()) {
            RecordChunk chunk = it.next()._2();
            Position at = Position.offset(chunk.offset());
            if (chunk.orphan()) {
              next = Malformed.of(source, at, "lines before the first record start", chunk.text());
            } else if (jsonLines) {
              next = json.parse(source, at, chunk.text());
            } else {
              next = records.parseText(source, at, chunk.text(), chunk.truncated());
            }
          }
          return next != null;
        }

        @Override
        public Parsed next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          Parsed out = next;
          next = null;
          return out;
        }
      };
    }, true);
  }

  private static JavaRDD<Parsed> csv(JavaSparkContext sc, List<String> paths, JobConfig config,
      ZoneId zone) {
    SerializableWritable<Configuration> hadoop = new SerializableWritable<>(sc.hadoopConfiguration());
    return sc.parallelize(paths, paths.size()).flatMap(path -> {
      RecordParser records = new RecordParser(config, zone);
      return readCsv(path, hadoop.value(), records, config).iterator();
    });
  }

  /** Reads one CSV file; rows are parsed as they stream, and only the parsed rows are kept. */
  static List<Parsed> readCsv(String path, Configuration hadoop, RecordParser records,
      JobConfig config) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(hadoop);
    InputStream raw = fs.open(p);
    CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(p);
    InputStream in = codec == null ? raw : codec.createInputStream(raw);
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    List<Parsed> out = new ArrayList<>();
    try (CSVReader csv = new CSVReaderBuilder(reader)
        .withCSVParser(new RFC4180ParserBuilder().build())
        .withKeepCarriageReturn(false)
        .build()) {
      String[] header = csv.readNext();
      if (header == null) {
        return out; // an empty file has no records
      }
      CsvRowParser rows = new CsvRowParser(records, config.fields(), header);
      if (!rows.hasMessageColumn()) {
        out.add(Malformed.of(path, Position.line(1),
            "header names no message column (looked for " + config.fields().message() + ")",
            String.join(",", header)));
        return out;
      }
      long line = csv.getLinesRead() + 1;
      while (true) {
        String[] row;
        try {
          row = csv.readNext();
        } catch (CsvException e) {
          out.add(Malformed.of(path, Position.line(line), "bad CSV: " + e.getMessage(),
              e.getLine() == null ? "" : String.join(",", e.getLine())));
          line = csv.getLinesRead() + 1;
          continue;
        }
        if (row == null) {
          break;
        }
        Parsed parsed = rows.parse(path, Position.line(line), row, String.join(",", row));
        if (parsed != null) {
          out.add(parsed);
        }
        line = csv.getLinesRead() + 1;
      }
    } catch (CsvException e) {
      out.add(Malformed.of(path, Position.line(1), "bad CSV header: " + e.getMessage(), ""));
    }
    return out;
  }
}
