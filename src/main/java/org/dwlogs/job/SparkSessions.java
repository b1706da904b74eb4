package org.dwlogs.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts Spark the way each of the three run modes needs. */
public final class SparkSessions {
  /** The master of a run without spark-submit and without --master: embedded Spark. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * A session on {@code master} when given; else on the master spark-submit configured;
   * else embedded on {@value #DEFAULT_MASTER}.
   */
  public static SparkSession getOrCreate(String master, String appName) {
    SparkConf conf = new SparkConf(); // picks up spark.* system properties set by spark-submit
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    String effective = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
    builder.master(effective);
    if (effective.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // The report tables are small after per-partition aggregation: Spark's default of 200
      // shuffle partitions would be 200 tasks per table on a laptop, mostly overhead.
      builder.config("spark.sql.shuffle.partitions",
          Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }
    return builder.getOrCreate();
  }
}
