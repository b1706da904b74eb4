package org.dwlogs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.ReportCsv;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.ingest.InputException;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.job.ReportJob;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.report.ReportTable;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index on {@code sample-logs/}: search counts equal the true counts, a report from the
 * index equals the report from the raw files, append adds only new files, and a failed task
 * leaves no partial shard. Runs on {@code local[2,2]}: two threads, a task may be retried once.
 */
class IndexSearchTest {
  static final String SAMPLE = "sample-logs";
  static final ObjectMapper JSON = new ObjectMapper();

  static SparkSession spark;
  @TempDir
  static Path tmp;
  static Path index;
  static IndexBuilder.Result built;
  static JsonNode truth;

  @BeforeAll
  static void indexSampleLogs() throws IOException {
    spark = SparkSession.builder().appName("dwlogs test IndexSearchTest").master("local[2,2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate();
    truth = JSON.readTree(Path.of("src/test/resources/sample-truth/truth.json").toFile());
    index = tmp.resolve("index");
    built = build(List.of(SAMPLE), index, false);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  static IndexBuilder.Result build(List<String> inputs, Path dir, boolean append) throws IOException {
    return new IndexBuilder(spark, new IndexBuilder.Options(inputs, dir.toString(),
        CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneId.of("UTC"), append,
        Map.of("inputs", inputs))).run();
  }

  static Searcher.Result search(String query) throws IOException {
    return SparkSearcher.search(spark, index.toString(), new Searcher.Request(query, null, null, 5),
        null, true);
  }

  static List<String> shardFolders(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(IndexManifest.SHARDS))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static List<String> listed(IndexManifest m) {
    return m.shards().stream().map(IndexManifest.Shard::name).sorted().toList();
  }

  @Test
  void theManifestListsEveryFileAndExactlyTheShardsOnDisk() throws IOException {
    IndexManifest m = built.manifest();
    assertThat(m.schemaVersion()).isEqualTo(IndexManifest.SCHEMA_VERSION);
    assertThat(m.records()).isEqualTo(truth.get("total_records").asLong());
    assertThat(m.malformed()).isEqualTo(1); // the banner before the service log's first record
    assertThat(m.documents()).isEqualTo(m.records() + m.malformed());
    assertThat(m.shards()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.documents()).isEqualTo(s.records() + s.malformed()));
    assertThat(m.files()).extracting(IndexManifest.SourceFile::display)
        .containsExactlyElementsOf(truth.get("files").properties().stream()
            .map(e -> SAMPLE + "/" + e.getKey()).sorted().toList());
    assertThat(m.files()).allSatisfy(f -> {
      JsonNode t = truth.get("files").get(f.display().substring(SAMPLE.length() + 1));
      assertThat(f.records()).as(f.display()).isEqualTo(t.get("records").asLong());
      assertThat(f.bytes()).as(f.display()).isEqualTo(t.get("bytes_on_disk").asLong());
    });
    assertThat(m.timeRange().first()).startsWith("2026-11-18");
    assertThat(m.timeRange().last()).startsWith("2026-11-21");
    assertThat(shardFolders(index)).isEqualTo(listed(m));
    assertThat(index.resolve(IndexManifest.TMP)).doesNotExist();
    assertThat(IndexManifest.read(IndexStore.fs(new org.apache.hadoop.fs.Path(index.toUri()),
        spark.sparkContext().hadoopConfiguration()), new org.apache.hadoop.fs.Path(index.toUri())))
        .isEqualTo(m);
  }

  @Test
  void everyIssueIdAndEveryCatalogQueryFindsTheTrueCounts() throws IOException {
    Searcher.Result r = search("issue_id:map-create-401");
    JsonNode map401 = truth.get("issues").get("map-create-401");
    assertThat(r.hits()).isEqualTo(map401.get("occurrences").asLong()).isPositive();
    assertThat(r.sessions()).isEqualTo(map401.get("distinct_sessions").asLong());
    assertThat(r.activities()).isEqualTo(map401.get("distinct_activities").asLong());
    assertThat(r.newest()).hasSize(5).isSortedAccordingTo(new Searcher.NewestFirst());
    assertThat(r.newest().get(0).timestamp())
        .isEqualTo(Instant.parse(map401.get("last_timestamp").asText()).toEpochMilli());
    for (Signature s : CatalogLoader.bundled().signatures()) {
      JsonNode t = truth.get("issues").get(s.issueId());
      Searcher.Result byId = search("issue_id:" + s.issueId());
      assertThat(byId.hits()).as(s.issueId()).isEqualTo(t.get("occurrences").asLong());
      assertThat(byId.sessions()).as(s.issueId()).isEqualTo(t.get("distinct_sessions").asLong());
      assertThat(byId.activities()).as(s.issueId())
          .isEqualTo(t.get("distinct_activities").asLong());
      Map<String, Long> perDay = new TreeMap<>();
      t.get("by_utc_day").properties().forEach(d -> {
        if (d.getValue().asLong() > 0) {
          perDay.put(d.getKey(), d.getValue().asLong());
        }
      });
      Map<String, Long> actualPerDay = new TreeMap<>();
      byId.perDay().forEach((day, d) -> actualPerDay.put(day, d.hits()));
      assertThat(actualPerDay).as(s.issueId()).isEqualTo(perDay);
      // The catalog's own query over the indexed message finds the same records, and also
      // those the query matches but the entry does not count: a generic entry's text out of
      // dual-write context, a general entry's text inside a more specific entry's message.
      long outOfContext = t.path("generic_text_out_of_context").asLong(0);
      boolean overridden = CatalogLoader.bundled().signatures().stream()
          .anyMatch(o -> o.overrides().contains(s.issueId()));
      if (overridden) {
        assertThat(search(s.query()).hits()).as(s.query())
            .isGreaterThanOrEqualTo(byId.hits() + outOfContext);
      } else {
        assertThat(search(s.query()).hits()).as(s.query()).isEqualTo(byId.hits() + outOfContext);
      }
    }
  }

  @Test
  void levelsTimestampsAndWindowsNarrowTheHits() throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long errors = LogReader.read(sc, InputLister.list(List.of(SAMPLE), sc.hadoopConfiguration(),
            null), ConfigLoader.bundled(), ZoneId.of("UTC"))
        .filter(p -> p instanceof LogRecord r && "ERROR".equals(r.level())).count();
    assertThat(errors).isPositive();
    assertThat(search("level:error").hits()).isEqualTo(errors);
    assertThat(search("level:ERROR").hits()).isEqualTo(errors);
    JsonNode map401PerDay = truth.get("issues").get("map-create-401").get("by_utc_day");
    long on19th = map401PerDay.get("2026-11-19").asLong();
    long on20th = map401PerDay.get("2026-11-20").asLong();
    assertThat(on19th).isPositive();
    assertThat(search("issue_id:map-create-401 AND timestamp:[2026-11-19 TO 2026-11-19]").hits())
        .isEqualTo(on19th);
    assertThat(search("issue_id:map-create-401 AND timestamp:2026-11-19").hits()).isEqualTo(on19th);
    Searcher.Result windowed = SparkSearcher.search(spark, index.toString(),
        new Searcher.Request("issue_id:map-create-401", Instant.parse("2026-11-19T00:00:00Z"),
            Instant.parse("2026-11-21T00:00:00Z"), 0), null, true);
    assertThat(windowed.hits()).isEqualTo(on19th + on20th);
    assertThat(windowed.newest()).isEmpty();
    assertThat(search("*:*").hits()).isEqualTo(truth.get("total_records").asLong());
  }

