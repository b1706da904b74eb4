package org.dwlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.cli.DwlogsCommandTest.expectExit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.dwlogs.SparkTestSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dwlogs explain --file}: the record at a line or offset of a log file, read and parsed
 * by the job's own readers, then explained with the context the job gives it.
 */
class ExplainFileCommandTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final String CATALOG = """
      version: 1
      signatures:
        - issue_id: status-401
          title: "Response status code does not indicate success: 401 (Unauthorized)."
          query: '"status code does not indicate success 401 unauthorized"'
          generic: true
          remedy: r
          doc_section: d
      """;

  /** Three records; the second spans three lines and starts at byte 68. */
  static final String TEXT_LOG = """
      2026-11-20T01:00:00.000Z INFO [Worker] Health check OK for tenant 7
      2026-11-20T01:02:03.456Z ERROR [DualWriteSync] Response status code does not indicate success: 401 (Unauthorized).
      Session ID: 4bf3fc02-f6df-4aab-8068-ee14decc3a86
      Root activity ID: 8b9ff043-a0d6-4994-bf40-cb5078026890
      2026-11-20T01:05:00.000Z ERROR [HttpClient] Response status code does not indicate success: 401 (Unauthorized).
      """;

  @TempDir
  Path tmp;

  String catalog;

  @BeforeEach
  void writeCatalog() throws IOException {
    catalog = Files.writeString(tmp.resolve("catalog.yaml"), CATALOG).toString();
  }

  private List<String> explain(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "explain";
    all[1] = "--catalog";
    all[2] = catalog;
    System.arraycopy(args, 0, all, 3, args.length);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.OK, all);
    return r.out().lines().toList();
  }

  @Test
  void picksTheRecordThatHoldsALineAndPrintsItAsParsed() throws IOException {
    Path log = Files.writeString(tmp.resolve("service.log"), TEXT_LOG);
    List<String> lines = explain("--file", log.toString(), "--line", "3");
    assertThat(lines).startsWith(
        "record: " + log + ", offset 68 (text)",
        "  timestamp: 2026-11-20T01:02:03.456Z",
        "  level: ERROR",
        "  component: DualWriteSync",
        "  session: 4bf3fc02-f6df-4aab-8068-ee14decc3a86",
        "  activity: 8b9ff043-a0d6-4994-bf40-cb5078026890",
        "  other fields: (none)",
        "  message:",
        "      Response status code does not indicate success: 401 (Unauthorized).",
        "      Session ID: 4bf3fc02-f6df-4aab-8068-ee14decc3a86",
        "      Root activity ID: 8b9ff043-a0d6-4994-bf40-cb5078026890");
    // The job matches a text record's message with its bracketed component in front, so the
    // analysed text starts with the component's token.
    assertThat(lines).anyMatch(l -> l.startsWith("tokens (25): dualwritesync response status"));
    assertThat(lines).contains("dual-write context: yes: 'dual[-_ ]?write' found in the message",
        "  status-401: matches; generic, in dual-write context", "counted (1):", "  status-401");
  }

  @Test
  void theSameStatusLineFromAnotherComponentIsOutOfContext() throws IOException {
    Path log = Files.writeString(tmp.resolve("service.log"), TEXT_LOG);
    List<String> lines = explain("--file", log.toString(), "--line", "5");
    assertThat(lines).contains("record: " + log + ", offset 287 (text)", "  component: HttpClient",
        "dual-write context: no",
        "  status-401: matches; generic, and the record is out of dual-write context: not counted",
        "counted: none");
  }

  @Test
  void anOffsetInsideARecordPicksThatRecord() throws IOException {
    Path log = Files.writeString(tmp.resolve("service.log"), TEXT_LOG);
    assertThat(explain("--file", log.toString(), "--offset", "200"))
        .first().isEqualTo("record: " + log + ", offset 68 (text)");
  }

  @Test
  void withoutALineTheFirstRecordIsExplained() throws IOException {
    Path log = Files.writeString(tmp.resolve("service.log"), TEXT_LOG);
    assertThat(explain("--file", log.toString()))
        .startsWith("record: " + log + ", offset 0 (text)")
        .contains("  message: Health check OK for tenant 7", "counted: none");
  }

  @Test
  void readsAGzipFileAndCountsOffsetsInTheDecompressedStream() throws IOException {
    Path gz = tmp.resolve("service.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(TEXT_LOG.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(explain("--file", gz.toString(), "--line", "4"))
        .first().isEqualTo("record: " + gz + ", offset 68 (text)");
  }

  @Test
  void readsACsvRowByItsLine() throws IOException {
    Path csv = Files.writeString(tmp.resolve("errors.csv"), """
        Created On,Severity,Component,Message
        2026-11-20 01:02:03.456,Error,MapManager,"Table map create failed:
        Response status code does not indicate success: 401 (Unauthorized)."
        2026-11-20 01:03:00.000,Info,MapManager,Done
        """);
    List<String> lines = explain("--file", csv.toString(), "--line", "3");
    assertThat(lines).startsWith("record: " + csv + ", line 2 (csv)",
        "  timestamp: 2026-11-20T01:02:03.456Z", "  level: ERROR", "  component: MapManager");
    assertThat(lines).contains("  status-401: matches; generic, in dual-write context", "  status-401");
    assertThat(explain("--file", csv.toString(), "--line", "4"))
        .contains("record: " + csv + ", line 4 (csv)", "  message: Done");
  }

  @Test
  void readsAJsonLinesRecordInTheFormatGiven() throws IOException {
    Path json = Files.writeString(tmp.resolve("events.txt"), """
        {"timestamp":"2026-11-20T01:02:03Z","level":"Error","component":"DualWrite.TableMap","message":"Response status code does not indicate success: 401 (Unauthorized)."}
        """);
    List<String> lines = explain("--file", json.toString(), "--format", "jsonl");
    assertThat(lines).contains("record: " + json + ", offset 0 (jsonl)", "  component: DualWrite.TableMap",
        "counted (1):", "  status-401");
  }

  @Test
  void aMalformedRecordIsShownAsTheQuarantineWouldHoldIt() throws IOException {
    Path json = Files.writeString(tmp.resolve("events.jsonl"), "{\"message\": \"cut\n");
    List<String> lines = explain("--file", json.toString(), "--line", "1");
    assertThat(lines.get(0)).startsWith("record: " + json + ", offset 0 (jsonl): malformed (invalid_json)");
    assertThat(lines).contains("the job sets malformed records aside in the quarantine and matches nothing in them");
  }

  @Test
  void aMissingFileExitsTwoNamingIt() {
    Path missing = tmp.resolve("no-such.log");
    DwlogsCommandTest.Run r = expectExit(ExitCodes.INPUT, "explain", "--file", missing.toString());
    assertThat(r.errLines()).containsExactly("dwlogs: input path does not exist: " + missing);
  }

  @Test
  void aLineBeyondTheEndExitsTwoSayingHowLongTheFileIs() throws IOException {
    Path log = Files.writeString(tmp.resolve("service.log"), TEXT_LOG);
    DwlogsCommandTest.Run r = expectExit(ExitCodes.INPUT, "explain", "--file", log.toString(),
        "--line", "99");
    assertThat(r.errLines()).containsExactly(
        "dwlogs: " + log + ": there is no line 99: the file has 5 lines and 399 bytes");
  }

  @Test
  void aFolderIsAUsageError() {
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "explain", "--file", tmp.toString());
    assertThat(r.err()).contains("--file must name one log file");
  }
}
