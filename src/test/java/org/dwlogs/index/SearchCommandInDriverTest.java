package org.dwlogs.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.Version;
import org.dwlogs.cli.DwlogsCommand;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.match.DualWriteContext;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.Parsed;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dwlogs search} on a local index runs without Spark: an index of two shards of
 * {@link ShardSearchTest#RECORDS}, written here without Spark, is searched by the command line
 * and no Spark session exists afterwards.
 */
class SearchCommandInDriverTest {
  @TempDir
  Path tmp;

  @Test
  void aLocalIndexIsSearchedWithoutStartingSpark() throws IOException {
    Path index = tmp.resolve("index");
    writeIndex(index, List.of(ShardSearchTest.RECORDS.subList(0, 4),
        ShardSearchTest.RECORDS.subList(4, ShardSearchTest.RECORDS.size())));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = DwlogsCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute("search", "--index", index.toString(), "--limit", "2", "alpha");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("hits:       7", "sessions:   6", "activities: 5",
        "  2026-11-20         3 hits       2 sessions", "  2026-11-21         3 hits       3 sessions",
        "  (no timestamp)     1 hits", "newest 2 of 7:");
    assertThat(out.toString().lines().filter(l -> l.startsWith("  2026-11-21T")).toList())
        .hasSize(2);
    assertThat(SparkSession.getActiveSession().isDefined()).isFalse();
    assertThat(SparkSession.getDefaultSession().isDefined()).isFalse();
  }

  /** An index of one shard per list, as {@code dwlogs index} lays it out. */
  static void writeIndex(Path dir, List<List<Parsed>> shards) throws IOException {
    Configuration conf = new Configuration();
    SignatureMatcher matcher = new SignatureMatcher(CatalogLoader.bundled(),
        new DualWriteContext(ConfigLoader.bundled().context().dualWrite()));
    List<IndexManifest.Shard> written = new ArrayList<>();
    for (int p = 0; p < shards.size(); p++) {
      written.add(IndexBuilder.writeShard(dir.toUri().toString(), String.format("g00001-p%05d-a0", p),
          1, p, 0, shards.get(p).iterator(), matcher, Map.of(), conf, false).shard());
    }
    long docs = written.stream().mapToLong(IndexManifest.Shard::documents).sum();
    long records = written.stream().mapToLong(IndexManifest.Shard::records).sum();
    new IndexManifest(IndexManifest.SCHEMA_VERSION, Version.get(), "2026-11-22T00:00:00.000Z",
        "2026-11-22T00:00:00.000Z", docs, records, docs - records,
        IndexManifest.TimeRange.of(null, null), List.of(), written, List.of())
        .write(IndexStore.fs(new org.apache.hadoop.fs.Path(dir.toUri()), conf),
            new org.apache.hadoop.fs.Path(dir.toUri()));
  }
}
