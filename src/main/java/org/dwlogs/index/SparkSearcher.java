package org.dwlogs.index;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The search as one Spark task per shard, for an index on a cluster file system (see
 * {@link Searcher#runsInDriver}). Each task summarises its shard with {@link ShardSearch}, the
 * code the in-driver search runs, and the driver merges the summaries; the hits file, when
 * asked for, is sorted by Spark, so it need not fit in the driver.
 */
public final class SparkSearcher {
  private SparkSearcher() {}

  /**
   * Searches the index at {@code index}. With {@code output} not null, every hit is also
   * written there as CSV, and the per-day counts beside it ({@link Searcher#dailyPath}).
   */
  public static Searcher.Result search(SparkSession spark, String index, Searcher.Request request,
      String output, boolean formulaGuard) throws IOException {
    Searcher.query(request); // fails here, on the driver, when it does not parse
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    sc.setJobGroup("search", "dwlogs: search " + request.query(), false);
    Configuration conf = sc.hadoopConfiguration();
    Path dir = IndexStore.qualified(index, conf);
    IndexManifest manifest = IndexManifest.read(IndexStore.fs(dir, conf), dir);
    List<String> shards = manifest.shards().stream().map(IndexManifest.Shard::name).toList();
    boolean wholeMessage = output != null;
    List<ShardSearch.Summary> parts = List.of();
    if (!shards.isEmpty()) {
      SerializableWritable<Configuration> hadoop = new SerializableWritable<>(conf);
      String root = dir.toString();
      parts = sc.parallelize(shards, shards.size()).map(shard -> {
        try (IndexStore.OpenShard s = IndexStore.OpenShard.open(root, shard, hadoop.value())) {
          return ShardSearch.summarize(s.reader(), Searcher.query(request), request.limit(),
              wholeMessage);
        }
      }).collect();
    }
    Searcher.Result result = ShardSearch.Summary.merge(parts, request.limit()).toResult(manifest);
    if (output != null) {
      JavaRDD<Searcher.Hit> hits = hits(sc, shards, dir.toString(), request);
      Searcher.write(Searcher.Sink.hadoop(conf), hits.sortBy(Searcher.Key::of, true, Math.max(1, hits.getNumPartitions()))
          .toLocalIterator(), result.perDay(), output, formulaGuard);
    }
    return result;
  }

  /** Every hit of every shard with its whole message, one partition per shard. */
  private static JavaRDD<Searcher.Hit> hits(JavaSparkContext sc, List<String> shards, String dir,
      Searcher.Request request) {
    if (shards.isEmpty()) {
      return sc.emptyRDD();
    }
    SerializableWritable<Configuration> hadoop =
        new SerializableWritable<>(sc.hadoopConfiguration());
    return sc.parallelize(shards, shards.size()).flatMap(shard -> {
      ShardHits hits = ShardHits.closing(IndexStore.OpenShard.open(dir, shard, hadoop.value()),
          Searcher.query(request), true);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener(
            (org.apache.spark.util.TaskCompletionListener) ctx -> hits.close());
      }
      return hits;
    });
  }
}