  @Test
  void theHitsAreWrittenAsCsvNewestFirstWithTheDailyCountsBeside() throws IOException {
    Path out = tmp.resolve("search/hits.csv");
    Searcher.Result r = SparkSearcher.search(spark, index.toString(),
        new Searcher.Request("issue_id:link-403-tokenexchange", null, null, 3), out.toString(), true);
    ReportCsv hits = ReportCsv.read(out);
    assertThat(hits.header()).isEqualTo(Searcher.HITS.columns());
    assertThat((long) hits.rows().size()).isEqualTo(r.hits())
        .isEqualTo(truth.get("issues").get("link-403-tokenexchange").get("occurrences").asLong());
    List<String> times = hits.rows().stream().map(h -> h.get("timestamp")).toList();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(hits.rows()).allSatisfy(h ->
        assertThat(h.get("issue_ids")).contains("link-403-tokenexchange"));
    assertThat(hits.rows().get(0).get("message")).contains("403");
    ReportCsv daily = ReportCsv.read(tmp.resolve("search/hits_daily.csv"));
    assertThat(daily.sum("hits")).isEqualTo(r.hits());
  }

  /**
   * The hand-written logs of {@code search-fixture/}: a text log and a JSON Lines file, with a
   * multi-line record, two records on one timestamp, one record on the last millisecond of a
   * day, one without a timestamp and one whose session ID holds a lone surrogate.
   */
  static final String FIXTURE = "src/test/resources/search-fixture";

