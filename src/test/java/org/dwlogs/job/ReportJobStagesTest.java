package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.parse.Parsed;
import org.dwlogs.report.ReportTable;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report job's stages are where their work happens: the scan of the input runs in the
 * {@code read_parse_match} stage (its Spark job group), every Spark job runs inside a stage
 * that {@code timings_ms} times, and the progress lines name what really runs. Checked by
 * which Spark jobs did the work, never by timing.
 */
class ReportJobStagesTest {
  @RegisterExtension static final SparkTestSession SPARK = new SparkTestSession();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = SampleLogsReportTest.SAMPLE;
  /** The local property that holds a Spark job's group. */
  private static final String JOB_GROUP = "spark.jobGroup.id";

  /** The job group of every task that read and parsed a partition of the input. */
  private static final Set<String> PARSING_GROUPS = ConcurrentHashMap.newKeySet();

  @TempDir Path tmp;

  @Test
  void theInputIsReadAndParsedOnlyInTheReadParseMatchStage() throws IOException {
    PARSING_GROUPS.clear();
    JobConfig config = ConfigLoader.bundled();
    ReportJob.Source recordingSource = new ReportJob.Source() {
      @Override
      public List<InputFile> list(SparkSession spark) throws IOException {
        return InputLister.list(List.of(SAMPLE), spark.sparkContext().hadoopConfiguration(), null);
      }

      @Override
      public JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files) {
        return LogReader.read(sc, files, config, ZoneOffset.UTC).mapPartitions(it -> {
          PARSING_GROUPS.add(String.valueOf(
              TaskContext.get().getLocalProperty(JOB_GROUP)));
          return it;
        });
      }
    };
    RunResult result = new ReportJob(SPARK.session(), options(tmp.resolve("out"), config),
        recordingSource).run();

    assertThat(result.totals().records()).isPositive();
    assertThat(PARSING_GROUPS).as("job groups of the tasks that parsed the input; a later "
        + "stage would appear here if it read the input again instead of the cache")
        .containsExactly(ReportJob.READ_PARSE_MATCH);
  }

  @Test
  void theFirstInputReadIsInTheReadParseMatchStageAndEveryJobRunsInATimedStage()
      throws Exception {
    Jobs jobs = new Jobs();
    SparkContext sc = SPARK.session().sparkContext();
    sc.addSparkListener(jobs);
    Path out = tmp.resolve("out");
    try {
      new ReportJob(SPARK.session(), options(out, ConfigLoader.bundled())).run();
      jobs.awaitAllEvents(sc);
    } finally {
      sc.removeSparkListener(jobs);
    }

    JsonNode timings = JSON.readTree(out.resolve(ReportTable.MANIFEST).toFile()).get("timings_ms");
    List<String> stages = new ArrayList<>();
    timings.fieldNames().forEachRemaining(stages::add);
    assertThat(stages).startsWith(ReportJob.LIST_INPUTS, ReportJob.SNIFF_INPUTS,
        ReportJob.READ_PARSE_MATCH, "quarantine");
    assertThat(jobs.groups).as("the job group of each Spark job of the run").isNotEmpty()
        .allSatisfy(g -> assertThat(stages).as("timed stages").contains(g));
    assertThat(jobs.firstInputGroup).as("job group of the first task that read input bytes")
        .isEqualTo(ReportJob.READ_PARSE_MATCH);
  }

  @Test
  void progressNamesTheRunningStageAndTheDriverBetweenJobs() {
    StringWriter sink = new StringWriter();
    SparkContext sc = SPARK.session().sparkContext();
    ProgressListener progress = ProgressListener.attach(sc, new PrintWriter(sink), 3600, -1, -1);
    try {
      assertThat(progress.line(System.nanoTime())).contains(" starting;");
      Properties props = new Properties();
      props.setProperty(JOB_GROUP, ReportJob.READ_PARSE_MATCH);
      props.setProperty("spark.job.description", "dwlogs: read, parse and match");
      scala.collection.immutable.Seq<StageInfo> noStages =
          scala.jdk.javaapi.CollectionConverters.asScala(List.<StageInfo>of()).toList();
      progress.onJobStart(new SparkListenerJobStart(901, 0L, noStages, props));
      assertThat(progress.line(System.nanoTime())).contains(" read, parse and match;")
          .doesNotContain("driver");
      progress.onJobEnd(new SparkListenerJobEnd(901, 0L, JobSucceeded$.MODULE$));
      assertThat(progress.line(System.nanoTime()))
          .contains(" driver, after read, parse and match;");
    } finally {
      progress.close();
    }
  }

  private static RunOptions options(Path out, JobConfig config) {
    return new RunOptions(List.of(SAMPLE), out.toString(), CatalogLoader.bundled(), config, null,
        ZoneOffset.UTC, Map.of("inputs", List.of(SAMPLE)));
  }

  /** Each job's group, in start order, and the group of the first task that read input. */
  private static final class Jobs extends SparkListener {
    private static final String SENTINEL = "stages-test-sentinel";
    final List<String> groups = new CopyOnWriteArrayList<>();
    final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
    final CountDownLatch sentinelEnded = new CountDownLatch(1);
    final Set<Integer> sentinelJobs = Collections.newSetFromMap(new ConcurrentHashMap<>());
    volatile String firstInputGroup;

    @Override
    public void onJobStart(SparkListenerJobStart e) {
      String group = e.properties() == null ? null
          : e.properties().getProperty(JOB_GROUP);
      if (SENTINEL.equals(group)) {
        sentinelJobs.add(e.jobId());
        return;
      }
      groups.add(String.valueOf(group));
      scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds())
          .forEach(id -> groupOfStage.put((Integer) id, String.valueOf(group)));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
      if (firstInputGroup == null && e.taskMetrics() != null
          && e.taskMetrics().inputMetrics().bytesRead() > 0) {
        firstInputGroup = groupOfStage.get(e.stageId());
      }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
      if (sentinelJobs.contains(e.jobId())) {
        sentinelEnded.countDown();
      }
    }

    /** Runs a last job and waits for its end: events reach a listener in order. */
    void awaitAllEvents(SparkContext sc) throws InterruptedException {
      sc.setJobGroup(SENTINEL, "sentinel", false);
      try {
        JavaSparkContext.fromSparkContext(sc).parallelize(List.of(1)).count();
      } finally {
        sc.clearJobGroup();
      }
      assertThat(sentinelEnded.await(60, TimeUnit.SECONDS)).as("listener saw the last job")
          .isTrue();
    }
  }
}
