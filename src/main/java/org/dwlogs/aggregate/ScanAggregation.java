package org.dwlogs.aggregate;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import scala.Tuple2;

/**
 * The scan as one Spark action over compact aggregates. Each input partition is folded by a
 * {@link PartitionScan} into one {@link RunSummary}, its distinct session and activity IDs
 * split into hash buckets, and its malformed records; one shuffle merges the summaries into
 * one, each bucket into one set per bucket (so that only each bucket's size reaches the
 * driver, whose heap stays flat however many IDs the input holds), and carries the malformed
 * records. The quarantine, when there is any, is read from that same shuffle's output, sorted
 * in file order: a second action that does not read the input again.
 *
 * <p>{@link #run} runs on the driver; the {@link Scan} it returns holds the shuffled data and
 * is not meant to be serialized.
 */
public final class ScanAggregation {
  /** Malformed records per sorted partition when the quarantine is streamed to the driver. */
  private static final long QUARANTINE_PER_PARTITION = 100_000;

  private ScanAggregation() {}

  /** Builds a partition's scan on the executor (a matcher per task thread, say). */
  public interface ScanFactory extends Serializable {
    PartitionScan create();
  }

  /** What a shuffled piece of a partition's scan is. */
  enum Part { SUMMARY, SESSIONS, ACTIVITIES, MALFORMED }

  /**
   * Where a piece goes in the shuffle: its part and ID bucket, or for a malformed record its
   * place in the input (file, position, then the partition and rank it came in, which makes
   * it unique and keeps file order among records at one position).
   */
  record ScanKey(Part part, int bucket, String source, long position, int partition, long rank)
      implements Serializable {
    static final Comparator<ScanKey> FILE_ORDER = new FileOrder();
  }

