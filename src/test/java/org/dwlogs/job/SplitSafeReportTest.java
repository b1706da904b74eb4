package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.job.MessyLogs.MAP_401;
import static org.dwlogs.job.MessyLogs.MAP_401_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.job.MessyLogs.Bytes;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-line text logs read in many small splits give the same reports, byte for byte, as
 * read in one split per file: no record is torn apart, lost or read twice, wherever the split
 * boundaries fall (inside a header line, inside a stack trace, inside a CRLF, inside a line
 * longer than a whole split).
 */
class SplitSafeReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final String MAX_SPLIT = "mapreduce.input.fileinputformat.split.maxsize";
  static final String MIN_SPLIT = "mapreduce.input.fileinputformat.split.minsize";
  static final int SPLIT_BYTES = 4096;
  static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss,SSS").withZone(ZoneOffset.UTC);

  static final List<String> UNMATCHED = List.of("Connection reset", "Lookup failed",
      "Write timed out", "Queue is full");

  @TempDir
  static Path tmp;

  static Path in;
  static Path gzIn;
  /** Records written per file name, and map-create-401 records over all files. */
  static final Map<String, Long> written = new LinkedHashMap<>();
  static long matched401;
  static final Set<String> sessions401 = new HashSet<>();
  static long totalBytes;
  /** The reports of the text files read one split per file. */
  static Path whole;

  @BeforeAll
  static void writeLogs() throws IOException {
    in = tmp.resolve("in");
    gzIn = tmp.resolve("gz");
    Random random = new Random(20261120);
    for (String name : List.of("a-service.log", "b-service.txt")) {
      Bytes b = writeLog(random, name);
      b.write(in.resolve(name));
      b.writeGzip(gzIn.resolve(name + ".gz"));
      totalBytes += b.bytes().length;
    }
    assertThat(totalBytes).as("a few hundred KB").isGreaterThan(200_000);
    whole = tmp.resolve("out-whole");
    MessyLogs.run(SPARK.session(), List.of(in.toString()), whole, 0.05);
  }

  /** About 150 KB of multi-line records, LF or CRLF, with Session ID on continuation lines. */
  static Bytes writeLog(Random random, String name) {
    Bytes b = new Bytes();
    Instant t = Instant.parse("2026-11-20T00:00:00Z");
    long records = 0;
    while (b.offset() < 150_000) {
      t = t.plusMillis(random.nextInt(5_000));
      String eol = random.nextInt(3) == 0 ? "\r\n" : "\n";
      String session = new UUID(random.nextLong(), random.nextLong()).toString();
      String ts = TS.format(t);
      int kind = random.nextInt(10);
      StringBuilder r = new StringBuilder(ts);
      if (kind < 3) {
        r.append(" ERROR [DualWriteSync] ").append(MAP_401).append(eol);
        matched401++;
        sessions401.add(session);
      } else if (kind < 5) {
        r.append(" ERROR [Sync] ").append(UNMATCHED.get(random.nextInt(UNMATCHED.size())))
            .append(" after ").append(random.nextInt(90)).append(" seconds").append(eol);
      } else if (kind < 6) {
        // A header line longer than a whole split.
        r.append(" INFO [Batch] payload ").append("p".repeat(SPLIT_BYTES + random.nextInt(3000)))
            .append(eol);
      } else {
        r.append(" INFO [Sync] row ").append(random.nextInt(100_000)).append(" written").append(eol);
      }
      int frames = random.nextInt(7);
      for (int i = 0; i < frames; i++) {
        r.append("   at Microsoft.Dynamics.Integrator.Frame").append(i).append("(Int32 x)").append(eol);
      }
      if (random.nextInt(12) == 0) {
        // A continuation line longer than a whole split: some splits hold no record start.
        r.append("   data: ").append("d".repeat(SPLIT_BYTES * 2)).append(eol);
      }
      r.append("Session ID: ").append(session).append(eol);
      if (random.nextBoolean()) {
        r.append("Root activity ID: ").append(new UUID(random.nextLong(), random.nextLong())).append(eol);
      }
      b.text(r.toString());
      records++;
    }
    written.put(name, records);
    return b;
  }

  /** Runs with the given split bounds on the shared Hadoop configuration, restored after. */
  static <T> T withSplits(long maxBytes, Callable<T> work) throws Exception {
    Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
    String oldMax = conf.get(MAX_SPLIT);
    String oldMin = conf.get(MIN_SPLIT);
    conf.setLong(MAX_SPLIT, maxBytes);
    conf.setLong(MIN_SPLIT, 1);
    try {
      return work.call();
    } finally {
      restore(conf, MAX_SPLIT, oldMax);
      restore(conf, MIN_SPLIT, oldMin);
    }
  }

  private static void restore(Configuration conf, String key, String value) {
    if (value == null) {
      conf.unset(key);
    } else {
      conf.set(key, value);
    }
  }

  static int partitions(Path input) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
    return LogReader.read(sc, InputLister.list(List.of(input.toString()), sc.hadoopConfiguration(),
        null), ConfigLoader.bundled(), ZoneOffset.UTC).getNumPartitions();
  }

  static void assertEveryRecordCountedOnce(Path out, String suffix) {
    JsonNode manifest = MessyLogs.manifest(out);
    Map<String, JsonNode> inputs = MessyLogs.inputsByName(manifest);
    written.forEach((name, records) -> {
      JsonNode f = inputs.get(name + suffix);
      assertThat(f).as(name + suffix).isNotNull();
      assertThat(f.get("records").asLong()).as(name + suffix + " records").isEqualTo(records);
      assertThat(f.get("malformed").asLong()).as(name + suffix + " malformed").isZero();
    });
    Map<String, String> occurrences = ReportCsv.read(out.resolve(ReportTable.ISSUE_SUMMARY.fileName()))
        .column("occurrences", "issue_id");
    assertThat(occurrences.get(MAP_401_ID)).isEqualTo(Long.toString(matched401));
    Map<String, String> sessions = ReportCsv.read(out.resolve(ReportTable.ISSUE_SUMMARY.fileName()))
        .column("sessions", "issue_id");
    assertThat(sessions.get(MAP_401_ID)).isEqualTo(Integer.toString(sessions401.size()));
  }

  @Test
  void manySmallSplitsGiveTheSameReportsAsOneSplitPerFile() throws Exception {
    int wholeFiles = partitions(in);
    int small = withSplits(SPLIT_BYTES, () -> partitions(in));
    assertThat(wholeFiles).isEqualTo(2);
    assertThat(small).as("splits of %d bytes", SPLIT_BYTES)
        .isGreaterThanOrEqualTo((int) (totalBytes / SPLIT_BYTES));

    Path split = tmp.resolve("out-split");
    withSplits(SPLIT_BYTES, () -> MessyLogs.run(SPARK.session(), List.of(in.toString()), split, 0.05));

    assertEveryRecordCountedOnce(whole, "");
    assertEveryRecordCountedOnce(split, "");
    Map<String, String> expected = MessyLogs.csvReports(whole);
    assertThat(MessyLogs.csvReports(split)).isEqualTo(expected);
    assertThat(expected.get("unmatched_errors.csv").lines().count()).isEqualTo(UNMATCHED.size() + 1L);
    assertThat(expected.get("issue_sessions.csv").lines().count()).isEqualTo(sessions401.size() + 1L);
  }

  @Test
  void aGzipCopyIsReadWholeAndGivesTheSameReports() throws Exception {
    // Gzip cannot be split: even with a tiny split size it is one partition per file.
    assertThat(withSplits(SPLIT_BYTES, () -> partitions(gzIn))).isEqualTo(2);

    Path gz = tmp.resolve("out-gz");
    withSplits(SPLIT_BYTES, () -> MessyLogs.run(SPARK.session(), List.of(gzIn.toString()), gz, 0.05));

    assertEveryRecordCountedOnce(gz, ".gz");
    assertThat(MessyLogs.csvReports(gz)).isEqualTo(MessyLogs.csvReports(whole));
    assertThat(Files.exists(gz.resolve("_SUCCESS"))).isTrue();
  }
}
