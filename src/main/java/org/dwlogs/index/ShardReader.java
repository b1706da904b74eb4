package org.dwlogs.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.spark.TaskContext;
import org.dwlogs.ingest.NextIterator;
import org.dwlogs.parse.Parsed;

/**
 * Streams every document of one shard back as the {@link Parsed} record it was made from. The
 * shard is closed (and a remote shard's local copy deleted) when the stream ends or the task
 * completes, whichever comes first.
 */
public final class ShardReader extends NextIterator<Parsed> {
  private final IndexStore.OpenShard shard;
  private final List<LeafReaderContext> leaves;
  private int leaf = -1;
  private LeafReader reader;
  private StoredFields stored;
  private Bits live;
  private int doc;
  private boolean closed;

  private ShardReader(IndexStore.OpenShard shard) {
    this.shard = shard;
    this.leaves = shard.reader().leaves();
  }

  public static ShardReader open(String dir, String shard, Configuration hadoop) throws IOException {
    ShardReader r = new ShardReader(IndexStore.OpenShard.open(dir, shard, hadoop));
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> r.close());
    }
    return r;
  }

  @Override
  protected Parsed computeNext() {
    try {
      while (!closed) {
        if (reader != null && doc < reader.maxDoc()) {
          int d = doc++;
          if (live == null || live.get(d)) {
            return IndexFields.fromDocument(stored.document(d));
          }
        } else if (leaf + 1 < leaves.size()) {
          reader = leaves.get(++leaf).reader();
          stored = reader.storedFields();
          live = reader.getLiveDocs();
          doc = 0;
        } else {
          close();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      shard.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
