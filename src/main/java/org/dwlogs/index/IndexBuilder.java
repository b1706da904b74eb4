package org.dwlogs.index;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.spark.SerializableWritable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.Version;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.InputException;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.ingest.LogReader;
import org.dwlogs.match.Match;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.report.Cells;
import org.dwlogs.signatures.Catalog;

/**
 * Builds (or extends) an index: Spark reads and parses the inputs as the report job does, and
 * each task writes its partition as one Lucene shard in {@code java.io.tmpdir}, copies it to
 * {@code DIR/_tmp/<name>} and renames it to {@code DIR/shards/<name>}. The driver then
 * writes {@code manifest.json}, listing exactly the shards of the tasks that succeeded, and
 * removes anything else (failed or duplicate attempts, shards of a replaced index).
 *
 * <p>Shard names are {@code g<generation>-p<partition>-a<attempt>}: deterministic per run and
 * partition, distinct per attempt, so a retried task never collides with its failed attempt.
 */
public final class IndexBuilder {
  /**
   * Test hook (Hadoop configuration key): the partition whose first attempt fails after its
   * shard is copied to {@code _tmp}, before the rename.
   */
  public static final String FAIL_FIRST_ATTEMPT = "dwlogs.index.test.fail-first-attempt-partition";

  /** What to index and where; {@code format} overrides per-file formats when not null. */
  public record Options(List<String> inputs, String index, Catalog catalog, JobConfig config,
      LogFormat format, ZoneId zone, boolean append, Map<String, Object> parameters) {
    public Options {
      inputs = List.copyOf(inputs);
      parameters = Map.copyOf(parameters);
    }
  }

  /** What a run did: the shards and files it added (none for a no-op) and the manifest now. */
  public record Result(List<IndexManifest.Shard> addedShards, List<InputFile> addedFiles,
      IndexManifest manifest) {
    public boolean noop() {
      return addedFiles.isEmpty();
    }
  }

  /** What a task returns: its shard and per source file [records, malformed]. */
  record Built(IndexManifest.Shard shard, Map<String, long[]> perSource) implements Serializable {}

  private final SparkSession spark;
  private final Options options;

  public IndexBuilder(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  public Result run() throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path dir = IndexStore.qualified(options.index(), hadoop);
    FileSystem fs = IndexStore.fs(dir, hadoop);
    IndexManifest old = IndexManifest.readIfExists(fs, dir);
    if (old == null) {
      refuseForeignFolder(fs, dir);
    }
    List<InputFile> listed = InputLister.list(options.inputs(), hadoop, options.format());
    List<InputFile> files = listed;
    if (options.append() && old != null) {
      files = newFiles(old, listed);
      if (files.isEmpty()) {
        return new Result(List.of(), List.of(), old);
      }
    }
    int generation = old == null ? 1 : old.lastGeneration() + 1;
    Set<String> keep = new HashSet<>();
    if (old != null) {
      old.shards().forEach(s -> keep.add(s.name()));
    }
    removeUnlisted(fs, dir, keep); // leftovers of a run that died before its manifest

    List<Built> built;
    try {
      built = buildShards(files, dir, generation);
    } catch (RuntimeException e) {
      removeUnlisted(fs, dir, keep);
      throw e;
    }
    IndexManifest manifest = manifest(old, files, built, generation);
    manifest.write(fs, dir);
    Set<String> listedShards = new HashSet<>();
    manifest.shards().forEach(s -> listedShards.add(s.name()));
    removeUnlisted(fs, dir, listedShards);
    return new Result(built.stream().map(Built::shard).sorted(
        java.util.Comparator.comparing(IndexManifest.Shard::name)).toList(), files, manifest);
  }

