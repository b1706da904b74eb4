package org.dwlogs.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.job.ReportJob;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dwlogs report}: reads logs and writes the six reports. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reads the logs under the input paths (folders recursively, .gz transparently),",
        "recognises the catalog's documented errors and writes issue_summary.csv, issue_daily.csv,",
        "issue_sessions.csv, version_mismatch.csv, unmatched_errors.csv and run_manifest.json",
        "into the output folder, replacing its previous reports only when all are written."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "PATH",
      description = "Log files or folders; any Hadoop file system URI (file://, hdfs://, s3a://).")
  List<String> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Folder the reports are published to.")
  String output;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Signature catalog replacing the bundled conf/signatures.yaml.")
  Path catalog;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job configuration replacing the bundled conf/dwlogs.yaml (layout, aliases, ID notations).")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Read every file as text, jsonl or csv, whatever its extension "
          + "(default: by extension: .jsonl/.ndjson/.json, .csv, anything else text).")
  LogFormat format;

  @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
      converter = ZoneConverter.class,
      description = "Zone of timestamps written without one, e.g. Europe/Berlin or +02:00 "
          + "(default: ${DEFAULT-VALUE}).")
  ZoneId timezone;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*]).")
  String master;

  @Override
  public Integer call() throws Exception {
    JobConfig jobConfig = config == null ? ConfigLoader.bundled()
        : ConfigLoader.load(SourceFiles.file(config));
    Catalog signatures = catalog == null ? CatalogLoader.bundled()
        : CatalogLoader.load(SourceFiles.file(catalog));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("inputs", inputs);
    parameters.put("output", output);
    parameters.put("catalog", catalog == null ? "bundled" : catalog.toString());
    parameters.put("config", config == null ? "bundled" : config.toString());
    parameters.put("format", format == null ? "by extension" : format.label());
    parameters.put("timezone", timezone.getId());
    ReportJob.Options options = new ReportJob.Options(inputs, output, signatures, jobConfig,
        format, timezone, parameters);
    SparkSession spark = SparkSessions.getOrCreate(master, "dwlogs report");
    try {
      var err = spec.commandLine().getErr();
      err.println("dwlogs: Spark " + spark.version() + " on " + spark.sparkContext().master()
          + spark.sparkContext().uiWebUrl().map(u -> ", UI at " + u).getOrElse(() -> ""));
      long start = System.nanoTime();
      ReportJob.Result result = new ReportJob(spark, options).run();
      ReportJob.Totals t = result.totals();
      err.printf("dwlogs: %d files, %d records, %d matched, %d malformed; reports in %s (%.1f s)%n",
          t.files(), t.records(), t.matchedRecords(), t.malformed(), result.output(),
          (System.nanoTime() - start) / 1e9);
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }

  static final class FormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      return LogFormat.ofLabel(value);
    }
  }

  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("unknown time zone '" + value + "'");
      }
    }
  }
}
