package org.dwlogs.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dwlogs.ingest.InputException;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.report.Cells;

/**
 * {@code manifest.json} of an index folder: what the index holds. Written by the driver after
 * every shard is complete, so it lists only complete shards; shards it does not list are
 * ignored (and removed by the next {@code index} run).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IndexManifest(
    int schemaVersion,
    String dwlogsVersion,
    String createdAt,
    String updatedAt,
    long documents,
    long records,
    long malformed,
    TimeRange timeRange,
    List<Generation> generations,
    List<Shard> shards,
    List<SourceFile> files) implements Serializable {

  /** The layout this code writes and reads; a newer one is refused. */
  public static final int SCHEMA_VERSION = 1;
  public static final String FILE_NAME = "manifest.json";
  public static final String SHARDS = "shards";
  /** Where tasks copy a shard before it is renamed into {@link #SHARDS}. */
  public static final String TMP = "_tmp";

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public IndexManifest {
    generations = List.copyOf(generations);
    shards = shards.stream().sorted(Comparator.comparing(Shard::name)).toList();
    files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
  }

  /** The earliest and latest record timestamps (ISO-8601 UTC), null when none. */
  public record TimeRange(String first, String last, Long firstMillis, Long lastMillis)
      implements Serializable {
    static TimeRange of(Long first, Long last) {
      return new TimeRange(first == null ? null : Cells.timestamp(first),
          last == null ? null : Cells.timestamp(last), first, last);
    }
  }

  /** One index run: when, with which catalog (its issue IDs are in that run's shards), how. */
  public record Generation(int generation, String createdAt, String catalogSource,
      String catalogSha256, Map<String, Object> parameters) implements Serializable {}

  /** One complete shard: a Lucene index under {@code shards/<name>}. */
  public record Shard(String name, int generation, int partition, int attempt, long documents,
      long records, long malformed, Long firstMillis, Long lastMillis) implements Serializable {}

  /** One indexed file, keyed by path, size and modification time. */
  public record SourceFile(String path, String display, String format, long bytes,
      long modifiedMillis, String modified, int generation, long records, long malformed)
      implements Serializable {
    public InputFile toInputFile() {
      return new InputFile(path, display, LogFormat.ofLabel(format), bytes, modifiedMillis);
    }

    boolean sameAs(InputFile f) {
      return bytes == f.bytes() && modifiedMillis == f.modifiedMillis();
    }
  }

  public int lastGeneration() {
    return generations.stream().mapToInt(Generation::generation).max().orElse(0);
  }

  /** The manifest of the index at {@code dir}, or null when there is none. */
  public static IndexManifest readIfExists(FileSystem fs, Path dir) throws IOException {
    Path file = new Path(dir, FILE_NAME);
    try (InputStream in = fs.open(file)) {
      return parse(in, file.toString());
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  /**
   * The manifest of the index in the local folder {@code dir}, read without Hadoop (whose
   * start costs a search in the driver more than the search); an {@link InputException} when
   * there is none.
   */
  public static IndexManifest read(java.nio.file.Path dir) throws IOException {
    java.nio.file.Path file = dir.resolve(FILE_NAME);
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (java.nio.file.NoSuchFileException e) {
      throw noIndex(dir.toString());
    }
  }

  private static IndexManifest parse(InputStream in, String file) throws IOException {
    IndexManifest m;
    try {
      m = JSON.readValue(in, IndexManifest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(file + ": not a valid dwlogs index manifest: "
          + e.getOriginalMessage(), e);
    }
    if (m.schemaVersion() > SCHEMA_VERSION || m.schemaVersion() < 1) {
      throw new InputException(file + ": index schema version " + m.schemaVersion()
          + " is not supported by this dwlogs (it reads version " + SCHEMA_VERSION
          + "); rebuild the index with this version");
    }
    return m;
  }

  private static InputException noIndex(String dir) {
    return new InputException("no dwlogs index at " + dir + " (no " + FILE_NAME
        + "; build one with 'dwlogs index')");
  }

  /** The manifest of the index at {@code dir}; an {@link InputException} when there is none. */
  public static IndexManifest read(FileSystem fs, Path dir) throws IOException {
    IndexManifest m = readIfExists(fs, dir);
    if (m == null) {
      throw noIndex(dir.toString());
    }
    return m;
  }

  /**
   * Writes the manifest next to the shards: to a hidden temporary file first, then renamed
   * over the old one, so a reader sees the old or the new manifest, complete.
   */
  public void write(FileSystem fs, Path dir) throws IOException {
    Path tmp = new Path(dir, "." + FILE_NAME + ".tmp");
    Path file = new Path(dir, FILE_NAME);
    try (OutputStream out = fs.create(tmp, true)) {
      JSON.writeValue(out, this);
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  public String toJson() throws IOException {
    return JSON.writeValueAsString(this);
  }
}
