package org.dwlogs.index;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.report.Cells;
import org.dwlogs.report.CsvReportWriter;
import org.dwlogs.report.ReportTable;

/**
 * Runs one query over every shard of an index and sums up the hits: total, distinct sessions
 * and activities, hits per UTC day, the newest hits, and optionally every hit as CSV.
 * Malformed records are not searched.
 *
 * <p>A local index is searched here, in the driver, one thread per shard up to the number of
 * cores, with no Spark at all: starting Spark costs seconds, searching a shard milliseconds.
 * {@link SparkSearcher} runs the same per-shard code ({@link ShardSearch}) as one Spark task
 * per shard, for an index on a cluster file system. {@link #runsInDriver} chooses.
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
   * Whether a search of {@code index} runs in the driver: when the index is on the local file
   * system (a path without scheme, under the default file system {@code file:}, or a
   * {@code file:} URI) and Spark would run on this machine anyway (the master given, else the
   * one spark-submit set, else the default, is {@code local...}). Otherwise one Spark task per
   * shard.
   */
  public static boolean runsInDriver(String index, String master, Configuration conf)
      throws IOException {
    String effective = master != null ? master
        : System.getProperty("spark.master", SparkSessions.DEFAULT_MASTER);
    return effective.startsWith("local")
        && "file".equals(IndexStore.qualified(index, conf).toUri().getScheme());
  }

  /**
   * The Hadoop configuration a driver-only command uses: the one on the class path, plus
   * {@code spark.hadoop.*} system properties as Spark would pass them.
   */
  public static Configuration driverConfiguration() {
    Configuration conf = new Configuration();
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("spark.hadoop."))
        .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
    return conf;
  }

  /**
   * Searches the index at {@code index} in this JVM, one thread per shard up to the number of
   * cores. With {@code output} not null, every hit is also written there as CSV, and the
   * per-day counts beside it ({@link #dailyPath}); the hits are then held in memory to be
   * sorted (about the size of their messages).
   */
  public static Result search(Configuration conf, String index, Request request, String output,
      boolean formulaGuard) throws IOException {
    query(request); // fails here, before any shard is opened, when it does not parse
    Path dir = IndexStore.qualified(index, conf);
    IndexManifest manifest = IndexManifest.read(IndexStore.fs(dir, conf), dir);
    List<String> shards = manifest.shards().stream().map(IndexManifest.Shard::name).toList();
    boolean wholeMessage = output != null;
    List<ShardSearch.Summary> parts = new ArrayList<>();
    List<Hit> all = new ArrayList<>();
    int threads = Math.max(1, Math.min(shards.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dwlogs-search");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Shard>> futures = new ArrayList<>();
      for (String shard : shards) {
        futures.add(pool.submit(() -> searchShard(dir.toString(), shard, conf, request,
            wholeMessage)));
      }
      for (Future<Shard> f : futures) {
        Shard s = await(f);
        parts.add(s.summary());
        all.addAll(s.hits());
      }
    } finally {
      pool.shutdownNow();
    }
    ShardSearch.Summary summary = ShardSearch.Summary.merge(parts, request.limit());
    Result result = summary.toResult(manifest);
    if (output != null) {
      all.sort(Comparator.comparing(Key::of));
      write(conf, all.iterator(), result.perDay(), output, formulaGuard);
    }
    return result;
  }

  /** One shard's summary and, when they are written out, all its hits. */
  private record Shard(ShardSearch.Summary summary, List<Hit> hits) {}

  private static Shard searchShard(String dir, String name, Configuration conf, Request request,
      boolean wholeMessage) throws IOException {
    try (IndexStore.OpenShard shard = IndexStore.OpenShard.open(dir, name, conf)) {
      ShardSearch.Summary summary = ShardSearch.summarize(shard.reader(), query(request),
          request.limit(), wholeMessage);
      List<Hit> hits = new ArrayList<>();
      if (wholeMessage) {
        ShardHits.of(shard.reader(), query(request), true).forEachRemaining(hits::add);
      }
      return new Shard(summary, hits);
    }
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("search interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /** The UTC day of an epoch-millisecond timestamp, as {@code uuuu-MM-dd}. */
  static String dayOf(long millis) {
    return DAY.format(Instant.ofEpochMilli(millis));
  }

  /** Where the per-day counts of {@code output} go: {@code hits.csv} -> {@code hits_daily.csv}. */
  public static String dailyPath(String output) {
    return output.endsWith(".csv")
        ? output.substring(0, output.length() - 4) + "_daily.csv" : output + "_daily.csv";
  }

  /** Writes the hits, already in {@link Key} order, and the per-day counts beside them. */
  static void write(Configuration conf, Iterator<Hit> sorted, SortedMap<String, Day> perDay,
      String output, boolean formulaGuard) throws IOException {
    Path out = new Path(output);
    FileSystem fs = IndexStore.fs(out, conf);
    try (OutputStream stream = fs.create(out, true);
        CsvReportWriter csv = new CsvReportWriter(stream, HITS, formulaGuard)) {
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
}