  private static final class FileOrder implements Comparator<ScanKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(ScanKey a, ScanKey b) {
      int c = CodePointOrder.NULLS_FIRST.compare(a.source(), b.source());
      if (c == 0) {
        c = Long.compare(a.position(), b.position());
      }
      if (c == 0) {
        c = Integer.compare(a.partition(), b.partition());
      }
      return c != 0 ? c : Long.compare(a.rank(), b.rank());
    }
  }

  /** The merged outcome of the scan, on the driver. */
  public static final class Scan {
    private final RunSummary summary;
    private final long sessions;
    private final long activities;
    private final JavaPairRDD<ScanKey, Serializable> merged;
    private final int buckets;

    private Scan(RunSummary summary, long sessions, long activities,
        JavaPairRDD<ScanKey, Serializable> merged, int buckets) {
      this.summary = summary;
      this.sessions = sessions;
      this.activities = activities;
      this.merged = merged;
      this.buckets = buckets;
    }

    public RunSummary summary() {
      return summary;
    }

    /** Distinct session IDs over every record of the run. */
    public long sessions() {
      return sessions;
    }

    /** Distinct activity IDs over every record of the run. */
    public long activities() {
      return activities;
    }

    /**
     * The malformed records in file order (by file, then position), streamed a sorted
     * partition at a time; runs Spark jobs only when there are any.
     */
    public Iterator<Malformed> quarantine() {
      if (summary.malformed() == 0) {
        return java.util.Collections.emptyIterator();
      }
      int partitions = (int) Math.min(buckets,
          1 + summary.malformed() / QUARANTINE_PER_PARTITION);
      return merged.filter(t -> t._1().part() == Part.MALFORMED)
          .sortByKey(ScanKey.FILE_ORDER, true, partitions)
          .map(t -> (Malformed) t._2())
          .toLocalIterator();
    }
  }

  /**
   * Folds every partition of {@code records} and merges the results: one Spark action, with
   * the run-wide distinct IDs counted in {@code buckets} hash buckets.
   */
  public static Scan run(JavaRDD<Parsed> records, ScanFactory factory, int buckets) {
    JavaPairRDD<ScanKey, Serializable> pieces = JavaPairRDD.fromJavaRDD(
        records.mapPartitionsWithIndex((partition, it) ->
            new Pieces(partition, it, factory.create(), buckets), false));
    // No map-side combine: a partition yields one piece per key but the malformed records'.
    JavaPairRDD<ScanKey, Serializable> merged = pieces.combineByKey(v -> v,
        ScanAggregation::merge, ScanAggregation::merge, new ScanPartitioner(buckets), false,
        null);
    List<Tuple2<ScanKey, Serializable>> results = merged
        .filter(t -> t._1().part() != Part.MALFORMED)
        .mapValues(v -> v instanceof DistinctIds ids ? (Serializable) ids.size() : v)
        .collect();
    RunSummary summary = new RunSummary();
    long sessions = 0;
    long activities = 0;
    for (Tuple2<ScanKey, Serializable> t : results) {
      switch (t._1().part()) {
        case SUMMARY -> summary.merge((RunSummary) t._2());
        case SESSIONS -> sessions += (Long) t._2();
        case ACTIVITIES -> activities += (Long) t._2();
        case MALFORMED -> throw new IllegalStateException("malformed record among the totals");
      }
    }
    return new Scan(summary, sessions, activities, merged, buckets);
  }

  /** Merges two pieces under one key: summaries and ID buckets merge, malformed records never meet. */
  static Serializable merge(Serializable a, Serializable b) {
    if (a instanceof RunSummary s) {
      return s.merge((RunSummary) b);
    }
    if (a instanceof DistinctIds ids) {
      return ids.merge((DistinctIds) b);
    }
    throw new IllegalStateException("two pieces of the scan under one key: " + a + ", " + b);
  }

  /** Summary to partition 0, bucket b to partition b, malformed records spread by place. */
  static final class ScanPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    ScanPartitioner(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
      }
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      ScanKey k = (ScanKey) key;
      return switch (k.part()) {
        case SUMMARY -> 0;
        case SESSIONS, ACTIVITIES -> k.bucket();
        case MALFORMED -> Math.floorMod(31 * k.partition() + Long.hashCode(k.rank()), partitions);
      };
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ScanPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }

  /**
   * One partition's pieces, lazily: each malformed record as it is read, then, once the
   * records are exhausted, the summary and the non-empty ID buckets.
   */
  static final class Pieces implements Iterator<Tuple2<ScanKey, Serializable>> {
    private final int partition;
    private final Iterator<Parsed> records;
    private final PartitionScan scan;
    private final int buckets;
    private final ArrayDeque<Tuple2<ScanKey, Serializable>> ready = new ArrayDeque<>();
    private long rank;
    private boolean flushed;

    Pieces(int partition, Iterator<Parsed> records, PartitionScan scan, int buckets) {
      this.partition = partition;
      this.records = records;
      this.scan = scan;
      this.buckets = buckets;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (records.hasNext()) {
          Malformed m = scan.add(records.next());
          if (m != null) {
            ready.add(new Tuple2<>(new ScanKey(Part.MALFORMED, 0, m.source(),
                m.position().value(), partition, rank++), m));
          }
        } else if (!flushed) {
          flush();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Tuple2<ScanKey, Serializable> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void flush() {
      flushed = true;
      ready.add(new Tuple2<>(new ScanKey(Part.SUMMARY, 0, null, 0, 0, 0), scan.summary()));
      addBuckets(Part.SESSIONS, scan.sessions());
      addBuckets(Part.ACTIVITIES, scan.activities());
    }

    private void addBuckets(Part part, DistinctIds ids) {
      DistinctIds[] split = ids.buckets(buckets);
      for (int b = 0; b < buckets; b++) {
        if (!split[b].isEmpty()) {
          ready.add(new Tuple2<>(new ScanKey(part, b, null, 0, 0, 0), split[b]));
        }
      }
    }
  }
}
