package org.dwlogs.index;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.spark.SerializableWritable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.dwlogs.ingest.NextIterator;
import org.dwlogs.report.Cells;
import org.dwlogs.report.CsvReportWriter;
import org.dwlogs.report.ReportTable;
import scala.Tuple2;

/**
 * Runs one query over every shard of an index, one Spark task per shard, and sums up the
 * hits: total, distinct sessions and activities, hits per UTC day, the newest hits, and
 * optionally every hit as CSV. Malformed records are not searched.
 */
public final class Searcher {
  /** The hits as CSV: newest first (hits without a timestamp last, then by file and position). */
  public static final ReportTable HITS = new ReportTable("hits.csv", List.of("timestamp",
      "level", "session_id", "activity_id", "component", "issue_ids", "file", "position_kind",
      "position", "message"));
  /** Hits per UTC day, written beside the hits. */
  public static final ReportTable DAILY = new ReportTable("hits_daily.csv",
      List.of("day", "hits", "sessions"));

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  /** What to search: the query, an optional window [from, to), how many newest hits to show. */
  public record Request(String query, Instant from, Instant to, int limit) implements Serializable {}

  /**
   * One hit. {@code message} is the whole raw message when the hits are written out, else its
   * first line.
   */
  public record Hit(Long timestamp, String level, String sessionId, String activityId,
      String component, List<String> issueIds, String file, String positionKind, long position,
      String message) implements Serializable {
    public String day() {
      return timestamp == null ? null : DAY.format(Instant.ofEpochMilli(timestamp));
    }

    public String firstLine() {
      return firstLineOf(message);
    }
  }

  /** Per UTC day: hits and distinct sessions. */
  public record Day(long hits, long sessions) implements Serializable {}

  /** The summary of a search. */
  public record Result(long hits, long sessions, long activities, long withoutTimestamp,
      SortedMap<String, Day> perDay, List<Hit> newest, IndexManifest manifest) {}

  /** Newest first; without timestamp last; then by file and position, so ties are stable. */
  public static final class NewestFirst implements Comparator<Hit>, Serializable {
    @Override
    public int compare(Hit a, Hit b) {
      long ta = a.timestamp() == null ? Long.MIN_VALUE : a.timestamp();
      long tb = b.timestamp() == null ? Long.MIN_VALUE : b.timestamp();
      int c = Long.compare(tb, ta);
      if (c == 0) {
        c = Objects.compare(a.file(), b.file(), Comparator.nullsFirst(Comparator.naturalOrder()));
      }
      return c != 0 ? c : Long.compare(a.position(), b.position());
    }
  }

  /** The sort key of {@link NewestFirst}, for Spark's sortBy. */
  record Key(long negTimestamp, String file, long position) implements Comparable<Key>, Serializable {
    static Key of(Hit h) {
      return new Key(h.timestamp() == null ? Long.MAX_VALUE : -h.timestamp(),
          h.file() == null ? "" : h.file(), h.position());
    }

    @Override
    public int compareTo(Key o) {
      int c = Long.compare(negTimestamp, o.negTimestamp);
      if (c == 0) {
        c = file.compareTo(o.file);
      }
      return c != 0 ? c : Long.compare(position, o.position);
    }
  }

  private Searcher() {}

