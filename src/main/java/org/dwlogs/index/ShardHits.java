package org.dwlogs.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.dwlogs.ingest.NextIterator;

/**
 * Every hit of one shard, streamed in document order, for the hits file; the shard is closed at
 * the end (or by {@link #close()}, which a Spark task calls when it completes).
 */
final class ShardHits extends NextIterator<Searcher.Hit> implements Closeable {
  /** What to close at the end: the shard when this stream owns it, else null. */
  private final Closeable owner;
  private final Weight weight;
  private final List<LeafReaderContext> leaves;
  private final boolean wholeMessage;
  private int leaf = -1;
  private DocIdSetIterator docs;
  private Bits live;
  private StoredFields stored;
  private boolean closed;

  private ShardHits(IndexReader reader, Query query, boolean wholeMessage, Closeable owner)
      throws IOException {
    this.owner = owner;
    this.wholeMessage = wholeMessage;
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      this.weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      this.leaves = reader.leaves();
    } catch (IOException | RuntimeException e) {
      if (owner != null) {
        owner.close();
      }
      throw e;
    }
  }

  /** The hits of an open shard, which this stream closes. */
  static ShardHits closing(IndexStore.OpenShard shard, Query query, boolean wholeMessage)
      throws IOException {
    return new ShardHits(shard.reader(), query, wholeMessage, shard);
  }

  /** The hits of a reader that the caller closes. */
  static ShardHits of(IndexReader reader, Query query, boolean wholeMessage) throws IOException {
    return new ShardHits(reader, query, wholeMessage, null);
  }

  @Override
  protected Searcher.Hit computeNext() {
    try {
      while (!closed) {
        if (docs != null) {
          int d = docs.nextDoc();
          if (d == DocIdSetIterator.NO_MORE_DOCS) {
            docs = null;
          } else if (live == null || live.get(d)) {
            return ShardSearch.hit(stored, d, wholeMessage);
          }
        } else if (leaf + 1 < leaves.size()) {
          LeafReaderContext ctx = leaves.get(++leaf);
          Scorer scorer = weight.scorer(ctx);
          docs = scorer == null ? null : scorer.iterator();
          live = ctx.reader().getLiveDocs();
          stored = ctx.reader().storedFields();
        } else {
          close();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (owner == null) {
      return;
    }
    try {
      owner.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
