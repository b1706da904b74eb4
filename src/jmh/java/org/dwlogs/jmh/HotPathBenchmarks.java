package org.dwlogs.jmh;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.parse.RecordParser;
import org.dwlogs.signatures.CatalogLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-record hot path, piece by piece: parsing a text record, the literal pre-filter,
 * and the matcher on noise (dismissed by the pre-filter) and on a documented error (analysed
 * and searched). Run with {@code mvn -Pjmh verify} (see BENCHMARKS.md); never part of the
 * unit tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {
  /** Typical records: noise with a session, a multi-line warning, a documented error. */
  private static final List<String> RECORDS = List.of(
      "2026-11-20T01:02:03.456Z INFO [LiveSync] Entering DualWriteRuntime.ProcessBatch(batchSize=250) "
          + "session_id=4bf3fc02-f6df-4aab-8068-ee14decc3a86",
      "2026-11-20 01:02:03,456 WARN [OutboundQueue] Write to accounts cancelled after 112 s; record requeued\n"
          + "   at Microsoft.Dynamics.Integrator.DualWriteRuntime.LiveSync.RecordWriter.WriteAsync(RecordBatch batch)\n"
          + "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection)",
      "2026-11-20T03:02:03+02:00 ERROR [DualWriteSync] Response status code does not indicate success: 403 (tokenexchange).\n"
          + "Session ID: 4bf3fc02-f6df-4aab-8068-ee14decc3a86\n"
          + "Root activity ID: 8b9ff043-a0d6-4994-bf40-cb5078026890");

  @Param({"0", "1", "2"})
  public int record;

  private String text;
  private String message;
  private RecordParser parser;
  private SignatureMatcher matcher;
  private boolean[] marks;

  @Setup
  public void setUp() {
    JobConfig config = ConfigLoader.bundled();
    parser = new RecordParser(config, ZoneOffset.UTC);
    matcher = new SignatureMatcher(CatalogLoader.bundled());
    marks = new boolean[CatalogLoader.bundled().signatures().size()];
    text = RECORDS.get(record);
    message = ((org.dwlogs.parse.LogRecord) parser.parseText("bench", Position.offset(0), text, false)).message();
  }

  @Benchmark
  public Parsed parseTextRecord() {
    return parser.parseText("bench", Position.offset(0), text, false);
  }

  @Benchmark
  public int prefilter() {
    return matcher.prefilter().mayMatchEach(message, marks);
  }

  @Benchmark
  public void match(Blackhole bh) {
    bh.consume(matcher.match(message));
  }
}
