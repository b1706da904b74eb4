package org.dwlogs.cli;

import java.time.ZoneId;
import java.util.Map;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import picocli.CommandLine.Option;

/**
 * The options every command that reads logs shares (report, index, nightly): catalog,
 * configuration, format, time zone and Spark master. A picocli mixin, so each is declared,
 * described and loaded once.
 */
final class ReadOptions {
  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Signature catalog replacing the bundled conf/signatures.yaml; a local "
          + "path or any Hadoop file system URI (hdfs://, s3a://, abfss://, file://).")
  String catalog;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job configuration replacing the bundled conf/dwlogs.yaml (layout, aliases, "
          + "ID notations); a local path or any Hadoop file system URI.")
  String config;

  @Option(names = "--format", paramLabel = "FORMAT", converter = ReportCommand.FormatConverter.class,
      description = "Read every file as text, jsonl, json (one JSON document) or csv, whatever "
          + "its extension (default: by extension: .jsonl/.ndjson, .json (JSON Lines or a "
          + "document, by its first bytes), .csv, anything else text).")
  LogFormat format;

  @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
      converter = ReportCommand.ZoneConverter.class,
      description = "Zone of timestamps written without one, e.g. Europe/Berlin or +02:00 "
          + "(default: ${DEFAULT-VALUE}). Days in reports are always UTC days.")
  ZoneId timezone;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*]).")
  String master;

  /** The job configuration: the --config file, else the bundled one. Validated. */
  JobConfig jobConfig() {
    return config == null ? ConfigLoader.bundled() : ConfigLoader.load(SourceFiles.of(config));
  }

  /** The catalog: the --catalog file, else the bundled one. Validated. */
  Catalog catalog() {
    return catalog == null ? CatalogLoader.bundled() : CatalogLoader.load(SourceFiles.of(catalog));
  }

  /** Records these options in a run's manifest parameters. */
  void putParameters(Map<String, Object> parameters) {
    parameters.put("catalog", catalog == null ? "bundled" : catalog);
    parameters.put("config", config == null ? "bundled" : config);
    parameters.put("format", format == null ? "by extension" : format.label());
    parameters.put("timezone", timezone.getId());
  }
}
