package org.dwlogs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.util.LineReader;
import org.dwlogs.parse.AsciiText;

/**
 * The reader behind {@link MultiLineTextInputFormat}. A line starting at byte {@code p}
 * belongs to the split {@code (start, end]} (the first split also owns {@code p = 0}), the
 * same rule as Hadoop's {@code LineRecordReader}; a record belongs to the split that owns its
 * first line. Lines before the file's first record start are returned as one orphan chunk;
 * in a file where no layout found a record start, each non-blank line is one chunk.
 *
 * <p>A file that cannot be opened, or whose stream breaks (a truncated or corrupt gzip file),
 * does not fail the task: the records read so far are kept and one {@code UNREADABLE} chunk
 * says what went wrong, so the run goes on and reports the file by name.
 */
final class MultiLineRecordReader extends RecordReader<LongWritable, RecordChunk> {
  private Pattern recordStart;
  /** Reused for every line: a reader is one task's. */
  private java.util.regex.Matcher recordStartMatcher;
  /** The record start tested on ASCII bytes by hand, when it has that shape; else null. */
  private FixedStart fixedStart;
  private boolean lineRecords;
  private boolean noRecordStart;
  private TextEncoding encoding;
  private final LineDecoder decoder = new LineDecoder();
  private int maxRecordBytes;

  private long start;
  private long end;
  private long pos;
  private LineReader in;
  private InputStream stream;
  private boolean firstSplit;
  private boolean seenRecord;

  private final Text line = new Text();
  /** Whether a line was read ahead and not used yet; it is ASCII bytes in {@link #line}, or text. */
  private boolean pending;
  private boolean pendingAscii;
  private boolean pendingControl;
  private int pendingKept;
  private String pendingLine;
  private long pendingPos;
  private boolean pendingCut;
  private static final byte[] NEWLINE = {'\n'};
  /** The record being read while all its lines are ASCII: reused, no line is decoded. */
  private byte[] run = new byte[1024];
  private int runLength;
  private boolean eof;
  private String failure;
  private boolean failureReported;

  private final LongWritable key = new LongWritable();
  private final RecordChunk value = new RecordChunk();

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    Configuration conf = context.getConfiguration();
    recordStart = Pattern.compile(conf.get(MultiLineTextInputFormat.RECORD_START, "^"));
    fixedStart = FixedStart.of(recordStart.pattern());
    lineRecords = conf.getBoolean(MultiLineTextInputFormat.LINE_RECORDS, false);
    noRecordStart = conf.getBoolean(MultiLineTextInputFormat.NO_RECORD_START, false);
    encoding = TextEncoding.ofLabel(conf.get(MultiLineTextInputFormat.ENCODING, ""));
    maxRecordBytes = conf.getInt(MultiLineTextInputFormat.MAX_RECORD_BYTES, 1 << 20);

