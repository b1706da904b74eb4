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
    if (master != null) {
      builder.master(master);
    } else if (!conf.contains("spark.master")) {
      builder.master(DEFAULT_MASTER);
    }
    return builder.getOrCreate();
  }
}
