package org.dwlogs.index;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.job.ReportJob;
import org.dwlogs.parse.Parsed;

/**
 * The records of an index, for {@code report --index}: the files come from the manifest, the
 * parsed records from the shards it lists (one task per shard). The report job then matches
 * them with the current catalog, as it does records read from raw files.
 */
public final class IndexSource implements ReportJob.Source {
  private final String index;
  private IndexManifest manifest;
  private Path dir;

  public IndexSource(String index) {
    this.index = index;
  }

  /** The manifest, read on first use. */
  public IndexManifest manifest(Configuration hadoop) throws IOException {
    if (manifest == null) {
      dir = IndexStore.qualified(index, hadoop);
      manifest = IndexManifest.read(IndexStore.fs(dir, hadoop), dir);
    }
    return manifest;
  }

  @Override
  public List<InputFile> list(SparkSession spark) throws IOException {
    return manifest(spark.sparkContext().hadoopConfiguration()).files().stream()
        .map(IndexManifest.SourceFile::toInputFile).toList();
  }

  @Override
  public JavaRDD<Parsed> read(JavaSparkContext sc, List<InputFile> files) {
    try {
      return read(sc, manifest(sc.hadoopConfiguration()), dir.toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every document of the listed shards as a parsed record, one partition per shard. */
  public static JavaRDD<Parsed> read(JavaSparkContext sc, IndexManifest manifest, String dir) {
    List<String> shards = manifest.shards().stream().map(IndexManifest.Shard::name).toList();
    if (shards.isEmpty()) {
      return sc.emptyRDD();
    }
    SerializableWritable<Configuration> hadoop =
        new SerializableWritable<>(sc.hadoopConfiguration());
    return sc.parallelize(shards, shards.size())
        .flatMap(shard -> ShardReader.open(dir, shard, hadoop.value()));
  }
}
