package org.dwlogs.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.junit.jupiter.api.Test;

/**
 * The per-shard search on records built here, whose true counts the tests state: hits,
 * distinct sessions and activities, per-day counts and the newest hits, from doc values and,
 * for a shard written before the ID doc values existed, from the stored fields, with the same
 * result. Also the rule that picks the in-driver or the Spark search. No Spark.
 */
class ShardSearchTest {
  static final String LONG_SESSION = "l" + "x".repeat(40_000); // too long for doc values
  static final String LONE_SURROGATE = "\ud800bad"; // UTF-8 cannot carry it

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  static LogRecord record(String file, long offset, Long ts, String level, String message,
      String session, String activity) {
    return new LogRecord(file, new Position(Position.Kind.OFFSET, offset), ts, level, "Comp",
        message, session, activity, false);
  }

  /**
   * Seven records match {@code alpha}. Two tie on the newest-but-one timestamp and the one in
   * the later file comes first in the shard, so document order must not break the tie.
   */
  static final List<Parsed> RECORDS = List.of(
      record("f1.log", 0, at("2026-11-20T01:00:00Z"), "ERROR", "alpha refused", "s1", "a1"),
      record("f1.log", 100, at("2026-11-20T02:00:00Z"), "ERROR", "alpha refused", "s1", "a2"),
      record("f2.log", 0, at("2026-11-21T03:00:00Z"), "ERROR", "alpha refused", "s3", null),
      record("f1.log", 200, at("2026-11-21T03:00:00Z"), "WARN", "alpha refused\nsecond line",
          "s2", "a3"),
      record("f2.log", 50, null, "ERROR", "alpha refused", "s4", "a4"),
      record("f2.log", 80, at("2026-11-21T05:00:00Z"), "INFO", "beta only", "s5", "a6"),
      record("f2.log", 90, at("2026-11-20T06:00:00Z"), "ERROR", "alpha refused", LONG_SESSION,
          "a5"),
      record("f2.log", 120, at("2026-11-21T07:00:00Z"), "ERROR", "alpha refused", LONE_SURROGATE,
          "a1"),
      new Malformed("f2.log", new Position(Position.Kind.OFFSET, 140), Malformed.Kind.BAD_TIMESTAMP,
          "no timestamp", "alpha refused s9"));

  /** A one-segment shard of {@link #RECORDS}; {@code withIdValues} false: as before doc values. */
  static Directory shard(boolean withIdValues) throws IOException {
    return shard(RECORDS, withIdValues);
  }