  /** The listed files not in the index yet; a file indexed before must not have changed. */
  private static List<InputFile> newFiles(IndexManifest old, List<InputFile> listed) {
    Map<String, IndexManifest.SourceFile> known = new HashMap<>();
    old.files().forEach(f -> known.put(f.path(), f));
    List<InputFile> out = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (InputFile f : listed) {
      IndexManifest.SourceFile k = known.get(f.path());
      if (k == null) {
        out.add(f);
      } else if (!k.sameAs(f)) {
        changed.add(f.display());
      }
    }
    if (!changed.isEmpty()) {
      throw new InputException("cannot append: " + changed.size() + " indexed file(s) changed "
          + "since they were indexed (size or modification time): " + String.join(", ", changed)
          + "; shards are never rewritten, so rebuild the index without --append");
    }
    return out;
  }

  private static void refuseForeignFolder(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (!name.equals(IndexManifest.SHARDS) && !name.equals(IndexManifest.TMP)
          && !name.startsWith(".")) {
        throw new InputException(dir + " is not empty and holds no dwlogs index ("
            + IndexManifest.FILE_NAME + "); choose an empty or new folder");
      }
    }
  }

  /** Deletes {@code _tmp} and every shard folder not in {@code keep}. */
  private static void removeUnlisted(FileSystem fs, Path dir, Set<String> keep) throws IOException {
    fs.delete(new Path(dir, IndexManifest.TMP), true);
    Path shards = new Path(dir, IndexManifest.SHARDS);
    if (!fs.exists(shards)) {
      return;
    }
    for (FileStatus s : fs.listStatus(shards)) {
      if (!keep.contains(s.getPath().getName())) {
        fs.delete(s.getPath(), true);
      }
    }
  }

  private List<Built> buildShards(List<InputFile> files, Path dir, int generation) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    sc.setJobGroup("index", "dwlogs: read, parse, match and index", false);
    Broadcast<Catalog> catalog = sc.broadcast(options.catalog());
    Map<String, String> display = new HashMap<>();
    files.forEach(f -> display.put(f.path(), f.display()));
    Broadcast<Map<String, String>> displays = sc.broadcast(display);
    SerializableWritable<Configuration> hadoop =
        new SerializableWritable<>(sc.hadoopConfiguration());
    String root = dir.toString();
    int failPartition = sc.hadoopConfiguration().getInt(FAIL_FIRST_ATTEMPT, -1);
    // read here, not in the task: the task must not capture this (not serializable) builder
    List<String> dualWrite = List.copyOf(options.config().context().dualWrite());
    JavaRDD<Parsed> parsed = LogReader.read(sc, files, options.config(), options.zone());
    return parsed.mapPartitionsWithIndex((partition, records) -> {
      if (!records.hasNext()) {
        return java.util.Collections.<Built>emptyIterator();
      }
      int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
      String name = String.format("g%05d-p%05d-a%d", generation, partition, attempt);
      Built b = writeShard(root, name, generation, partition, attempt, records,
          // compiled once per task thread, not once per partition (a whole catalog takes long)
          SignatureMatcher.forThisThread(catalog.value(), dualWrite), displays.value(), hadoop.value(),
          failPartition == partition && attempt == 0);
      return List.of(b).iterator();
    }, false).collect();
  }

  /** Builds one shard locally, copies it under {@code _tmp}, renames it into place. */
  static Built writeShard(String root, String name, int generation, int partition, int attempt,
      Iterator<Parsed> records, SignatureMatcher matcher, Map<String, String> display,
      Configuration hadoop, boolean failAfterCopy) throws IOException {
    java.nio.file.Path local = Files.createTempDirectory("dwlogs-index-");
    Path dir = new Path(root);
    FileSystem fs = IndexStore.fs(dir, hadoop);
    Path tmp = new Path(new Path(dir, IndexManifest.TMP), name);
    try {
      long docs = 0;
      long recordCount = 0;
      long malformed = 0;
      Long first = null;
      Long last = null;
      Map<String, long[]> perSource = new TreeMap<>();
      IndexWriterConfig conf = new IndexWriterConfig(IndexFields.analyzer())
          .setCodec(IndexFields.codec())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(64)
          // a shard is written once and copied whole: packing its files into one compound
          // file would only copy every byte once more
          .setUseCompoundFile(false);
      try (FSDirectory d = FSDirectory.open(local); IndexWriter w = new IndexWriter(d, conf)) {
        while (records.hasNext()) {
          Parsed p = records.next();
          List<String> issues = List.of();
          long[] counts = perSource.computeIfAbsent(p.source(), k -> new long[2]);
          if (p instanceof LogRecord r) {
            issues = matcher.matchRecord(r).stream().map(Match::issueId).toList();
            recordCount++;
            counts[0]++;
            Long ts = r.timestampMillis();
            if (ts != null) {
              first = first == null ? ts : Math.min(first, ts);
              last = last == null ? ts : Math.max(last, ts);
            }
          } else {
            malformed++;
            counts[1]++;
          }
          w.addDocument(IndexFields.toDocument(p, display.get(p.source()), issues));
          docs++;
        }
        w.forceMerge(1);
        w.commit();
      }
      fs.delete(tmp, true);
      fs.mkdirs(tmp.getParent());
      fs.copyFromLocalFile(false, true, new Path(local.toUri()), tmp);
      if (failAfterCopy) {
        throw new IOException("test hook " + FAIL_FIRST_ATTEMPT + ": attempt 0 of partition "
            + partition + " fails after copying its shard");
      }
      Path target = IndexStore.shardPath(dir, name);
      fs.mkdirs(target.getParent());
      fs.delete(target, true);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
      return new Built(new IndexManifest.Shard(name, generation, partition, attempt, docs,
          recordCount, malformed, first, last), new HashMap<>(perSource));
    } catch (IOException | RuntimeException e) {
      try {
        fs.delete(tmp, true);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    } finally {
      IndexStore.deleteLocal(local);
    }
  }

  private IndexManifest manifest(IndexManifest old, List<InputFile> files, List<Built> built,
      int generation) {
    String now = Cells.timestamp(Instant.now().toEpochMilli());
    boolean keepOld = old != null && options.append();
    List<IndexManifest.Shard> shards = new ArrayList<>(keepOld ? old.shards() : List.of());
    List<IndexManifest.SourceFile> sources = new ArrayList<>(keepOld ? old.files() : List.of());
    List<IndexManifest.Generation> generations =
        new ArrayList<>(keepOld ? old.generations() : List.of());
    Map<String, long[]> perSource = new HashMap<>();
    for (Built b : built) {
      shards.add(b.shard());
      b.perSource().forEach((src, c) -> {
        long[] sum = perSource.computeIfAbsent(src, k -> new long[2]);
        sum[0] += c[0];
        sum[1] += c[1];
      });
    }
    for (InputFile f : files) {
      long[] c = perSource.getOrDefault(f.path(), new long[2]);
      sources.add(new IndexManifest.SourceFile(f.path(), f.display(), f.format().label(),
          f.bytes(), f.modifiedMillis(), Cells.timestamp(f.modifiedMillis()), generation, c[0],
          c[1]));
    }
    Map<String, Object> parameters = new LinkedHashMap<>(new TreeMap<>(options.parameters()));
    generations.add(new IndexManifest.Generation(generation, now, options.catalog().source(),
        options.catalog().sha256(), parameters));
    Long first = null;
    Long last = null;
    long docs = 0;
    long records = 0;
    long malformed = 0;
    for (IndexManifest.Shard s : shards) {
      docs += s.documents();
      records += s.records();
      malformed += s.malformed();
      if (s.firstMillis() != null) {
        first = first == null ? s.firstMillis() : Math.min(first, s.firstMillis());
        last = last == null ? s.lastMillis() : Math.max(last, s.lastMillis());
      }
    }
    return new IndexManifest(IndexManifest.SCHEMA_VERSION, Version.get(),
        keepOld ? old.createdAt() : now, now, docs, records, malformed,
        IndexManifest.TimeRange.of(first, last), generations, shards, sources);
  }
}
