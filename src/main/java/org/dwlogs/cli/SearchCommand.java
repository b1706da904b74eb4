package org.dwlogs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.index.LogQueryParser;
import org.dwlogs.index.Searcher;
import org.dwlogs.index.SparkSearcher;
import org.dwlogs.job.SparkSessions;
import org.dwlogs.report.Cells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dwlogs search}: an ad-hoc Lucene query over an index. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpWidth = 100,
    description = {"Searches an index built by 'dwlogs index'.",
        "",
        "QUERY is classic Lucene query syntax over the analysed message, terms joined by AND",
        "unless it says OR, as in the catalog. Fields: message, timestamp, level, component,",
        "session_id, activity_id, issue_id, file; e.g. 'issue_id:map-create-401',",
        "'level:error AND \"token exchange\"', 'timestamp:[2026-11-20 TO 2026-11-21]'.",
        "Prints the hits, distinct sessions and activities, hits per UTC day and the newest hits.",
        "",
        "A local index (no scheme or file:) on a local master is searched in this JVM, one",
        "thread per shard, without starting Spark; any other index, or --spark, runs one Spark",
        "task per shard. Both give the same output."},
    footer = {"", "Exit codes: 0 done, 1 usage error or a query that does not parse,",
        "2 input or output problem, 4 internal error."})
final class SearchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR",
      description = "The index folder; any Hadoop file system URI.")
  String index;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query (quote it for the shell).")
  String query;

  @Option(names = "--from", paramLabel = "TIME", converter = ReportCommand.FromConverter.class,
      description = "Only hits at or after TIME: a UTC day or an ISO-8601 instant with a zone.")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", converter = ReportCommand.ToConverter.class,
      description = "Only hits before TIME; a day means up to the end of that UTC day.")
  Instant to;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "How many of the newest hits to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Also write every hit, newest first, to FILE as CSV, and the hits per day "
          + "beside it (hits.csv -> hits_daily.csv).")
  String output;

  @Option(names = "--formula-guard", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Prefix CSV cells that start with =, +, -, @, tab or CR with ' (default: on).")
  boolean formulaGuard;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*]). A local "
          + "index on a local master is searched without Spark (see --spark).")
  String master;

  @Option(names = "--spark",
      description = "Search with one Spark task per shard even where the search would run in "
          + "this JVM without Spark (a local index and a local master).")
  boolean useSpark;

  @Override
  public Integer call() throws Exception {
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be 0 or more: " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ParameterException(spec.commandLine(),
          "the window --from " + from + " --to " + to + " is empty: it must start before it ends");
    }
    LogQueryParser.compile(query); // a syntax error stops here, before Spark starts
    Searcher.Request request = new Searcher.Request(query, from, to, limit);
    Searcher.Result r = !useSpark && Searcher.runsInDriver(index, master)
        ? Searcher.search(index, request, output, formulaGuard)
        : searchWithSpark(request);
    print(spec.commandLine().getOut(), query, r, limit);
    if (output != null) {
      spec.commandLine().getErr().printf("dwlogs: hits written to %s, per day to %s%n", output,
          Searcher.dailyPath(output));
    }
    return ExitCodes.OK;
  }

  /** The search as a Spark job; only here does the command start Spark. */
  private Searcher.Result searchWithSpark(Searcher.Request request) throws java.io.IOException {
    SparkSession spark = SparkSessions.getOrCreate(master, "dwlogs search");
    try {
      return SparkSearcher.search(spark, index, request, output, formulaGuard);
    } finally {
      spark.stop();
    }
  }

  /** The summary as printed: counts, hits per day, then the newest hits, one per line. */
  static void print(PrintWriter out, String query, Searcher.Result r, int limit) {
    out.printf("query:      %s%n", query);
    out.printf("hits:       %d%n", r.hits());
    out.printf("sessions:   %d%n", r.sessions());
    out.printf("activities: %d%n", r.activities());
    out.println("hits per day (UTC):");
    for (Map.Entry<String, Searcher.Day> e : r.perDay().entrySet()) {
      out.printf("  %s  %8d hits  %6d sessions%n", e.getKey(), e.getValue().hits(),
          e.getValue().sessions());
    }
    if (r.withoutTimestamp() > 0) {
      out.printf("  (no timestamp) %5d hits%n", r.withoutTimestamp());
    }
    if (limit > 0) {
      out.printf("newest %d of %d:%n", r.newest().size(), r.hits());
      for (Searcher.Hit h : r.newest()) {
        out.printf("  %-24s  %-8s  %-36s  %s%n", Cells.timestamp(h.timestamp()),
            h.level() == null ? "-" : h.level(), h.sessionId() == null ? "-" : h.sessionId(),
            h.firstLine());
      }
    }
    out.flush();
  }
}
