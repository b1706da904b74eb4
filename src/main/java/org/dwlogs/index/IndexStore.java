package org.dwlogs.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** File-system helpers of the index folder: any Hadoop file system, shards opened locally. */
public final class IndexStore {
  private IndexStore() {}

  /** The file system of {@code dir}; for local folders the raw one (no {@code .crc} files). */
  public static FileSystem fs(Path dir, Configuration hadoop) throws IOException {
    FileSystem fs = dir.getFileSystem(hadoop);
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  /** {@code dir} made absolute, with its scheme. */
  public static Path qualified(String dir, Configuration hadoop) throws IOException {
    Path p = new Path(dir);
    return fs(p, hadoop).makeQualified(p);
  }

  public static Path shardPath(Path dir, String name) {
    return new Path(new Path(dir, IndexManifest.SHARDS), name);
  }

  /** Deletes a local folder and everything in it; quietly, it is a temporary copy. */
  static void deleteLocal(java.nio.file.Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<java.nio.file.Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary copy left behind in java.io.tmpdir costs disk, not correctness
    }
  }

  /**
   * One shard opened for reading. A shard on the local file system is read in place; one on
   * another file system (HDFS, S3) is copied to {@code java.io.tmpdir} first and the copy is
   * deleted on close.
   */
  public static final class OpenShard implements Closeable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final java.nio.file.Path copy;

    private OpenShard(Directory directory, DirectoryReader reader, java.nio.file.Path copy) {
      this.directory = directory;
      this.reader = reader;
      this.copy = copy;
    }

    public static OpenShard open(String dir, String shard, Configuration hadoop) throws IOException {
      Path root = new Path(dir);
      FileSystem fs = fs(root, hadoop);
      Path path = fs.makeQualified(shardPath(root, shard));
      java.nio.file.Path local;
      java.nio.file.Path copy = null;
      if (fs instanceof RawLocalFileSystem) {
        local = Paths.get(path.toUri());
      } else {
        copy = Files.createTempDirectory("dwlogs-shard-");
        fs.copyToLocalFile(false, path, new Path(copy.toUri()), true);
        local = copy.resolve(shard);
      }
      Directory d = null;
      try {
        d = FSDirectory.open(local);
        return new OpenShard(d, DirectoryReader.open(d), copy);
      } catch (IOException | RuntimeException e) {
        if (d != null) {
          d.close();
        }
        deleteLocal(copy);
        throw e;
      }
    }

    /** A shard of the index in the local folder {@code dir}, opened in place, without Hadoop. */
    public static OpenShard openLocal(java.nio.file.Path dir, String shard) throws IOException {
      Directory d = FSDirectory.open(dir.resolve(IndexManifest.SHARDS).resolve(shard));
      try {
        return new OpenShard(d, DirectoryReader.open(d), null);
      } catch (IOException | RuntimeException e) {
        d.close();
        throw e;
      }
    }

    public DirectoryReader reader() {
      return reader;
    }

    @Override
    public void close() throws IOException {
      try {
        reader.close();
        directory.close();
      } finally {
        deleteLocal(copy);
      }
    }
  }
}
