package org.dwlogs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ScanAggregation} on Spark, over records built with known counts and spread over
 * partitions in shuffled order: the distinct IDs counted bucket by bucket are the true
 * distinct counts, the scan is one Spark job, and the quarantine is every malformed record in
 * file order, read without computing the input again.
 */
class ScanAggregationTest {
  @RegisterExtension static final SparkTestSession SPARK = new SparkTestSession();
  private static final Catalog CATALOG = CatalogLoader.bundled();
  private static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final String GROUP = "scan-aggregation-test";

  /** 3,000 records over 3 files: 400 sessions and 1,000 activities, each seen several times. */
  private static List<Parsed> records(int malformed) {
    List<Parsed> out = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String session = String.format("%08x-0000-4000-8000-%012x", i % 400, i % 400);
      // A quarter of the activities are not in GUID form: they count as strings.
      String activity = i % 1_000 < 250 ? "act-" + (i % 1_000)
          : String.format("%08x-1111-4000-8000-%012x", i % 1_000, 7L * (i % 1_000));
      out.add(new LogRecord("f" + (i % 3) + ".log", Position.offset(10L * i), null, "INFO",
          "Host", "Heartbeat " + i, session, activity, false));
    }
    for (int i = 0; i < malformed; i++) {
      out.add(new Malformed("f" + (i % 3) + ".log", Position.offset(10L * i + 5),
          Malformed.Kind.BAD_HEADER, "bad " + i, "raw " + i));
    }
    Collections.shuffle(out, new Random(11));
    return out;
  }

  private static ScanAggregation.ScanFactory factory() {
    Set<String> errorLevels = new HashSet<>(CONFIG.errorLevels());
    return () -> new PartitionScan(
        SignatureMatcher.forThisThread(CATALOG, CONFIG.context().dualWrite()),
        new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity()), errorLevels);
  }

  /** Runs {@code work} in a job group; returns how many Spark jobs it started. */
  private static int jobsOf(Runnable work) throws java.util.concurrent.TimeoutException {
    SparkContext sc = SPARK.session().sparkContext();
    sc.setJobGroup(GROUP, GROUP, false);
    int before;
    try {
      sc.listenerBus().waitUntilEmpty();
      before = sc.statusTracker().getJobIdsForGroup(GROUP).length;
      work.run();
      sc.listenerBus().waitUntilEmpty();
      return sc.statusTracker().getJobIdsForGroup(GROUP).length - before;
    } finally {
      sc.clearJobGroup();
    }
  }

  @Test
  void countsTheTrueDistinctIdsInOneJobAndStreamsTheQuarantineInFileOrder() throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
    LongAccumulator computed = sc.sc().longAccumulator("partitions computed");
    JavaRDD<Parsed> input = sc.parallelize(records(40), 4).mapPartitions((Iterator<Parsed> it) -> {
      computed.add(1);
      return it;
    });
    ScanAggregation.Scan[] scan = new ScanAggregation.Scan[1];

    int scanJobs = jobsOf(() -> scan[0] = ScanAggregation.run(input, factory(), 3));
    assertThat(scanJobs).as("Spark jobs of the scan").isEqualTo(1);
    assertThat(scan[0].sessions()).isEqualTo(400);
    assertThat(scan[0].activities()).isEqualTo(1_000);
    assertThat(scan[0].summary().records()).isEqualTo(3_000);
    assertThat(scan[0].summary().malformed()).isEqualTo(40);

    List<Malformed> quarantined = new ArrayList<>();
    scan[0].quarantine().forEachRemaining(quarantined::add);
    List<Malformed> expected = new ArrayList<>();
    for (Parsed p : records(40)) {
      if (p instanceof Malformed m) {
        expected.add(m);
      }
    }
    expected.sort((a, b) -> a.source().equals(b.source())
        ? Long.compare(a.position().value(), b.position().value())
        : a.source().compareTo(b.source()));
    assertThat(quarantined).containsExactlyElementsOf(expected);
    assertThat(computed.value()).as("input partitions computed: once each, for the scan only")
        .isEqualTo(4);
  }

  @Test
  void withoutMalformedRecordsTheQuarantineStartsNoJob() throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
    ScanAggregation.Scan scan = ScanAggregation.run(sc.parallelize(records(0), 3), factory(), 2);
    int jobs = jobsOf(() -> assertThat(scan.quarantine().hasNext()).isFalse());
    assertThat(jobs).isZero();
    assertThat(scan.sessions()).isEqualTo(400);
  }

  @Test
  void anEmptyInputHasAnEmptySummary() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
    ScanAggregation.Scan scan = ScanAggregation.run(sc.parallelize(List.<Parsed>of(), 2),
        factory(), 2);
    assertThat(scan.summary().records()).isZero();
    assertThat(scan.sessions()).isZero();
    assertThat(ReportTables.perFile(scan.summary())).isEmpty();
  }
}
