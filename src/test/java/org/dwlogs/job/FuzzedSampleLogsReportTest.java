package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dwlogs.ReportCsv;
import org.dwlogs.cli.DwlogsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a fuzzed copy of {@code sample-logs/}: a third of its lines mutated
 * (flipped and inserted bytes, cut lines, impossible timestamps, stray quotes, NUL and escape
 * bytes, deep nesting), with a fixed seed. With {@code --max-malformed-ratio 1} the run must
 * exit 0 and publish every report, with totals that add up.
 */
class FuzzedSampleLogsReportTest {
  static final long SEED = 20261202L;
  static final List<String> REPORTS = List.of("issue_summary.csv", "issue_daily.csv",
      "issue_sessions.csv", "version_mismatch.csv", "unmatched_errors.csv",
      "quarantine/malformed.csv", "run_manifest.json", "_SUCCESS");
  static final List<String> TOTALS = List.of("records", "malformed", "truncated",
      "records_without_timestamp", "invalid_utf8", "control_chars");

  @TempDir
  Path tmp;

  @Test
  void aFuzzedCopyOfTheSampleLogsIsReportedWholeWithCoherentTotals() throws IOException {
    Path in = tmp.resolve("fuzzed-sample-logs");
    long[] lines = fuzzCopy(Path.of("sample-logs"), in, new Random(SEED));
    assertThat(lines[1]).as("mutated lines").isGreaterThan(lines[0] / 4);

    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    int code = DwlogsCommand.commandLine().setErr(new PrintWriter(err, true)).execute("report",
        "--master", "local[2]", "--input", in.toString(), "--output", out.toString(),
        "--max-malformed-ratio", "1");
    assertThat(code).as("exit code; stderr:%n%s", err).isZero();

    for (String report : REPORTS) {
      assertThat(out.resolve(report)).as(report).isRegularFile();
    }
    JsonNode manifest = MessyLogs.manifest(out);
    JsonNode totals = manifest.get("totals");
    assertThat(totals.get("records").asLong() + totals.get("malformed").asLong()).isPositive();
    assertThat(totals.get("malformed").asLong()).as("the mutations leave malformed records")
        .isPositive();
    for (String key : TOTALS) {
      long sum = 0;
      for (JsonNode f : manifest.get("inputs")) {
        sum += f.get(key).asLong();
      }
      assertThat(totals.get(key).asLong()).as("totals.%s = sum over inputs", key).isEqualTo(sum);
    }
    long byKind = 0;
    for (JsonNode f : manifest.get("inputs")) {
      long kinds = 0;
      for (JsonNode n : f.get("malformed_by_kind")) {
        kinds += n.asLong();
      }
      assertThat(kinds).as("%s malformed_by_kind", f.get("path")).isEqualTo(f.get("malformed").asLong());
      byKind += kinds;
    }
    assertThat(totals.get("files").asLong()).isEqualTo(manifest.get("inputs").size());

    ReportCsv quarantine = ReportCsv.read(out.resolve("quarantine/malformed.csv"));
    assertThat((long) quarantine.rows().size()).as("quarantine rows").isEqualTo(byKind);
    // Every bad value is handled where it is read: none needs the per-record net.
    assertThat(quarantine.rows()).extracting(r -> r.get("kind")).doesNotContain("parse_failure");

    long matched = 0;
    for (var r : ReportCsv.read(out.resolve("issue_summary.csv")).rows()) {
      matched += Long.parseLong(r.get("occurrences"));
    }
    assertThat(matched).as("matched records survive the damage around them").isPositive();
  }

  /**
   * Copies every file under {@code from} to {@code to}, mutating about a third of its lines;
   * gzip files are mutated inside. Returns the number of lines and of mutated lines.
   */
  static long[] fuzzCopy(Path from, Path to, Random random) throws IOException {
    long[] counts = new long[2];
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      boolean gzip = file.getFileName().toString().endsWith(".gz");
      byte[] bytes = gzip ? gunzip(file) : Files.readAllBytes(file);
      byte[] fuzzed = fuzzLines(bytes, random, counts);
      if (gzip) {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(target))) {
          gz.write(fuzzed);
        }
      } else {
        Files.write(target, fuzzed);
      }
    }
    return counts;
  }

  private static byte[] fuzzLines(byte[] bytes, Random random, long[] counts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 8);
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        byte[] line = java.util.Arrays.copyOfRange(bytes, start, i);
        counts[0]++;
        if (random.nextInt(3) == 0) {
          line = mutate(line, random);
          counts[1]++;
        }
        out.write(line, 0, line.length);
        if (i < bytes.length) {
          out.write('\n');
        }
        start = i + 1;
      }
    }
    return out.toByteArray();
  }

  private static final List<String> IMPOSSIBLE = List.of("2026-11-20T01:02:03+25:00",
      "2026-11-20T01:02:03+18:30", "2026-13-01T00:00:00Z", "2026-02-30 01:02:03",
      "0000-01-01T00:00:00Z", "99999-01-01T00:00:00Z", "12345678901234567890",
      "+999999999-12-31T23:59:59Z");
  private static final List<String> INSERTS = List.of("\"", "\u0000", "\u001b[31m", "\\ud800",
      "\"\\ud800\"", "[".repeat(5000), "{\"a\":".repeat(5000), ",", "\r", "\u007f");

  /** One mutation of a line: bytes flipped, inserted or cut, or a value replaced. */
  private static byte[] mutate(byte[] line, Random random) {
    String text = new String(line, StandardCharsets.ISO_8859_1); // byte for byte
    int at = line.length == 0 ? 0 : random.nextInt(line.length + 1);
    String result = switch (random.nextInt(6)) {
      case 0 -> { // flip a byte
        if (line.length == 0) {
          yield text;
        }
        int p = Math.min(at, line.length - 1);
        char[] c = text.toCharArray();
        c[p] = (char) ((c[p] ^ (1 + random.nextInt(255))) & 0xff);
        yield new String(c);
      }
      case 1 -> text.substring(0, at) + (char) random.nextInt(256) + text.substring(at); // insert
      case 2 -> text.substring(0, at); // cut short
      case 3 -> { // an impossible timestamp where the line has one, or in front of it
        String bad = IMPOSSIBLE.get(random.nextInt(IMPOSSIBLE.size()));
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?")
            .matcher(text);
        yield m.find() ? text.substring(0, m.start()) + bad + text.substring(m.end()) : bad + text;
      }
      default -> { // stray quotes, NUL, escapes, surrogate escapes, deep nesting
        String what = INSERTS.get(random.nextInt(INSERTS.size()));
        yield text.substring(0, at) + new String(what.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1) + text.substring(at);
      }
    };
    return result.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
