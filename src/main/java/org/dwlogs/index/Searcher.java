package org.dwlogs.index;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
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
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dwlogs.config.SourceFiles;
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
   * Whether a search of {@code index} runs in the driver: when the index is in a local folder
   * ({@link #localFolder}) and Spark would run on this machine anyway (the master given, else
   * the one spark-submit set, else the default, is {@code local...}). Otherwise one Spark task
   * per shard.
   */
  public static boolean runsInDriver(String index, String master) {
    return runsInDriver(index, master, Searcher::defaultFileSystemConfiguration);
  }

  static boolean runsInDriver(String index, String master, Supplier<Configuration> hadoop) {
    String effective = master != null ? master
        : System.getProperty("spark.master", SparkSessions.DEFAULT_MASTER);
    return effective.startsWith("local") && localFolder(index, hadoop) != null;
  }

  /**
   * The local folder of {@code index}: a {@code file:} URI, or a path without scheme when the
   * default file system is the local one; null when the index is on another file system.
   */
  static java.nio.file.Path localFolder(String index, Supplier<Configuration> hadoop) {
    URI uri = new Path(index).toUri();
    if (uri.getScheme() == null) {
      Configuration conf = hadoop.get();
      boolean local = conf == null || "file".equals(FileSystem.getDefaultUri(conf).getScheme());
      return local ? Paths.get(index).toAbsolutePath() : null;
    }
    return "file".equals(uri.getScheme()) ? Paths.get(uri) : null;
  }

  /**
   * The Hadoop configuration that may name another default file system, or null when nothing
   * can: no {@code core-site.xml} on the class path (spark-submit puts {@code HADOOP_CONF_DIR}
   * there) and no {@code spark.hadoop.fs.defaultFS}. Hadoop's own default is the local file
   * system; starting Hadoop just to learn that costs a local search a second or more.
   */
  private static Configuration defaultFileSystemConfiguration() {
    boolean siteFile = Searcher.class.getClassLoader().getResource("core-site.xml") != null;
    return siteFile || System.getProperty("spark.hadoop.fs.defaultFS") != null
        ? SourceFiles.hadoopConfiguration() : null;
  }

  /**
   * Searches the local index at {@code index} in this JVM, one thread per shard up to the
   * number of cores, without Spark or Hadoop. With {@code output} not null, every hit is also
   * written there as CSV (any Hadoop file system), and the per-day counts beside it
   * ({@link #dailyPath}); the hits are then held in memory to be sorted (about the size of
   * their messages).
   */
  public static Result search(String index, Request request, String output,
      boolean formulaGuard) throws IOException {
    query(request); // fails here, before any shard is opened, when it does not parse
    java.nio.file.Path dir = localFolder(index, Searcher::defaultFileSystemConfiguration);
    if (dir == null) {
      throw new IllegalArgumentException(index + " is not a local folder; search it with Spark");
    }
    IndexManifest manifest = IndexManifest.read(dir);
    List<String> shards = manifest.shards().stream().map(IndexManifest.Shard::name).toList();
    boolean wholeMessage = output != null;
    int threads = Math.max(1, Math.min(shards.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dwlogs-search");
      t.setDaemon(true);
      return t;
    });
    List<IndexStore.OpenShard> open = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      // First count every shard from doc values; then read the stored documents of only those
      // hits that can be among the newest of the whole index.
      List<Future<Counted>> counting = new ArrayList<>();
      for (String name : shards) {
        counting.add(pool.submit(() -> {
          IndexStore.OpenShard shard = IndexStore.OpenShard.openLocal(dir, name);
          open.add(shard);
          return new Counted(shard, ShardSearch.count(shard.reader(), query(request)));
        }));
      }
      List<Counted> counted = new ArrayList<>();
      for (Future<Counted> f : counting) {
        counted.add(await(f));
      }
      long threshold = ShardSearch.threshold(counted.stream()
          .map(c -> c.counts().newestTimestamps(request.limit())).toList(), request.limit());
      List<Future<Shard>> reading = new ArrayList<>();
      for (Counted c : counted) {
        reading.add(pool.submit(() -> new Shard(
            c.counts().summary(threshold, request.limit(), wholeMessage),
            wholeMessage ? allHits(c.shard(), request) : List.of())));
      }
      List<ShardSearch.Summary> parts = new ArrayList<>();
      List<Hit> all = new ArrayList<>();
      for (Future<Shard> f : reading) {
        Shard s = await(f);
        parts.add(s.summary());
        all.addAll(s.hits());
      }
      Result result = ShardSearch.Summary.merge(parts, request.limit()).toResult(manifest);
      if (output != null) {
        all.sort(Comparator.comparing(Key::of));
        write(Sink.of(output, SourceFiles::hadoopConfiguration), all.iterator(), result.perDay(),
            output, formulaGuard);
      }
      return result;
    } finally {
      pool.shutdownNow(); // after a failure, let the other shards' tasks end before closing
      try {
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeAll(open);
    }
  }

  /** An open shard and its hits, counted. */
  private record Counted(IndexStore.OpenShard shard, ShardSearch.Counted counts) {}

  /** One shard's summary and, when they are written out, all its hits. */
  private record Shard(ShardSearch.Summary summary, List<Hit> hits) {}

  private static List<Hit> allHits(IndexStore.OpenShard shard, Request request)
      throws IOException {
    List<Hit> hits = new ArrayList<>();
    ShardHits.of(shard.reader(), query(request), true).forEachRemaining(hits::add);
    return hits;
  }

  private static void closeAll(List<IndexStore.OpenShard> shards) throws IOException {
    IOException first = null;
    for (IndexStore.OpenShard s : shards) {
      try {
        s.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
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

  /** Where the hits files go: a file created (or replaced) at a path. */
  interface Sink {
    OutputStream create(String path) throws IOException;

    /**
     * A local path (no scheme on the local default file system, or {@code file:}) is written
     * with java.nio, anything else with Hadoop.
     */
    static Sink of(String output, Supplier<Configuration> hadoop) {
      if (localFolder(output, Searcher::defaultFileSystemConfiguration) != null) {
        return path -> {
          java.nio.file.Path p = localFolder(path, () -> null);
          if (p.getParent() != null) {
            Files.createDirectories(p.getParent());
          }
          return Files.newOutputStream(p);
        };
      }
      return hadoop(hadoop.get());
    }

    static Sink hadoop(Configuration conf) {
      return path -> {
        Path p = new Path(path);
        return IndexStore.fs(p, conf).create(p, true);
      };
    }
  }

  /** Writes the hits, already in {@link Key} order, and the per-day counts beside them. */
  static void write(Sink sink, Iterator<Hit> sorted, SortedMap<String, Day> perDay,
      String output, boolean formulaGuard) throws IOException {
    try (OutputStream stream = sink.create(output);
        CsvReportWriter csv = new CsvReportWriter(stream, HITS, formulaGuard)) {
      while (sorted.hasNext()) {
        Hit h = sorted.next();
        csv.write(Cells.timestamp(h.timestamp()), Cells.text(h.level()),
            Cells.text(h.sessionId()), Cells.text(h.activityId()), Cells.text(h.component()),
            String.join(";", h.issueIds()), Cells.text(h.file()), h.positionKind(),
            Long.toString(h.position()), Cells.text(h.message()));
      }
    }
    try (OutputStream stream = sink.create(dailyPath(output));
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