  @Test
  void theDriverSearchAndTheSparkSearchGiveTheTrueCountsAndTheSameOutput() throws IOException {
    Path dir = tmp.resolve("fixture-index");
    IndexBuilder.Result fixture = build(List.of(FIXTURE), dir, false);
    assertThat(fixture.manifest().records()).isEqualTo(10);
    assertThat(fixture.manifest().malformed()).isZero();
    Searcher.Result r = bothPaths(dir, "\"does not indicate success\"", 4);
    assertThat(r.hits()).isEqualTo(6);
    assertThat(r.sessions()).isEqualTo(5);
    assertThat(r.activities()).isEqualTo(3);
    assertThat(r.perDay()).isEqualTo(Map.of("2026-11-20", new Searcher.Day(3, 2),
        "2026-11-21", new Searcher.Day(2, 2)));
    assertThat(r.withoutTimestamp()).isEqualTo(1);
    assertThat(r.newest()).extracting(h -> h.sessionId().substring(0, 8))
        .containsExactly("33333333", "44444444", "22222222", "11111111");
    Searcher.Result refused = bothPaths(dir, "\"refused to connect\"", 5);
    assertThat(refused.hits()).isEqualTo(2);
    assertThat(refused.sessions()).isEqualTo(2);
    assertThat(refused.newest()).extracting(Searcher.Hit::sessionId)
        .containsExactly("\ud800x", "33333333-3333-4333-8333-333333333333");
    assertThat(bothPaths(dir, "level:error", 20).hits()).isEqualTo(6);
    assertThat(bothPaths(dir, "session_id:11111111-1111-4111-8111-111111111111", 20).hits())
        .isEqualTo(3);
    assertThat(bothPaths(dir, "*:*", 0).hits()).isEqualTo(10);
    assertThat(bothPaths(dir, "nothing-matches-this", 3).hits()).isZero();
    for (String q : List.of("issue_id:map-create-401", "level:error AND NOT issue_id:*",
        "\"token exchange\" AND timestamp:2026-11-20", "session_id:*")) {
      bothPaths(index, q, 7); // sample-logs: the paths agree there too
    }
  }

  /**
   * Searches {@code dir} in the driver and with Spark, asserts the same result and the same
   * hits and daily files byte for byte, and returns the result.
   */
  static Searcher.Result bothPaths(Path dir, String query, int limit) throws IOException {
    Searcher.Request request = new Searcher.Request(query, null, null, limit);
    Path inDriver = tmp.resolve("both/driver.csv");
    Path withSpark = tmp.resolve("both/spark.csv");
    Files.createDirectories(inDriver.getParent());
    Searcher.Result a = Searcher.search(dir.toString(), request,
        inDriver.toString(), true);
    Searcher.Result b = SparkSearcher.search(spark, dir.toString(), request, withSpark.toString(),
        true);
    assertThat(a).as(query).isEqualTo(b);
    assertThat(inDriver).as(query).hasSameBinaryContentAs(withSpark);
    assertThat(Path.of(Searcher.dailyPath(inDriver.toString()))).as(query)
        .hasSameBinaryContentAs(Path.of(Searcher.dailyPath(withSpark.toString())));
    assertThat((long) ReportCsv.read(inDriver).rows().size()).as(query).isEqualTo(a.hits());
    Searcher.Result summaryOnly = Searcher.search(dir.toString(),
        request, null, true);
    assertThat(summaryOnly.hits()).isEqualTo(a.hits());
    assertThat(summaryOnly.perDay()).isEqualTo(a.perDay());
    assertThat(summaryOnly.newest()).extracting(Searcher.Hit::firstLine)
        .isEqualTo(a.newest().stream().map(Searcher.Hit::firstLine).toList());
    return a;
  }

