package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.ingest.RecordChunk.Type.ORPHANS;
import static org.dwlogs.ingest.RecordChunk.Type.RECORD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.dwlogs.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiLineTextInputFormatTest {
  private static final String RECORD_START = ConfigLoader.bundled().text().recordStart();
  private static final long WHOLE_FILE = Long.MAX_VALUE;

  private static final String ORPHAN_LINES = "orphan line 1\norphan line 2\n";
  private static final String R1 = "2026-11-20T01:02:03.456Z ERROR [Svc] Write failed\n"
      + "System.Exception: boom\n   at Foo.Bar() in C:\\src\\Foo.cs:line 12\n"
      + "Session ID: 670c5891-45d2-4c06-a206-02e0fc80fa6f\n";
  private static final String R2 = "2026-11-20 01:02:04,000 Info ok\n";
  private static final String R3 = "2026-11-20 01:02:05 Warning wrapped\n  continuation\n\n"
      + "  after an empty line\n";
  private static final String R4 = "2026-11-20T01:02:06Z Error last record, no final newline";
  private static final String LOG = ORPHAN_LINES + R1 + R2 + R3 + R4;

  @TempDir Path dir;

  /** One chunk as read, copied out of the reused {@link RecordChunk}. */
  record Chunk(long offset, RecordChunk.Type type, boolean truncated, String text) {
    boolean orphan() {
      return type == RecordChunk.Type.ORPHANS;
    }
  }

  private static Chunk record(String log, String record, String text) {
    return new Chunk(log.indexOf(record), RECORD, false, text);
  }

  /** What the sample log holds, whatever the split size: offsets in bytes (all ASCII). */
  private static List<Chunk> expectedLog(String log, String orphans, String r1, String r2,
      String r3, String r4) {
    return List.of(
        new Chunk(0, ORPHANS, false, "orphan line 1\norphan line 2"),
        record(log, r1, "2026-11-20T01:02:03.456Z ERROR [Svc] Write failed\n"
            + "System.Exception: boom\n   at Foo.Bar() in C:\\src\\Foo.cs:line 12\n"
            + "Session ID: 670c5891-45d2-4c06-a206-02e0fc80fa6f"),
        record(log, r2, "2026-11-20 01:02:04,000 Info ok"),
        record(log, r3, "2026-11-20 01:02:05 Warning wrapped\n  continuation\n\n"
            + "  after an empty line"),
        record(log, r4, "2026-11-20T01:02:06Z Error last record, no final newline"));
  }

  private Configuration conf() {
    Configuration conf = new Configuration();
    conf.set(MultiLineTextInputFormat.RECORD_START, RECORD_START);
    return conf;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<InputSplit> splits(Job job) throws IOException {
    return new MultiLineTextInputFormat().getSplits(job);
  }

  private static Job job(Configuration conf, Path file, long maxSplit) throws IOException {
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(file.toUri()));
    job.getConfiguration().setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplit);
    return job;
  }

  /** Every chunk of every split of {@code file}, in split order. */
  private static List<Chunk> read(Configuration conf, Path file, long maxSplit)
      throws IOException, InterruptedException {
    Job job = job(conf, file, maxSplit);
    MultiLineTextInputFormat format = new MultiLineTextInputFormat();
    List<Chunk> out = new ArrayList<>();
    for (InputSplit split : format.getSplits(job)) {
      TaskAttemptContextImpl context =
          new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
      try (RecordReader<LongWritable, RecordChunk> reader =
          format.createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          RecordChunk v = reader.getCurrentValue();
          assertThat(reader.getCurrentKey().get()).isEqualTo(v.offset());
          out.add(new Chunk(v.offset(), v.type(), v.truncated(), v.text()));
        }
      }
    }
    return out;
  }

  private List<Chunk> read(Path file, long maxSplit) throws Exception {
    return read(conf(), file, maxSplit);
  }

  // --- splits --------------------------------------------------------------------------

  @Test
  void splitsAPlainFileIntoManySplitsWhenTheMaximumIsSmall() throws Exception {
    Path file = write("service.log", LOG);
    assertThat(splits(job(conf(), file, 7))).hasSizeGreaterThan(LOG.length() / 8);
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 2, 3, 7, 13, 50, 128, WHOLE_FILE})
  void readsEveryRecordExactlyOnceAndWholeWhateverTheSplitSize(long maxSplit) throws Exception {
    Path file = write("service.log", LOG);
    assertThat(read(file, maxSplit)).isEqualTo(expectedLog(LOG, ORPHAN_LINES, R1, R2, R3, R4));
  }

  @Test
  void readsTheSameChunksWithEverySplitSizeFromOneByteToTheWholeFile() throws Exception {
    Path file = write("service.log", LOG);
    List<Chunk> whole = read(file, WHOLE_FILE);
    for (long size = 1; size <= LOG.length(); size += 5) {
      assertThat(read(file, size)).as("max split %d bytes", size).isEqualTo(whole);
    }
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 7, 13, 50, 128, WHOLE_FILE})
  void readsCrLfLineEndsWithOffsetsCountingBothBytes(long maxSplit) throws Exception {
    String crlf = LOG.replace("\n", "\r\n");
    Path file = write("service.log", crlf);
    assertThat(read(file, maxSplit)).isEqualTo(expectedLog(crlf,
        ORPHAN_LINES.replace("\n", "\r\n"), R1.replace("\n", "\r\n"), R2.replace("\n", "\r\n"),
        R3.replace("\n", "\r\n"), R4));
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 7, 13, WHOLE_FILE})
  void returnsOrphanLinesBeforeTheFirstRecordOnceAsOneOrphanChunk(long maxSplit) throws Exception {
    Path file = write("service.log", LOG);
    assertThat(read(file, maxSplit)).filteredOn(Chunk::orphan)
        .containsExactly(new Chunk(0, ORPHANS, false, "orphan line 1\norphan line 2"));
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 13, WHOLE_FILE})
  void returnsAFileWithoutAnyRecordStartAsOneOrphanChunk(long maxSplit) throws Exception {
    Path file = write("noise.log", "=== banner ===\nno timestamps here\n");
    assertThat(read(file, maxSplit))
        .containsExactly(new Chunk(0, ORPHANS, false, "=== banner ===\nno timestamps here"));
  }

  @Test
  void returnsNoOrphanChunkWhenTheFileStartsWithARecord() throws Exception {
    Path file = write("service.log", R2 + R4);
    assertThat(read(file, 5)).extracting(Chunk::orphan).containsExactly(false, false);
  }

  @Test
  void readsAnEmptyFileAsNoChunks() throws Exception {
    Path file = write("empty.log", "");
    assertThat(read(file, WHOLE_FILE)).isEmpty();
  }

  // --- gzip ----------------------------------------------------------------------------

  private Path gzip(String name, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return write(name, bytes.toByteArray());
  }

  @Test
  void keepsAGzipFileInOneSplit() throws Exception {
    Path file = gzip("service.log.gz", LOG);
    assertThat(splits(job(conf(), file, 7))).hasSize(1);
  }

  @Test
  void readsTheSameRecordsFromAGzipFileWithDecompressedOffsets() throws Exception {
    Path file = gzip("service.log.gz", LOG);
    assertThat(read(file, 7)).isEqualTo(expectedLog(LOG, ORPHAN_LINES, R1, R2, R3, R4));
  }

  // --- names ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"dw[1].log", "x{a,b}.log", "star*.log", "q?.log"})
  void readsAFileByItsNameEvenWhenItHoldsGlobCharacters(String name) throws Exception {
    Path file = write(name, "2026-11-20T01:02:03Z ERROR boom\n");
    Job job = Job.getInstance(conf());
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(file.toString()));
    List<InputSplit> splits = splits(job);
    assertThat(splits).hasSize(1);
    assertThat(((org.apache.hadoop.mapreduce.lib.input.FileSplit) splits.get(0)).getPath().getName())
        .isEqualTo(name);
  }

  // --- long records --------------------------------------------------------------------

  private Configuration conf(int maxRecordBytes) {
    Configuration conf = conf();
    conf.setInt(MultiLineTextInputFormat.MAX_RECORD_BYTES, maxRecordBytes);
    return conf;
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {100, 1000, WHOLE_FILE})
  void cutsAMultiLineRecordLongerThanTheBoundAndFlagsIt(long maxSplit) throws Exception {
    StringBuilder big = new StringBuilder("2026-11-20T01:02:03Z ERROR stack follows\n");
    for (int i = 0; i < 100; i++) {
      big.append("   at Frame").append(i).append(".Method() in File.cs:line ").append(i).append('\n');
    }
    String log = big + R2;
    Path file = write("service.log", log);
    List<Chunk> chunks = read(conf(1024), file, maxSplit);
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0)).extracting(Chunk::truncated, c -> c.text().length(),
        c -> c.text().startsWith("2026-11-20T01:02:03Z ERROR stack follows\n   at Frame0."))
        .containsExactly(true, 1024, true);
    assertThat(chunks.get(1)).isEqualTo(record(log, R2, "2026-11-20 01:02:04,000 Info ok"));
  }

  @Test
  void boundsAMultiLineRecordInBytesNotCharacters() throws Exception {
    // 300 continuation lines of 3 two-byte characters: 1,200 bytes of lines in 900 chars.
    StringBuilder big = new StringBuilder("2026-11-20T01:02:03Z ERROR \u00e9\n");
    for (int i = 0; i < 300; i++) {
      big.append("\u00e9\u00e9\u00e9\n");
    }
    Path file = write("wide.log", big + R2);
    List<Chunk> chunks = read(conf(1024), file, WHOLE_FILE);
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).truncated()).isTrue();
    assertThat(chunks.get(0).text().getBytes(StandardCharsets.UTF_8).length)
        .isBetween(1021, 1024);
    assertThat(chunks.get(1).text()).isEqualTo("2026-11-20 01:02:04,000 Info ok");
  }

  @Test
  void cutsASingleLineRecordLongerThanTheBoundAndFlagsIt() throws Exception {
    String first = "2026-11-20T01:02:03Z ERROR " + "x".repeat(3000);
    Path file = write("service.log", first + "\n" + R2);
    List<Chunk> chunks = read(conf(1024), file, WHOLE_FILE);
    assertThat(chunks).containsExactly(
        new Chunk(0, RECORD, true, first.substring(0, 1024)),
        new Chunk(first.length() + 1, RECORD, false, "2026-11-20 01:02:04,000 Info ok"));
  }

  @Test
  void flagsALineOneByteLongerThanTheBound() throws Exception {
    String first = "2026-11-20T01:02:03Z ERROR ";
    first += "x".repeat(1025 - first.length());
    Path file = write("service.log", first + "\n" + R2);
    assertThat(read(conf(1024), file, WHOLE_FILE).get(0))
        .isEqualTo(new Chunk(0, RECORD, true, first.substring(0, 1024)));
  }

  @Test
  void flagsALastLineOneByteLongerThanTheBoundWithoutFinalNewline() throws Exception {
    String first = "2026-11-20T01:02:03Z ERROR ";
    first += "x".repeat(1025 - first.length());
    Path file = write("service.log", first);
    assertThat(read(conf(1024), file, WHOLE_FILE))
        .containsExactly(new Chunk(0, RECORD, true, first.substring(0, 1024)));
  }

  @Test
  void doesNotFlagALineExactlyAtTheBound() throws Exception {
    String first = "2026-11-20T01:02:03Z ERROR ";
    first += "x".repeat(1024 - first.length());
    Path file = write("service.log", first + "\r\n" + R2);
    assertThat(read(conf(1024), file, WHOLE_FILE).get(0))
        .isEqualTo(new Chunk(0, RECORD, false, first));
  }

  @Test
  void readsATenMegabyteLineCutToTheDefaultBoundAndTheRecordAfterIt() throws Exception {
    String head = "2026-11-20T01:02:03Z ERROR payload ";
    StringBuilder log = new StringBuilder(head);
    log.append("y".repeat(10 * 1024 * 1024)).append('\n');
    long next = log.length();
    log.append(R2);
    Path file = write("huge.log", log.toString());
    List<Chunk> chunks = read(conf(), file, 3 * 1024 * 1024);
    assertThat(chunks).extracting(Chunk::offset, Chunk::truncated, c -> c.text().length())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, true, 1 << 20),
            org.assertj.core.groups.Tuple.tuple(next, false, R2.length() - 1));
  }

  // --- encoding ------------------------------------------------------------------------

  @Test
  void replacesBytesThatAreNeitherUtf8NorWindows1252AndKeepsTheRecord() throws Exception {
    // 0xC3 0x28 is not UTF-8; 0x81 is not defined in Windows-1252 either. (Before the
    // Windows-1252 fallback this test used 0xFF, which Windows-1252 reads as 'ÿ'.)
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("2026-11-20T01:02:03Z ERROR bad ".getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28, ' ', (byte) 0x81, '\n'});
    int next = bytes.size();
    bytes.writeBytes(R2.getBytes(StandardCharsets.US_ASCII));
    Path file = write("latin.log", bytes.toByteArray());
    assertThat(read(file, WHOLE_FILE)).containsExactly(
        new Chunk(0, RECORD, false, "2026-11-20T01:02:03Z ERROR bad \uFFFD( \uFFFD"),
        new Chunk(next, RECORD, false, "2026-11-20 01:02:04,000 Info ok"));
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 5, WHOLE_FILE})
  void keepsMultiByteCharactersWholeAcrossSplits(long maxSplit) throws Exception {
    String log = "2026-11-20T01:02:03Z ERROR Kunde Müller – 顧客 🙂\n  weiter äöü\n" + R2;
    Path file = write("utf8.log", log);
    assertThat(read(file, maxSplit)).containsExactly(
        new Chunk(0, RECORD, false, "2026-11-20T01:02:03Z ERROR Kunde Müller – 顧客 🙂\n  weiter äöü"),
        new Chunk(log.getBytes(StandardCharsets.UTF_8).length - R2.length(), RECORD, false,
            "2026-11-20 01:02:04,000 Info ok"));
  }

  @Test
  void readsALineThatIsNotUtf8AsWindows1252() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("2026-11-20T01:02:03Z ERROR it doesn".getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(new byte[] {(byte) 0x92, 't', ' ', (byte) 0xE9, '\n'});
    int next = bytes.size();
    bytes.writeBytes("2026-11-20T01:02:04Z INFO caf\u00e9 in UTF-8\n".getBytes(StandardCharsets.UTF_8));
    Path file = write("windows.log", bytes.toByteArray());
    assertThat(read(file, WHOLE_FILE)).containsExactly(
        new Chunk(0, RECORD, false, "2026-11-20T01:02:03Z ERROR it doesn\u2019t \u00e9"),
        new Chunk(next, RECORD, false, "2026-11-20T01:02:04Z INFO caf\u00e9 in UTF-8"));
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 13, WHOLE_FILE})
  void dropsAByteOrderMarkAtAnyRecordStartOfConcatenatedFiles(long maxSplit) throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(bom);
    bytes.writeBytes(R2.getBytes(StandardCharsets.US_ASCII));
    int next = bytes.size();
    bytes.writeBytes(bom);
    bytes.writeBytes(R2.getBytes(StandardCharsets.US_ASCII));
    Path file = write("cat.log", bytes.toByteArray());
    assertThat(read(file, maxSplit)).containsExactly(
        new Chunk(0, RECORD, false, "2026-11-20 01:02:04,000 Info ok"),
        new Chunk(next, RECORD, false, "2026-11-20 01:02:04,000 Info ok"));
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 7, WHOLE_FILE})
  void readsAUtf16FileWholeInOneSplit(long maxSplit) throws Exception {
    String text = "2026-11-20T01:02:03Z ERROR K\u00fcrzel \ud83d\ude42\r\n  weiter\r\n" + R2;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
    Path file = write("wide.log", bytes.toByteArray());
    Configuration conf = conf();
    conf.set(MultiLineTextInputFormat.ENCODING, TextEncoding.UTF_16LE.label());
    assertThat(splits(job(conf, file, maxSplit))).hasSize(1);
    // Offsets count the text's UTF-8 bytes, as offsets of gzip files count decompressed bytes.
    // The mark is not in the UTF-8 text; ü takes 1 byte more than its 1 char, the emoji 2 more
    // than its 2 chars.
    int second = (text.length() - R2.length()) + 3;
    assertThat(read(conf, file, maxSplit)).containsExactly(
        new Chunk(0, RECORD, false, "2026-11-20T01:02:03Z ERROR K\u00fcrzel \ud83d\ude42\n  weiter"),
        new Chunk(second, RECORD, false, "2026-11-20 01:02:04,000 Info ok"));
  }

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 5, 20, WHOLE_FILE})
  void makesEveryNonBlankLineOneChunkWhenNoLayoutFoundARecordStart(long maxSplit)
      throws Exception {
    String log = "Nov 20 01:02:03 host a\n\n  second\nthird\r\n";
    Path file = write("syslog.log", log);
    Configuration conf = conf();
    conf.setBoolean(MultiLineTextInputFormat.NO_RECORD_START, true);
    assertThat(read(conf, file, maxSplit)).containsExactly(
        new Chunk(0, RecordChunk.Type.NO_RECORD_START, false, "Nov 20 01:02:03 host a"),
        new Chunk(24, RecordChunk.Type.NO_RECORD_START, false, "  second"),
        new Chunk(33, RecordChunk.Type.NO_RECORD_START, false, "third"));
  }

  // --- line records (JSON Lines) -------------------------------------------------------

  @ParameterizedTest(name = "max split {0} bytes")
  @ValueSource(longs = {1, 7, 50, WHOLE_FILE})
  void makesEveryLineARecordWhenLineRecordsIsSet(long maxSplit) throws Exception {
    String log = "{\"message\":\"a\"}\n  indented line\n\n{\"message\":\"b\"}";
    Path file = write("live.jsonl", log);
    Configuration conf = conf();
    conf.setBoolean(MultiLineTextInputFormat.LINE_RECORDS, true);
    assertThat(read(conf, file, maxSplit)).containsExactly(
        new Chunk(0, RECORD, false, "{\"message\":\"a\"}"),
        new Chunk(16, RECORD, false, "  indented line"),
        new Chunk(32, RECORD, false, ""),
        new Chunk(33, RECORD, false, "{\"message\":\"b\"}"));
  }
}
