package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.parse.Malformed;
import org.dwlogs.report.ReportTable;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed records in runs with a time window (the nightly timestamp layout): each counts in
 * the day of the nearest readable timestamp before it in its file (the next one when its
 * split has none before it; the file's modification time when the split has none at all), so
 * each is quarantined in exactly one day, however the file is split. The input is
 * {@code src/test/resources/dualwrite-inputs/malformed-days/}: {@code three-days.log} has 5 records
 * with unreadable timestamps (2 on 2026-11-19, the first of them before any readable
 * timestamp, 1 on 11-20, 2 on 11-21) and is dated 2026-11-21 by the test;
 * {@code no-timestamps.log} has 3 lines and no record start, and is dated 2026-11-20.
 */
class MalformedDaysReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
  static final List<String> DAYS = List.of("2026-11-19", "2026-11-20", "2026-11-21");

  @TempDir
  static Path tmp;
  static Path in;

  @BeforeAll
  static void copyTheFixtures() throws IOException {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    for (String name : List.of("three-days.log", "no-timestamps.log")) {
      Files.copy(Path.of("src/test/resources/dualwrite-inputs/malformed-days", name), in.resolve(name));
    }
    Files.setLastModifiedTime(in.resolve("no-timestamps.log"),
        FileTime.from(Instant.parse("2026-11-20T12:00:00Z")));
    Files.setLastModifiedTime(in.resolve("three-days.log"),
        FileTime.from(Instant.parse("2026-11-21T12:00:00Z")));
  }

  /** The day each malformed record is counted in, by file name and offset. */
  static Map<String, String> malformedDays() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
    List<Malformed> malformed = LogReader.read(sc, InputLister.list(List.of(in.toString()),
            sc.hadoopConfiguration(), null), ConfigLoader.bundled(), ZoneOffset.UTC)
        .filter(p -> p instanceof Malformed).map(p -> (Malformed) p).collect();
    Map<String, String> days = new TreeMap<>();
    for (Malformed m : malformed) {
      String name = m.source().substring(m.source().lastIndexOf('/') + 1);
      assertThat(m.timestampHint()).as("%s at %s", name, m.position()).isNotNull();
      String key = name + "@" + m.position().value();
      assertThat(days.put(key, DAY.format(Instant.ofEpochMilli(m.timestampHint())))).isNull();
    }
    return days;
  }

  static Map<String, Long> perDay(Map<String, String> days) {
    Map<String, Long> out = new TreeMap<>();
    days.values().forEach(d -> out.merge(d, 1L, Long::sum));
    return out;
  }

  @Test
  void readWholeEachMalformedRecordHasTheDayOfTheTimestampBeforeIt() {
    Map<String, String> days = malformedDays();
    assertThat(days).hasSize(8);
    assertThat(days.get("three-days.log@0")).isEqualTo("2026-11-19"); // none before: the next
    assertThat(perDay(days)).isEqualTo(Map.of("2026-11-19", 2L, "2026-11-20", 1L + 3L,
        "2026-11-21", 2L));
  }

  @ParameterizedTest(name = "splits of {0} bytes")
  @ValueSource(longs = {40, 97, 256})
  void inSmallSplitsEachMalformedRecordStillHasExactlyOneDay(long splitBytes) throws Exception {
    org.apache.hadoop.conf.Configuration conf =
        SPARK.session().sparkContext().hadoopConfiguration();
    Map<String, String> days;
    conf.setLong(SplitSafeReportTest.MAX_SPLIT, splitBytes);
    conf.setLong(SplitSafeReportTest.MIN_SPLIT, 1);
    try {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
      assertThat(LogReader.read(sc, InputLister.list(List.of(in.toString()),
          sc.hadoopConfiguration(), null), ConfigLoader.bundled(), ZoneOffset.UTC)
          .getNumPartitions()).isGreaterThan(2);
      days = malformedDays();
    } finally {
      conf.unset(SplitSafeReportTest.MAX_SPLIT);
      conf.unset(SplitSafeReportTest.MIN_SPLIT);
    }
    // The same 8 records, each in one day. A split that starts with a malformed record dates
    // it by the next readable timestamp of the split, or, in a split without any, by the
    // file's modification time (2026-11-21 here); so its day may move, but it has one.
    assertThat(days.keySet()).isEqualTo(malformedDays().keySet());
    assertThat(days.values()).allMatch(DAYS::contains);
  }

  @Test
  void eachNightlyDayQuarantinesItsOwnMalformedRecordsAndNoneTwice() throws IOException {
    Map<String, Long> quarantined = new HashMap<>();
    List<String> all = new ArrayList<>();
    for (String day : DAYS) {
      Instant from = Instant.parse(day + "T00:00:00Z");
      Path out = tmp.resolve("out-" + day);
      new ReportJob(SPARK.session(), new RunOptions(List.of(in.toString()),
          out.toString(), CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneOffset.UTC,
          Map.of(), 1.0, true, from, from.plusSeconds(86_400))).run();
      List<Map<String, String>> rows =
          ReportCsv.read(out.resolve(ReportTable.QUARANTINE.fileName())).rows();
      quarantined.put(day, (long) rows.size());
      rows.forEach(r -> all.add(r.get("source") + "@" + r.get("position")));
      assertThat(MessyLogs.manifest(out).get("totals").get("malformed").asLong())
          .isEqualTo(rows.size());
    }
    assertThat(quarantined).isEqualTo(Map.of("2026-11-19", 2L, "2026-11-20", 4L,
        "2026-11-21", 2L));
    assertThat(all).hasSize(8).doesNotHaveDuplicates();
  }
}
