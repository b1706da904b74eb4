package org.dwlogs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.dwlogs.config.JobConfig;
import org.dwlogs.parse.Levels;
import org.dwlogs.parse.TimestampParser;

/**
 * Detects a file's encoding and text layout from its first {@value #HEAD_BYTES} bytes (after
 * decompression), at most {@value #HEAD_LINES} lines of them.
 *
 * <p>The encoding is the byte-order mark's (UTF-8, UTF-16 LE or BE), else UTF-8; its label
 * says {@code windows-1252} when the first lines needed that fallback (see
 * {@link LineDecoder}). The layout is the one of {@code text} whose record_start finds the
 * most of those lines; a tie goes to the one whose header then reads more of them with a
 * readable timestamp, then to the one that finds more known level words, then to the earlier
 * one. Slash dates are day first when one of them has a first number over 12 and none has a
 * second number over 12 (20/11/2026 is day first, 11/20/2026 and 01/02/2026 month first).
 */
public final class FileSniffer {
  static final int HEAD_BYTES = 64 * 1024;
  static final int HEAD_LINES = 1000;

  private static final Pattern SLASH_DATE = Pattern.compile("^\\s*(\\d{1,2})/(\\d{1,2})/\\d{4}");

  private FileSniffer() {}

  /** The sniff of one file; a file that cannot be read is sniffed as UTF-8, default layout. */
  public static FileSniff sniff(String path, LogFormat format, Configuration hadoop,
      JobConfig config) {
    String defaultLayout = JobConfig.TextLayout.DEFAULT_LAYOUT;
    byte[] head;
    boolean whole;
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(p);
      try (InputStream raw = fs.open(p);
          InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
        head = in.readNBytes(HEAD_BYTES);
        whole = in.read() < 0;
      }
    } catch (IOException | RuntimeException e) {
      return FileSniff.unknown(format, defaultLayout);
    }
    return sniff(head, whole, format, config);
  }

  /** The sniff of a file whose first bytes are {@code head}; {@code whole} if that is all. */
  static FileSniff sniff(byte[] head, boolean whole, LogFormat format, JobConfig config) {
    TextEncoding encoding = TextEncoding.ofHead(head, head.length);
    List<String> lines = new ArrayList<>();
    boolean[] seen = new boolean[LineDecoder.Kind.values().length];
    if (encoding.wide()) {
      int from = encoding.bomBytes();
      int length = (head.length - from) & ~1;
      for (String line : new String(head, from, length, encoding.charset()).split("\n", -1)) {
        lines.add(strip(line));
      }
    } else {
      LineDecoder decoder = new LineDecoder();
      int start = 0;
      for (int i = 0; i <= head.length && lines.size() <= HEAD_LINES; i++) {
        if (i == head.length || head[i] == '\n') {
          int end = i > start && head[i - 1] == '\r' ? i - 1 : i;
          lines.add(decoder.decode(head, start, end - start));
          seen[decoder.lastKind().ordinal()] = true;
          start = i + 1;
        }
      }
    }
    if (!whole && lines.size() > 1) {
      lines.remove(lines.size() - 1); // cut by the window
    }
    if (lines.size() > HEAD_LINES) {
      lines = lines.subList(0, HEAD_LINES);
    }
    String label = label(encoding, seen[LineDecoder.Kind.UTF_8.ordinal()],
        seen[LineDecoder.Kind.WINDOWS_1252.ordinal()]);
    if (format != LogFormat.TEXT) {
      return new FileSniff(encoding, label, null, false);
    }
    return layout(lines, config, encoding, label);
  }

  private static String label(TextEncoding encoding, boolean utf8, boolean windows1252) {
    if (!windows1252) {
      return encoding.label();
    }
    return utf8 || encoding == TextEncoding.UTF_8_BOM
        ? encoding.label() + "+windows-1252" : "windows-1252";
  }

  private static FileSniff layout(List<String> lines, JobConfig config, TextEncoding encoding,
      String label) {
    Levels levels = new Levels(config.levels());
    JobConfig.Layout best = null;
    long[] bestScore = null;
    boolean bestDayFirst = false;
    for (JobConfig.Layout layout : config.text().layoutsInOrder()) {
      Pattern start = Pattern.compile(layout.recordStart());
      Pattern header = Pattern.compile(layout.header());
      List<Matcher> headers = new ArrayList<>();
      long starts = 0;
      for (String line : lines) {
        if (start.matcher(line).find()) {
          starts++;
          Matcher m = header.matcher(line);
          if (m.matches()) {
            headers.add(m);
          }
        }
      }
      if (starts == 0) {
        continue;
      }
      boolean dayFirst = dayFirst(headers);
      TimestampParser timestamps =
          new TimestampParser(config.timestampFormats(), ZoneOffset.UTC, dayFirst);
      long read = 0;
      long levelWords = 0;
      for (Matcher m : headers) {
        if (timestamps.parse(m.group("ts")) != null) {
          read++;
          if (levels.canonical(group(m, "level")) != null) {
            levelWords++;
          }
        }
      }
      long[] score = {starts, read, levelWords};
      if (bestScore == null || java.util.Arrays.compare(score, bestScore) > 0) {
        best = layout;
        bestScore = score;
        bestDayFirst = dayFirst;
      }
    }
    return best == null
        ? new FileSniff(encoding, label, FileSniff.NO_LAYOUT, false)
        : new FileSniff(encoding, label, best.name(), bestDayFirst);
  }

  private static boolean dayFirst(List<Matcher> headers) {
    boolean firstOver12 = false;
    for (Matcher h : headers) {
      Matcher m = SLASH_DATE.matcher(h.group("ts"));
      if (m.find()) {
        if (Integer.parseInt(m.group(2)) > 12) {
          return false;
        }
        firstOver12 |= Integer.parseInt(m.group(1)) > 12;
      }
    }
    return firstOver12;
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String strip(String line) {
    String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
