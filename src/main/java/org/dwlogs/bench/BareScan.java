package org.dwlogs.bench;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * The floor of the whole-process figure: a plain Java program that starts Spark, reads every
 * line of the inputs and counts them. {@code BareScan MASTER PATH...}; prints the count.
 */
public final class BareScan {
  private BareScan() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master(args[0]).appName("bare scan")
        .getOrCreate();
    try {
      System.out.println(spark.read().text(Arrays.copyOfRange(args, 1, args.length)).count());
    } finally {
      spark.stop();
    }
  }
}
