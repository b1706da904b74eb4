package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.generate.LogGenerator;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.NoiseRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's byte path ({@link NoiseSieve}) against the full parse, on every text log of
 * {@code sample-logs/}, of the test resources and of a generated input, whole and in small
 * splits: each record the byte path counts as noise is one the full parse reads as an
 * unmatched record below the error levels, with the same time, flags and IDs; every other
 * record comes out exactly as the full parse makes it.
 */
class BytePathTest {
  private static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final Set<String> ERRORS = new HashSet<>(CONFIG.errorLevels());

  @TempDir
  static Path generated;

  @BeforeAll
  static void generate() throws IOException {
    new LogGenerator(new LogGenerator.Options(generated, 256 * 1024, 7L, 0.01, 1)).generate();
  }

  static Stream<Path> textLogs() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : List.of(Path.of("sample-logs"), Path.of("src/test/resources"), generated)) {
      List<InputFile> files = InputLister.list(List.of(root.toAbsolutePath().toString()),
          new Configuration(), null);
      files.stream().filter(f -> f.format() == LogFormat.TEXT)
          .forEach(f -> out.add(Path.of(java.net.URI.create(f.path()))));
    }
    assertThat(out).hasSizeGreaterThan(20);
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("textLogs")
  void bytePathCountsWhatTheFullParseCountsAsNoise(Path file) throws IOException {
    for (long split : new long[] {Long.MAX_VALUE, 777}) {
      List<Parsed> full = read(file, split, null);
      List<Parsed> sieved = read(file, split, sieve());
      // Without the ID markers, the ID search reads each message itself: the same records.
      assertThat(read(file, split, sieveWithoutMarkers())).isEqualTo(sieved);
      assertThat(sieved).hasSameSizeAs(full);
      SignatureMatcher matcher = new SignatureMatcher(CatalogLoader.bundled());
      for (int i = 0; i < full.size(); i++) {
        Parsed expected = full.get(i);
        Parsed actual = sieved.get(i);
        if (actual instanceof NoiseRecord n) {
          assertThat(expected).as("%s at %s", file, n.position()).isInstanceOf(LogRecord.class);
          LogRecord r = (LogRecord) expected;
          assertThat(new NoiseRecord(r.source(), r.position().value(), r.timestampMillis(),
              r.truncated(), r.message().indexOf('\uFFFD') >= 0, hasControl(r.message()),
              r.sessionId(), r.activityId())).isEqualTo(n);
          assertThat(r.level() == null || !ERRORS.contains(r.level())).isTrue();
          assertThat(matcher.matchRecord(r)).as("%s at %s", file, n.position()).isEmpty();
        } else {
          assertThat(actual).isEqualTo(expected);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("textLogs")
  void mostWellFormedNoiseTakesTheBytePath(Path file) throws IOException {
    List<Parsed> sieved = read(file, Long.MAX_VALUE, sieve());
    long noise = sieved.stream().filter(p -> p instanceof NoiseRecord).count();
    // Only files of messy text (control characters, other encodings, bad headers) may have none.
    if (file.startsWith(generated) || file.toString().contains("sample-logs")) {
      assertThat(noise).as(file.toString()).isGreaterThan(sieved.size() / 2);
    }
  }

  /** The report job's sieve: it also locates the ID notations' hints. */
  private static NoiseSieve sieve() {
    return new NoiseSieve(matcher().prefilter(
        new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity()).markers()), ERRORS);
  }

  private static NoiseSieve sieveWithoutMarkers() {
    return new NoiseSieve(matcher().prefilter(), ERRORS);
  }

  private static SignatureMatcher matcher() {
    return new SignatureMatcher(CatalogLoader.bundled(),
        new org.dwlogs.match.DualWriteContext(CONFIG.context().dualWrite()));
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
  }

  /** Reads the file as a task of the report job does, sniffed first, in splits of {@code step}. */
  private static List<Parsed> read(Path file, long step, NoiseSieve sieve) throws IOException {
    Configuration hadoop = new Configuration();
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    FileSniff sniff = FileSniffer.sniff(path.toString(), LogFormat.TEXT, hadoop, CONFIG);
    JobConfig.Layout layout = sniff.noRecordStart() ? null : CONFIG.text().layout(sniff.layout());
    if (layout == null) {
      layout = CONFIG.text().layoutsInOrder().get(0);
    }
    Configuration conf = new Configuration(hadoop);
    LogReader.configureReader(conf, CONFIG, false, layout.recordStart(), sniff.noRecordStart(),
        sniff.encoding());
    TaskAttemptContextImpl context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
    long length = Files.size(file);
    boolean whole = file.toString().endsWith(".gz") || sniff.encoding().wide();
    long size = whole ? Math.max(1, length) : Math.min(step, Math.max(1, length));
    List<Parsed> out = new ArrayList<>();
    for (long start = 0; start < Math.max(1, length); start += size) {
      FileSplit split = new FileSplit(path, start, Math.min(size, length - start), new String[0]);
      RecordReader<LongWritable, RecordChunk> reader =
          new MultiLineTextInputFormat().createRecordReader(split, context);
      try {
        reader.initialize(split, context);
        LogReader.parseChunks(path.toString(), ReaderChunks.of(reader), CONFIG, ZoneOffset.UTC, false,
            layout, sniff.dayFirst(), sieve).forEachRemaining(out::add);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        reader.close();
      }
    }
    return out;
  }
}