    Path file = split.getPath();
    start = split.getStart();
    end = start + split.getLength();
    pos = start;
    firstSplit = start == 0;
    try {
      open(file, conf);
    } catch (IOException e) {
      fail(e);
    }
  }

  private void open(Path file, Configuration conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    FSDataInputStream fileIn = fs.open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    if (codec != null) {
      stream = codec.createInputStream(fileIn);
      end = Long.MAX_VALUE;
    } else {
      fileIn.seek(start);
      stream = fileIn;
    }
    if (encoding.wide()) {
      // The JDK's UTF-16 decoder reads the byte-order mark; the file is one split.
      stream = new Utf8Transcoder(new InputStreamReader(stream, StandardCharsets.UTF_16));
      end = Long.MAX_VALUE;
    }
    in = new LineReader(stream, conf);
    if (!firstSplit) {
      // The line that straddles our start belongs to the split before us.
      pos += in.readLine(new Text(), 0, Integer.MAX_VALUE);
    }
  }

  private void fail(IOException e) {
    eof = true;
    failure = e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (true) {
      if (!peek() || pendingPos > end) {
        return reportFailure();
      }
      if (noRecordStart) {
        if (readLoneLine()) {
          return true;
        }
        continue;
      }
      if (isStart()) {
        return readRecord();
      }
      if (firstSplit && !seenRecord) {
        return readOrphans();
      }
      consume(); // a continuation of a record owned by the split before us
    }
  }

  /** Emits the read error, once, after the records read before it. */
  private boolean reportFailure() {
    if (failure == null || failureReported) {
      return false;
    }
    failureReported = true;
    key.set(pos);
    value.set(pos, RecordChunk.Type.UNREADABLE, false, failure);
    return true;
  }

  private boolean readRecord() throws IOException {
    seenRecord = true;
    // Continuation lines follow the record wherever they are, even past the split's end.
    return readRun(RecordChunk.Type.RECORD, !lineRecords);
  }

  private boolean readOrphans() throws IOException {
    // Orphans run to the first record start; later splits skip them as continuations.
    readRun(RecordChunk.Type.ORPHANS, true);
    seenRecord = true;
    return true;
  }

  /** Emits the pending line as one malformed line, unless it is blank. */
  private boolean readLoneLine() {
    String text = pendingText();
    consume();
    if (text.isBlank()) {
      return false;
    }
    seenRecord = true;
    emit(pendingPos, RecordChunk.Type.NO_RECORD_START, pendingCut, new StringBuilder(text));
    return true;
  }

  /**
   * Emits the pending line, and with {@code more} the lines up to the next record start. While
   * every line is ASCII the record stays bytes (most records: nothing is decoded or copied to
   * a string); the first line that is not turns it into text, each line decoded on its own.
   */
  private boolean readRun(RecordChunk.Type type, boolean more) throws IOException {
    long runPos = pendingPos;
    boolean cut = pendingCut;
    StringBuilder text = null;
    runLength = 0;
    int firstLine = pendingKept;
    boolean control = pendingControl;
    if (pendingAscii) {
      appendToRun(line.getBytes(), 0, pendingKept);
    } else {
      text = new StringBuilder(pendingLine);
    }
    long bytes = text == null ? runLength : Utf8.length(text);
    consume();
    while (more && peek() && !isStart()) {
      if (text == null && !pendingAscii) {
        text = new StringBuilder(new String(run, 0, runLength, StandardCharsets.ISO_8859_1));
      }
      if (text == null) {
        control |= pendingControl;
        cut |= appendAsciiLine(bytes, pendingKept) | pendingCut;
        bytes = Math.min(maxRecordBytes, bytes + 1 + pendingKept);
      } else {
        String next = pendingText();
        long nextBytes = Utf8.length(next);
        cut |= append(text, bytes, next, nextBytes) | pendingCut;
        bytes = Math.min(maxRecordBytes, bytes + 1 + nextBytes);
      }
      consume();
    }
    if (text == null) {
      if (runLength > maxRecordBytes) {
        runLength = maxRecordBytes;
        cut = true;
      }
      key.set(runPos);
      value.setAscii(runPos, type, cut, run, runLength, Math.min(firstLine, runLength), control);
    } else {
      emit(runPos, type, cut, text);
    }
    return true;
  }

  /** As {@link #append} for the pending ASCII line, into the byte run; true when it was cut. */
  private boolean appendAsciiLine(long bytes, int nextBytes) {
    long room = maxRecordBytes - bytes - 1;
    boolean fits = bytes + 1 + nextBytes <= maxRecordBytes;
    if (fits || room > 0) {
      appendToRun(NEWLINE, 0, 1);
      appendToRun(line.getBytes(), 0, fits ? nextBytes : (int) room);
    }
    return !fits;
  }

  private void appendToRun(byte[] bytes, int from, int length) {
    if (runLength + length > run.length) {
      run = java.util.Arrays.copyOf(run, Math.max(run.length * 2, runLength + length));
    }
    System.arraycopy(bytes, from, run, runLength, length);
    runLength += length;
  }

  /** Appends a line of {@code nextBytes} to a run of {@code bytes}; true when it was cut. */
  private boolean append(StringBuilder text, long bytes, String next, long nextBytes) {
    if (bytes + 1 + nextBytes > maxRecordBytes) {
      long room = maxRecordBytes - bytes - 1; // the bound counts UTF-8 bytes, not chars
      if (room > 0) {
        text.append('\n').append(next, 0, Utf8.prefixChars(next, room));
      }
      return true;
    }
    text.append('\n').append(next);
    return false;
  }

  private void emit(long offset, RecordChunk.Type type, boolean cut, StringBuilder text) {
    if (text.length() > maxRecordBytes) {
      text.setLength(Utf8.prefixChars(text, maxRecordBytes));
      cut = true;
    }
    key.set(offset);
    value.set(offset, type, cut, text.toString());
  }

  /** Loads the next line into {@code pendingLine} unless one is waiting; false at the end. */
  private boolean peek() throws IOException {
    if (pending) {
      return true;
    }
    if (eof) {
      return false;
    }
    // Keep one byte past the bound: only then is a cut line told apart from one that fits.
    // (Comparing the bytes consumed with the bytes kept cannot tell a cut of one or two bytes
    // from the line's own CR/LF.)
    int keep = maxRecordBytes == Integer.MAX_VALUE ? maxRecordBytes : maxRecordBytes + 1;
    int consumed;
    try {
      consumed = in.readLine(line, keep, Integer.MAX_VALUE);
    } catch (IOException e) {
      fail(e);
      return false;
    }
    if (consumed == 0) {
      eof = true;
      return false;
    }
    pendingPos = pos;
    pos += consumed;
    pendingCut = line.getLength() > maxRecordBytes;
    int kept = Math.min(line.getLength(), maxRecordBytes);
    if (pendingCut) {
      // The cut may fall inside a multi-byte character: drop its half, it is not bad input.
      kept = LineDecoder.withoutSplitCharacter(line.getBytes(), 0, kept);
    }
    pending = true;
    pendingKept = kept;
    classify(line.getBytes(), kept);
    // UTF-8, else Windows-1252, else UTF-8 with U+FFFD; a byte-order mark at the start of a
    // line (the first, or one of concatenated files) is not part of it. ASCII needs no decoding.
    pendingLine = pendingAscii ? null : decoder.decode(line.getBytes(), 0, kept);
    return true;
  }

  /**
   * Whether the pending line is all ASCII and whether it holds control characters (C0 other
   * than tab, or DEL: reports count those).
   */
  private void classify(byte[] bytes, int length) {
    int flags = LineBytes.classify(bytes, length);
    pendingAscii = (flags & LineBytes.NOT_ASCII) == 0;
    pendingControl = (flags & LineBytes.CONTROL) != 0;
  }

  /** The pending line as text. */
  private String pendingText() {
    return pendingAscii ? new String(line.getBytes(), 0, pendingKept, StandardCharsets.ISO_8859_1)
        : pendingLine;
  }

  /** The pending line is used: the next {@link #peek} reads another. */
  private void consume() {
    pending = false;
    pendingLine = null;
  }

  private boolean isStart() {
    if (lineRecords) {
      return true;
    }
    if (pendingAscii && fixedStart != null) {
      return fixedStart.matches(line.getBytes(), pendingKept);
    }
    CharSequence text = pendingAscii ? new AsciiText(line.getBytes(), 0, pendingKept) : pendingLine;
    if (recordStartMatcher == null) {
      recordStartMatcher = recordStart.matcher("");
    }
    return recordStartMatcher.reset(text).find();
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public RecordChunk getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() {
    if (end == Long.MAX_VALUE || end == start) {
      return eof ? 1f : 0f;
    }
    return Math.min(1f, (pos - start) / (float) (end - start));
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
