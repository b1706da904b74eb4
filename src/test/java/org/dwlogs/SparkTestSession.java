package org.dwlogs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One small embedded Spark per test class: {@code local[2]}, no UI, loopback only, four
 * shuffle partitions. Register it as a static field; it starts before the class's first test
 * and stops after its last.
 *
 * <pre>
 * &#64;RegisterExtension static final SparkTestSession SPARK = new SparkTestSession();
 * ... SPARK.session() ...
 * </pre>
 */
public final class SparkTestSession implements BeforeAllCallback, AfterAllCallback {
  public static final String MASTER = "local[2]";

  private SparkSession spark;

  @Override
  public void beforeAll(ExtensionContext context) {
    spark = SparkSession.builder()
        .appName("dwlogs test " + context.getRequiredTestClass().getSimpleName())
        .master(MASTER)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** The running session; only between the class's {@code @BeforeAll} and {@code @AfterAll}. */
  public SparkSession session() {
    if (spark == null) {
      throw new IllegalStateException("Spark is not running: register SparkTestSession as a static @RegisterExtension field");
    }
    return spark;
  }

  private void stop() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