  /**
   * Searches the index at {@code index}. With {@code output} not null, every hit is also
   * written there as CSV, and the per-day counts beside it ({@link #dailyPath}).
   */
  public static Result search(SparkSession spark, String index, Request request, String output,
      boolean formulaGuard) throws IOException {
    LogQueryParser.compile(request.query()); // fails here, on the driver, when it does not parse
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    sc.setJobGroup("search", "dwlogs: search " + request.query(), false);
    Configuration conf = sc.hadoopConfiguration();
    Path dir = IndexStore.qualified(index, conf);
    IndexManifest manifest = IndexManifest.read(IndexStore.fs(dir, conf), dir);
    JavaRDD<Hit> hits = hits(sc, manifest, dir.toString(), request, output != null)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long total = hits.count();
      long sessions = hits.map(Hit::sessionId).filter(Objects::nonNull).distinct().count();
      long activities = hits.map(Hit::activityId).filter(Objects::nonNull).distinct().count();
      SortedMap<String, Day> perDay = new TreeMap<>();
      Map<String, Long> dayHits = hits.filter(h -> h.timestamp() != null)
          .mapToPair(h -> new Tuple2<>(h.day(), 1L)).reduceByKey(Long::sum).collectAsMap();
      Map<String, Long> daySessions = hits.filter(h -> h.timestamp() != null && h.sessionId() != null)
          .mapToPair(h -> new Tuple2<>(h.day(), h.sessionId())).distinct()
          .mapToPair(t -> new Tuple2<>(t._1(), 1L)).reduceByKey(Long::sum).collectAsMap();
      dayHits.forEach((day, n) -> perDay.put(day, new Day(n, daySessions.getOrDefault(day, 0L))));
      long withoutTs = total - dayHits.values().stream().mapToLong(Long::longValue).sum();
      List<Hit> newest = request.limit() <= 0 ? List.of()
          : new ArrayList<>(hits.takeOrdered(request.limit(), new NewestFirst()));
      if (newest.size() > 1) {
        newest.sort(new NewestFirst());
      }
      if (output != null) {
        write(conf, hits, perDay, output, formulaGuard);
      }
      return new Result(total, sessions, activities, withoutTs, perDay, newest, manifest);
    } finally {
      hits.unpersist();
    }
  }

  /** Where the per-day counts of {@code output} go: {@code hits.csv} -> {@code hits_daily.csv}. */
  public static String dailyPath(String output) {
    return output.endsWith(".csv")
        ? output.substring(0, output.length() - 4) + "_daily.csv" : output + "_daily.csv";
  }

  private static void write(Configuration conf, JavaRDD<Hit> hits, SortedMap<String, Day> perDay,
      String output, boolean formulaGuard) throws IOException {
    Path out = new Path(output);
    FileSystem fs = IndexStore.fs(out, conf);
    try (OutputStream stream = fs.create(out, true);
        CsvReportWriter csv = new CsvReportWriter(stream, HITS, formulaGuard)) {
      Iterator<Hit> sorted = hits.sortBy(Key::of, true, Math.max(1, hits.getNumPartitions()))
          .toLocalIterator();
      while (sorted.hasNext()) {
        Hit h = sorted.next();
        csv.write(Cells.timestamp(h.timestamp()), Cells.text(h.level()),
            Cells.text(h.sessionId()), Cells.text(h.activityId()), Cells.text(h.component()),
            String.join(";", h.issueIds()), Cells.text(h.file()), h.positionKind(),
            Long.toString(h.position()), Cells.text(h.message()));
      }
    }
    Path daily = new Path(dailyPath(output));
    try (OutputStream stream = fs.create(daily, true);
        CsvReportWriter csv = new CsvReportWriter(stream, DAILY, formulaGuard)) {
      perDay.forEach((day, d) -> csv.write(day, Long.toString(d.hits()),
          Long.toString(d.sessions())));
    }
  }

  /** Every hit of every shard, one partition per shard. */
  static JavaRDD<Hit> hits(JavaSparkContext sc, IndexManifest manifest, String dir,
      Request request, boolean wholeMessage) {
    List<String> shards = manifest.shards().stream().map(IndexManifest.Shard::name).toList();
    if (shards.isEmpty()) {
      return sc.emptyRDD();
    }
    SerializableWritable<Configuration> hadoop =
        new SerializableWritable<>(sc.hadoopConfiguration());
    return sc.parallelize(shards, shards.size())
        .flatMap(shard -> new ShardHits(IndexStore.OpenShard.open(dir, shard, hadoop.value()),
            query(request), wholeMessage));
  }

  /** The user's query over records only, within the window when one is given. */
  static Query query(Request request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(LogQueryParser.compile(request.query()), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_RECORD)),
            BooleanClause.Occur.FILTER);
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(IndexFields.TIMESTAMP, from, to), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  static String firstLineOf(String message) {
    if (message == null) {
      return null;
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    int cr = m.indexOf('\r');
    int end = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
    return end < 0 ? m : m.substring(0, end).strip();
  }

  /** The hits of one shard, streamed; the shard is closed at the end or with the task. */
  static final class ShardHits extends NextIterator<Hit> {
    private final IndexStore.OpenShard shard;
    private final Weight weight;
    private final List<LeafReaderContext> leaves;
    private final boolean wholeMessage;
    private final java.util.Set<String> fields = IndexFields.hitFields();
    private int leaf = -1;
    private DocIdSetIterator docs;
    private Bits live;
    private org.apache.lucene.index.StoredFields stored;
    private boolean closed;

    ShardHits(IndexStore.OpenShard shard, Query query, boolean wholeMessage) throws IOException {
      this.shard = shard;
      this.wholeMessage = wholeMessage;
      try {
        IndexSearcher searcher = new IndexSearcher(shard.reader());
        this.weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        this.leaves = shard.reader().leaves();
      } catch (IOException | RuntimeException e) {
        shard.close();
        throw e;
      }
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> close());
      }
    }

    @Override
    protected Hit computeNext() {
      try {
        while (!closed) {
          if (docs != null) {
            int d = docs.nextDoc();
            if (d == DocIdSetIterator.NO_MORE_DOCS) {
              docs = null;
            } else if (live == null || live.get(d)) {
              return hit(d);
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

    private Hit hit(int doc) throws IOException {
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(fields);
      stored.document(doc, visitor);
      Document d = visitor.getDocument();
      var ts = d.getField(IndexFields.TIMESTAMP);
      String message = IndexFields.text(d, IndexFields.RAW);
      return new Hit(ts == null ? null : ts.numericValue().longValue(),
          IndexFields.text(d, IndexFields.LEVEL), IndexFields.text(d, IndexFields.SESSION_ID),
          IndexFields.text(d, IndexFields.ACTIVITY_ID), IndexFields.text(d, IndexFields.COMPONENT),
          List.of(d.getValues(IndexFields.ISSUE_ID)), IndexFields.text(d, IndexFields.FILE),
          d.get(IndexFields.POSITION_KIND),
          d.getField(IndexFields.POSITION).numericValue().longValue(),
          wholeMessage ? message : firstLineOf(message));
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
}
