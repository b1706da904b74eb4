package org.dwlogs.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.JobConfig;
import org.dwlogs.index.IndexBuilder;
import org.dwlogs.index.IndexManifest;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.signatures.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dwlogs index}: builds or extends a Lucene index of the logs. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpWidth = 100,
    description = {"Builds a Lucene index of the logs for 'search' and 'report --index'.",
        "",
        "Spark reads and parses the inputs as 'report' does; each task writes one shard, and",
        "the index's manifest.json, written last, lists the complete shards. With --append,",
        "only files not indexed yet are read, into new shards; the existing shards stay as",
        "they are. Without it, the index is rebuilt from the inputs."},
    footer = {"", "Exit codes: 0 done, 1 usage or configuration error, 2 input or output problem,",
        "4 internal error."})
final class IndexCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "PATH",
      description = "Log files or folders; any Hadoop file system URI (file://, hdfs://, s3a://).")
  List<String> inputs;

  @Option(names = "--index", required = true, paramLabel = "DIR",
      description = "The index folder; any Hadoop file system URI.")
  String index;

  @Option(names = "--append",
      description = "Add the files not indexed yet (by path, size and modification time); "
          + "files indexed before are not read again. Nothing new: nothing is done.")
  boolean append;

  @Mixin
  ReadOptions read = new ReadOptions();

  @Override
  public Integer call() throws Exception {
    JobConfig jobConfig = read.jobConfig();
    Catalog signatures = read.catalog();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("inputs", inputs);
    parameters.put("index", index);
    parameters.put("append", append);
    read.putParameters(parameters);
    IndexBuilder.Options options = new IndexBuilder.Options(inputs, index, signatures, jobConfig,
        read.format, read.timezone, append, parameters);
    SparkSession spark = SparkSessions.getOrCreate(read.master, "dwlogs index");
    try {
      var err = spec.commandLine().getErr();
      long start = System.nanoTime();
      IndexBuilder.Result result = new IndexBuilder(spark, options).run();
      IndexManifest m = result.manifest();
      if (result.noop()) {
        err.printf("dwlogs: nothing new to index: every input file is in %s already%n", index);
      } else {
        err.printf("dwlogs: indexed %d files into %d new shards (%d documents); %s now holds "
                + "%d files, %d shards, %d records, %d malformed (%.1f s)%n",
            result.addedFiles().size(), result.addedShards().size(),
            result.addedShards().stream().mapToLong(IndexManifest.Shard::documents).sum(),
            index, m.files().size(), m.shards().size(), m.records(), m.malformed(),
            (System.nanoTime() - start) / 1e9);
      }
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }
}