  @Test
  void aReportFromTheIndexEqualsTheReportFromTheRawLogs() throws IOException {
    Path raw = tmp.resolve("report-raw");
    Path fromIndex = tmp.resolve("report-index");
    report(raw, null);
    report(fromIndex, new IndexSource(index.toString()));
    List<String> files = new java.util.ArrayList<>(
        ReportTable.ALL.stream().map(ReportTable::fileName).toList());
    files.add(ReportTable.QUARANTINE.fileName());
    for (String f : files) {
      assertThat(fromIndex.resolve(f)).as(f).hasSameBinaryContentAs(raw.resolve(f));
    }
    JsonNode a = JSON.readTree(raw.resolve(ReportTable.MANIFEST).toFile());
    JsonNode b = JSON.readTree(fromIndex.resolve(ReportTable.MANIFEST).toFile());
    // The index keeps the records, not how their files were decoded: a report from it names
    // no encoding or layout per input.
    for (JsonNode input : a.get("inputs")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) input).remove(
          List.of("encoding", "layout", "day_first"));
    }
    for (String part : List.of("inputs", "totals", "catalog", "reports")) {
      assertThat(b.get(part)).as(part).isEqualTo(a.get(part));
    }
  }

  static void report(Path out, ReportJob.Source source) throws IOException {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("inputs", source == null ? List.of(SAMPLE) : List.of());
    RunOptions options = new RunOptions(source == null ? List.of(SAMPLE) : List.of(),
        out.toString(), CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneId.of("UTC"),
        parameters);
    new ReportJob(spark, options, source).run();
  }

  @Test
  void appendAddsShardsForNewFilesOnlyAndIsANoOpWhenNothingIsNew() throws IOException {
    Path logs = tmp.resolve("append-logs");
    Path dir = tmp.resolve("append-index");
    Files.createDirectories(logs);
    copy("service/dualwrite-service-2026-11-18.log", logs);
    copy("livesync/livesync-2026-11-19.jsonl", logs);
    IndexBuilder.Result first = build(List.of(logs.toString()), dir, true);
    assertThat(first.addedFiles()).hasSize(2);
    Map<String, FileTime> before = fileTimes(dir.resolve(IndexManifest.SHARDS));

    copy("errorlog/DualWriteErrorLog-export.csv", logs);
    copy("service/dualwrite-service-2026-11-20.log.gz", logs);
    IndexBuilder.Result second = build(List.of(logs.toString()), dir, true);
    assertThat(second.addedFiles()).extracting(f -> Path.of(f.display()).getFileName().toString())
        .containsExactly("DualWriteErrorLog-export.csv", "dualwrite-service-2026-11-20.log.gz");
    assertThat(second.addedShards()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.generation()).isEqualTo(2));
    IndexManifest m = second.manifest();
    assertThat(m.files()).hasSize(4);
    assertThat(m.shards()).containsAll(first.manifest().shards());
    assertThat(m.records()).isEqualTo(Stream.of("service/dualwrite-service-2026-11-18.log",
            "livesync/livesync-2026-11-19.jsonl", "errorlog/DualWriteErrorLog-export.csv",
            "service/dualwrite-service-2026-11-20.log.gz")
        .mapToLong(f -> truth.get("files").get(f).get("records").asLong()).sum());
    Map<String, FileTime> after = fileTimes(dir.resolve(IndexManifest.SHARDS));
    before.forEach((file, time) -> assertThat(after.get(file)).as("untouched: " + file)
        .isEqualTo(time));
    assertThat(shardFolders(dir)).isEqualTo(listed(m));

    byte[] manifest = Files.readAllBytes(dir.resolve(IndexManifest.FILE_NAME));
    IndexBuilder.Result third = build(List.of(logs.toString()), dir, true);
    assertThat(third.noop()).isTrue();
    assertThat(Files.readAllBytes(dir.resolve(IndexManifest.FILE_NAME))).isEqualTo(manifest);

    Path changed = logs.resolve("dualwrite-service-2026-11-18.log");
    Files.writeString(changed, "2026-11-22 00:00:00,000 INFO [X] more\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> build(List.of(logs.toString()), dir, true))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("dualwrite-service-2026-11-18.log").hasMessageContaining("--append");
    assertThat(Files.readAllBytes(dir.resolve(IndexManifest.FILE_NAME))).isEqualTo(manifest);
  }

  static void copy(String sample, Path to) throws IOException {
    Path from = Path.of(SAMPLE, sample);
    Path target = to.resolve(from.getFileName());
    Files.copy(from, target);
    Files.setLastModifiedTime(target, Files.getLastModifiedTime(from));
  }

  static Map<String, FileTime> fileTimes(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      Map<String, FileTime> out = new TreeMap<>();
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
      return out;
    }
  }

  @Test
  void aTaskThatFailsAfterCopyingItsShardLeavesNoPartialShard() throws IOException {
    Path dir = tmp.resolve("retried-index");
    var conf = spark.sparkContext().hadoopConfiguration();
    conf.setInt(IndexBuilder.FAIL_FIRST_ATTEMPT, 0);
    IndexBuilder.Result r;
    try {
      r = build(List.of(SAMPLE), dir, false);
    } finally {
      conf.unset(IndexBuilder.FAIL_FIRST_ATTEMPT);
    }
    IndexManifest m = r.manifest();
    assertThat(m.shards()).filteredOn(s -> s.partition() == 0).singleElement()
        .satisfies(s -> assertThat(s.attempt()).isEqualTo(1));
    assertThat(m.shards()).filteredOn(s -> s.partition() != 0)
        .allSatisfy(s -> assertThat(s.attempt()).isZero());
    assertThat(shardFolders(dir)).isEqualTo(listed(m));
    assertThat(dir.resolve(IndexManifest.TMP)).doesNotExist();
    assertThat(m.records()).isEqualTo(truth.get("total_records").asLong());
    assertThat(m.shards()).extracting(IndexManifest.Shard::documents)
        .isEqualTo(built.manifest().shards().stream().map(IndexManifest.Shard::documents).toList());
  }
}