  static Directory shard(List<Parsed> records, boolean withIdValues) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig conf = new IndexWriterConfig(IndexFields.analyzer()).setCodec(IndexFields.codec());
    try (IndexWriter w = new IndexWriter(dir, conf)) {
      for (Parsed p : records) {
        Document d = IndexFields.toDocument(p, p.source(), List.of());
        w.addDocument(withIdValues ? d : withoutIdValues(d));
      }
      w.forceMerge(1);
    }
    return dir;
  }

  static Document withoutIdValues(Document d) {
    Document old = new Document();
    for (IndexableField f : d.getFields()) {
      if (!List.of(IndexFields.SESSION_ID_DV, IndexFields.ACTIVITY_ID_DV,
          IndexFields.IDS_STORED_ONLY).contains(f.name())) {
        old.add(f);
      }
    }
    return old;
  }

  static ShardSearch.Summary summarize(Directory dir, Searcher.Request request) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      return ShardSearch.summarize(r, Searcher.query(request), request.limit(), false);
    }
  }

  static Searcher.Request request(String query, int limit) {
    return new Searcher.Request(query, null, null, limit);
  }

  @Test
  void theCountsAreTheTrueCounts() throws IOException {
    try (Directory dir = shard(true)) {
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertThat(r.leaves().get(0).reader().getFieldInfos().fieldInfo(IndexFields.SESSION_ID_DV))
            .as("the shard has ID doc values").isNotNull();
      }
      ShardSearch.Summary s = summarize(dir, request("alpha", 3));
      assertThat(s.hits()).isEqualTo(7); // not the beta record, not the malformed one
      assertThat(s.sessions()).containsExactlyInAnyOrder("s1", "s2", "s3", "s4", LONG_SESSION,
          LONE_SURROGATE);
      assertThat(s.activities()).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5");
      Searcher.Result r = s.toResult(null);
      assertThat(r.perDay()).isEqualTo(Map.of(
          "2026-11-20", new Searcher.Day(3, 2),
          "2026-11-21", new Searcher.Day(3, 3)));
      assertThat(r.withoutTimestamp()).isEqualTo(1);
      assertThat(s.newest()).extracting(Searcher.Hit::sessionId)
          .containsExactly(LONE_SURROGATE, "s2", "s3");
      assertThat(s.newest().get(1).message()).isEqualTo("alpha refused"); // first line only

      assertThat(summarize(dir, request("level:error AND alpha", 0)).hits()).isEqualTo(6);
      ShardSearch.Summary window = summarize(dir, new Searcher.Request("alpha",
          Instant.parse("2026-11-21T00:00:00Z"), null, 10));
      assertThat(window.hits()).isEqualTo(3);
      assertThat(window.newest()).extracting(Searcher.Hit::sessionId)
          .containsExactly(LONE_SURROGATE, "s2", "s3");
    }
  }

  @Test
  void tiesOnTheLastTimestampAreDecidedByFileAndPositionNotDocumentOrder() throws IOException {
    try (Directory dir = shard(true)) {
      assertThat(summarize(dir, request("alpha", 2)).newest()).extracting(Searcher.Hit::sessionId)
          .containsExactly(LONE_SURROGATE, "s2");
      assertThat(summarize(dir, request("alpha", 100)).newest()).extracting(Searcher.Hit::sessionId)
          .containsExactly(LONE_SURROGATE, "s2", "s3", LONG_SESSION, "s1", "s1", "s4");
      assertThat(summarize(dir, request("alpha", 0)).newest()).isEmpty();
    }
  }

  @Test
  void aShardWithoutIdDocValuesGivesTheSameSummaryFromItsStoredFields() throws IOException {
    try (Directory with = shard(true); Directory without = shard(false)) {
      try (DirectoryReader r = DirectoryReader.open(without)) {
        assertThat(r.leaves().get(0).reader().getFieldInfos().fieldInfo(IndexFields.SESSION_ID_DV))
            .isNull();
      }
      for (String q : List.of("alpha", "level:error AND alpha", "*:*", "beta", "nothing")) {
        assertThat(summarize(without, request(q, 4))).as(q).isEqualTo(summarize(with, request(q, 4)));
      }
      assertThat(summarize(without, request("alpha", 3)).sessions()).hasSize(6);
    }
  }

  @Test
  void summariesMergeToTheSummaryOfTheWhole() throws IOException {
    try (Directory dir = shard(true)) {
      ShardSearch.Summary whole = summarize(dir, request("alpha", 3));
      ShardSearch.Summary merged = ShardSearch.Summary.merge(List.of(
          summarize(dir, new Searcher.Request("alpha", null, Instant.parse("2026-11-21T00:00:00Z"), 3)),
          summarize(dir, new Searcher.Request("alpha", Instant.parse("2026-11-21T00:00:00Z"), null, 3))),
          3);
      // the record without a timestamp is in neither window
      assertThat(merged.hits()).isEqualTo(whole.hits() - 1);
      assertThat(merged.dayHits()).isEqualTo(whole.dayHits());
      assertThat(merged.daySessions()).isEqualTo(whole.daySessions());
      assertThat(merged.newest()).isEqualTo(whole.newest());
      assertThat(merged.sessions()).hasSize(5).doesNotContain("s4");
    }
  }

  @Test
  void shardsReadOnlyTheHitsAtOrAfterTheNewestTimestampsOfAllShards() throws IOException {
    try (Directory whole = shard(true); Directory first = shard(RECORDS.subList(0, 4), true);
        Directory second = shard(RECORDS.subList(4, RECORDS.size()), true);
        DirectoryReader a = DirectoryReader.open(first);
        DirectoryReader b = DirectoryReader.open(second)) {
      Searcher.Request alpha = request("alpha", 2);
      ShardSearch.Counted ca = ShardSearch.count(a, Searcher.query(alpha));
      ShardSearch.Counted cb = ShardSearch.count(b, Searcher.query(alpha));
      assertThat(ca.newestTimestamps(2))
          .containsExactly(at("2026-11-21T03:00:00Z"), at("2026-11-21T03:00:00Z"));
      long threshold = ShardSearch.threshold(
          List.of(ca.newestTimestamps(2), cb.newestTimestamps(2)), 2);
      assertThat(threshold).isEqualTo(at("2026-11-21T03:00:00Z"));
      // the second shard's newest but one (06:00 on the 20th) is not read
      assertThat(cb.summary(threshold, 2, false).newest()).extracting(Searcher.Hit::sessionId)
          .containsExactly(LONE_SURROGATE);
      ShardSearch.Summary merged = ShardSearch.Summary.merge(
          List.of(ca.summary(threshold, 2, false), cb.summary(threshold, 2, false)), 2);
      assertThat(merged).isEqualTo(summarize(whole, alpha));
      assertThat(ShardSearch.threshold(List.of(new long[] {5, 3}, new long[] {4}), 3))
          .as("no more hits than the limit: all may be newest").isEqualTo(Long.MIN_VALUE);
      assertThat(ShardSearch.threshold(List.of(new long[] {5, 3}, new long[] {4}), 2)).isEqualTo(4);
    }
  }

  @Test
  void aLocalIndexOnALocalMasterIsSearchedInTheDriver() {
    java.util.function.Supplier<Configuration> localDefault = () -> null;
    assertThat(Searcher.runsInDriver("idx", null, localDefault)).isTrue();
    assertThat(Searcher.runsInDriver("/var/idx", "local[2]", localDefault)).isTrue();
    assertThat(Searcher.runsInDriver("file:///var/idx", "local", localDefault)).isTrue();
    assertThat(Searcher.runsInDriver("hdfs://nn:8020/idx", null, localDefault)).isFalse();
    assertThat(Searcher.runsInDriver("s3a://bucket/idx", "local[*]", localDefault)).isFalse();
    assertThat(Searcher.runsInDriver("/var/idx", "spark://host:7077", localDefault)).isFalse();
    assertThat(Searcher.runsInDriver("/var/idx", "yarn", localDefault)).isFalse();
    Configuration hdfsDefault = new Configuration();
    hdfsDefault.set("fs.defaultFS", "hdfs://nn:8020");
    assertThat(Searcher.runsInDriver("/var/idx", null, () -> hdfsDefault)).isFalse();
    assertThat(Searcher.runsInDriver("file:/var/idx", null, () -> hdfsDefault)).isTrue();
    assertThat(Searcher.runsInDriver("/var/idx", null, Configuration::new))
        .as("Hadoop's own default is the local file system").isTrue();
    assertThat(Searcher.localFolder("file:///var/idx", localDefault)).isEqualTo(Path.of("/var/idx"));
    assertThat(Searcher.localFolder("idx", localDefault)).isEqualTo(Path.of("idx").toAbsolutePath());
    String before = System.getProperty("spark.master");
    System.setProperty("spark.master", "yarn"); // as spark-submit --master yarn sets it
    try {
      assertThat(Searcher.runsInDriver("/var/idx", null, localDefault)).isFalse();
      assertThat(Searcher.runsInDriver("/var/idx", "local[2]", localDefault)).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty("spark.master");
      } else {
        System.setProperty("spark.master", before);
      }
    }
  }
}
