package org.dwlogs.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.bench.Benchmark;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dwlogs bench}: bare scan vs report job vs naive matching, measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
    description = {"Measures the report job against a bare Spark scan and naive matching.",
        "",
        "On the same files and master: the bare scan (Spark reads and counts every line), the full",
        "report job, the report job with only the seed page's entries, and every catalog query",
        "against a Lucene MemoryIndex of every record. Prints the median time and MB/s of each,",
        "the ratios report/bare, whole/seed catalog and naive/report; then",
        "the index build MB/s and the latency of a few searches over the built index."})
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "PATH",
      description = "Log files or folders to measure on.")
  List<String> inputs;

  @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
      description = "Measured runs of each approach, after one warm-up (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--index", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also time building a Lucene index of the input and searches over it "
          + "(default: on; --no-index to skip).")
  boolean index;

  @Option(names = "--naive", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also time naive matching, every query on every record (default: on; "
          + "--no-naive to skip: with the whole catalog it takes minutes).")
  boolean naive;

  @Option(names = "--double-input", paramLabel = "PATH",
      description = "A generated input twice the size of --input: the report job's time on it "
          + "against --input shows whether the cost is linear.")
  String doubleInput;

  @Option(names = "--large-input", paramLabel = "PATH",
      description = "A large generated input (5 GB): the report job runs on it once as a "
          + "process with a 1 GB heap, which must complete.")
  String largeInput;

  @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() throws Exception {
    RunOptions options = new RunOptions(inputs, "unused", CatalogLoader.bundled(),
        ConfigLoader.bundled(), null, ZoneOffset.UTC, Map.of("inputs", inputs));
    SparkSession spark = SparkSessions.getOrCreate(master, "dwlogs bench");
    try {
      PrintWriter out = spec.commandLine().getOut();
      new Benchmark(spark, options, Math.max(1, runs), out, index, naive)
          .scaling(doubleInput, largeInput).run();
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }
}
