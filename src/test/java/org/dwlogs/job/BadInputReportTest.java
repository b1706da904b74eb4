package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.job.MessyLogs.MAP_401;
import static org.dwlogs.job.MessyLogs.MAP_401_ID;
import static org.dwlogs.job.MessyLogs.session;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.cli.DwlogsCommand;
import org.dwlogs.job.MessyLogs.Bytes;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on broken input. One run reads a folder with one broken file per kind of damage
 * (plus good files), each file with its own session ID so that its matched records can be
 * counted in issue_sessions.csv; each test checks one kind: the per-file counts in the
 * manifest, the good records around the bad one, and the quarantine entry.
 *
 * <p>The CLI test that checks --max-malformed-ratio runs last: the command stops the Spark
 * session it finds, which is this class's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  @TempDir
  static Path tmp;

  static Path in;
  static Path out;
  static JsonNode manifest;
  static Map<String, JsonNode> inputs;
  static ReportCsv quarantine;
  static Map<String, String> occurrencesBySession;
  static ReportCsv unmatched;

  // Where the broken pieces were written, by construction.
  static final Map<String, Long> at = new HashMap<>();
  static final Map<String, String> raw = new HashMap<>();

  static final int TRUNCATED_GZ_RECORDS = 3000;

  @BeforeAll
  static void runOnEveryKindOfDamage() throws IOException {
    in = tmp.resolve("in");
    writeBadJsonLines(in.resolve("bad.jsonl"));
    writeBadCsv(in.resolve("rows.csv"));
    writeBadEncoding(in.resolve("encoding.log"), in.resolve("encoding.jsonl"));
    writeOrphans(in.resolve("orphans.log"));
    writeLongLine(in.resolve("long.log"));
    writeEmpty(in);
    writeGzips(in);

    out = tmp.resolve("out");
    MessyLogs.run(SPARK.session(), List.of(in.toString()), out, 1.0);
    manifest = MessyLogs.manifest(out);
    inputs = MessyLogs.inputsByName(manifest);
    quarantine = ReportCsv.read(out.resolve(ReportTable.QUARANTINE.fileName()));
    occurrencesBySession = new HashMap<>();
    ReportCsv.read(out.resolve(ReportTable.ISSUE_SESSIONS.fileName())).rows().stream()
        .filter(r -> r.get("issue_id").equals(MAP_401_ID))
        .forEach(r -> occurrencesBySession.put(r.get("session_id"), r.get("occurrences")));
    unmatched = ReportCsv.read(out.resolve(ReportTable.UNMATCHED_ERRORS.fileName()));
  }

  // ---------------------------------------------------------------- the broken files

  static String jsonGood(int second, String session) {
    return "{\"timestamp\":\"2026-11-20T01:00:" + String.format("%02d", second)
        + "Z\",\"level\":\"ERROR\",\"message\":\"" + MAP_401 + "\",\"sessionId\":\"" + session
        + "\"}\n";
  }

  /** 10 good lines (session 1) around 4 invalid ones and a blank line. */
  static void writeBadJsonLines(Path file) throws IOException {
    Bytes b = new Bytes();
    String s = session(1);
    int sec = 0;
    for (int i = 0; i < 3; i++) {
      b.text(jsonGood(sec++, s));
    }
    String[] bad = {
        "{\"timestamp\": \"2026-11-20T01:00:00Z\", \"message\": \"unterminated",
        "not json at all",
        "[1,2,3]",
        "{\"message\":\"one\"} {\"message\":\"two\"}"};
    int[] goodAfter = {2, 2, 2, 1};
    for (int k = 0; k < bad.length; k++) {
      at.put("json" + k, b.offset());
      raw.put("json" + k, bad[k]);
      b.text(bad[k] + "\n");
      if (k == 2) {
        b.text("\n"); // blank: not a record, not malformed
      }
      for (int i = 0; i < goodAfter[k]; i++) {
        b.text(jsonGood(sec++, s));
      }
    }
    b.write(file);
  }

  /**
   * A CSV with two rows of the wrong width and an unbalanced quote in the middle, followed by
   * good rows, one with a quoted field over two lines: 7 good rows (session 2).
   */
  static void writeBadCsv(Path file) throws IOException {
    String s = session(2);
    Bytes b = new Bytes().text("Created On,Level,Message,Session ID\n");
    b.text("2026-11-20T02:00:00Z,ERROR," + MAP_401 + "," + s + "\n");
    at.put("csvFew", b.line());
    raw.put("csvFew", "2026-11-20T02:00:01Z,ERROR,only three");
    b.text(raw.get("csvFew") + "\n");
    b.text("2026-11-20T02:00:02Z,ERROR," + MAP_401 + "," + s + "\n");
    at.put("csvMany", b.line());
    raw.put("csvMany", "2026-11-20T02:00:03Z,ERROR,a,b,c,d");
    b.text(raw.get("csvMany") + "\n");
    b.text("2026-11-20T02:00:04Z,ERROR,\"" + MAP_401 + " (quoted, with a comma)\"," + s + "\n");
    at.put("csvQuote", b.line());
    raw.put("csvQuote", "2026-11-20T02:00:05Z,ERROR,\"never closed " + MAP_401 + "," + s);
    b.text(raw.get("csvQuote") + "\n");
    b.text("2026-11-20T02:00:06Z,ERROR," + MAP_401 + "," + s + "\n");
    b.text("2026-11-20T02:00:07Z,ERROR,\"" + MAP_401 + "\nat DualWrite.Sync(), line 2\"," + s + "\n");
    b.text("2026-11-20T02:00:08Z,ERROR,\"He said \"\"" + MAP_401 + "\"\"\"," + s + "\n");
    b.text("2026-11-20T02:00:09Z,ERROR," + MAP_401 + "," + s + "\n");
    b.write(file);
  }

  /** Text and JSON Lines with bytes that are not UTF-8 and with control characters. */
  static void writeBadEncoding(Path text, Path jsonl) throws IOException {
    String s = session(3);
    Bytes b = new Bytes();
    // Bytes that are neither UTF-8 nor Windows-1252 (0x81, 0x8D, 0x9D, 0x90 are undefined
    // there): a line of only Windows-1252 bytes would be read as Windows-1252.
    b.text("2026-11-20 03:00:00,000 ERROR [Sync] Payload had bad bytes ")
        .raw((byte) 0xC3, (byte) 0x28).text(" and ").raw((byte) 0x81).text(" here\n")
        .text("Session ID: " + s + "\n");
    b.text("2026-11-20 03:00:01,000 ERROR [Sync] " + MAP_401 + "\n")
        .raw((byte) 0x8D, (byte) 0x9D).text(" stack junk\nSession ID: " + s + "\n");
    b.text("2026-11-20 03:00:02,000 ERROR [Sync] Bell \u0007 and escape \u001b in payload\n"
        + "Session ID: " + s + "\n");
    b.text(MessyLogs.textRecord("2026-11-20 03:00:03,000", "ERROR", MAP_401, s, "\n"));
    b.write(text);

    String sj = session(33);
    new Bytes()
        .text("{\"timestamp\":\"2026-11-20T04:00:00Z\",\"level\":\"ERROR\",\"message\":\"" + MAP_401
            + " ").raw((byte) 0x81, (byte) 0x90).text("\",\"sessionId\":\"" + sj + "\"}\n")
        .text("{\"timestamp\":\"2026-11-20T04:00:01Z\",\"level\":\"ERROR\",\"message\":\"" + MAP_401
            + " \\u0001 ctl\",\"sessionId\":\"" + sj + "\"}\n")
        .write(jsonl);
  }

  /** CRLF text whose first two lines come before any record start: 3 records (session 4). */
  static void writeOrphans(Path file) throws IOException {
    String s = session(4);
    new Bytes().text("    at Some.Frame()\r\ncontinued before any record\r\n")
        .text(MessyLogs.textRecord("2026-11-20 05:00:00,000", "ERROR", MAP_401, s, "\r\n"))
        .text(MessyLogs.textRecord("2026-11-20 05:00:01,000", "INFO", "ok", null, "\r\n"))
        .text(MessyLogs.textRecord("2026-11-20 05:00:02,000", "ERROR", MAP_401, s, "\r\n"))
        .write(file);
  }

  /** A record whose one line is 10 MiB, then two documented errors (session 5). */
  static void writeLongLine(Path file) throws IOException {
    String s = session(5);
    Bytes b = new Bytes().text("2026-11-20 06:00:00,000 INFO [Sync] ");
    byte[] big = new byte[10 * 1024 * 1024];
    Arrays.fill(big, (byte) 'x');
    b.raw(big).text("\n")
        .text(MessyLogs.textRecord("2026-11-20 06:00:01,000", "ERROR", MAP_401, s, "\n"))
        .text(MessyLogs.textRecord("2026-11-20 06:00:02,000", "ERROR", MAP_401, s, "\n"))
        .write(file);
  }

  static void writeEmpty(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("emptydir"));
    Files.write(folder.resolve("empty.log"), new byte[0]);
    Files.write(folder.resolve("empty.jsonl"), new byte[0]);
    Files.write(folder.resolve("empty.csv"), new byte[0]);
  }

  /** A good gzip (50 records, session 8), a truncated one (session 7) and a corrupt one. */
  static void writeGzips(Path folder) throws IOException {
    Bytes good = new Bytes();
    for (int i = 0; i < 50; i++) {
      good.text(MessyLogs.textRecord(String.format("2026-11-20 07:00:%02d,000", i % 60), "ERROR",
          MAP_401, session(8), "\n"));
    }
    good.writeGzip(folder.resolve("good.log.gz"));

    Bytes all = new Bytes();
    Random random = new Random(7);
    for (int i = 0; i < TRUNCATED_GZ_RECORDS; i++) {
      all.text(MessyLogs.textRecord(String.format("2026-11-20 08:%02d:%02d,%03d", i / 60 % 60,
          i % 60, random.nextInt(1000)), "ERROR", MAP_401 + " #" + random.nextLong(),
          session(7), "\n"));
    }
    Path full = all.writeGzip(tmp.resolve("full.log.gz"));
    byte[] gz = Files.readAllBytes(full);
    Files.write(folder.resolve("truncated.log.gz"), Arrays.copyOf(gz, gz.length * 6 / 10));

    byte[] garbage = new byte[4096];
    random.nextBytes(garbage);
    garbage[0] = 0x00; // not the gzip magic number
    Files.write(folder.resolve("corrupt.log.gz"), garbage);
  }

  // ---------------------------------------------------------------- assertions

  static JsonNode input(String name) {
    assertThat(inputs).containsKey(name);
    return inputs.get(name);
  }

  static void assertCounts(String name, long records, long malformed, Map<String, Long> byKind) {
    JsonNode f = input(name);
    assertThat(f.get("records").asLong()).as(name + " records").isEqualTo(records);
    assertThat(f.get("malformed").asLong()).as(name + " malformed").isEqualTo(malformed);
    Map<String, Long> kinds = new HashMap<>();
    f.get("malformed_by_kind").fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue().asLong()));
    assertThat(kinds).as(name + " malformed_by_kind").isEqualTo(byKind);
  }

  static long field(String name, String key) {
    return input(name).get(key).asLong();
  }

  static List<Map<String, String>> quarantined(String name) {
    return quarantine.rows().stream().filter(r -> r.get("source").endsWith("/" + name)).toList();
  }

  static String occurrences(int session) {
    return occurrencesBySession.get(session(session));
  }

  // ---------------------------------------------------------------- the tests

  @Test
  void invalidJsonLinesAreQuarantinedAndTheLinesAroundThemAreCounted() {
    assertCounts("bad.jsonl", 10, 4, Map.of("invalid_json", 4L));
    assertThat(occurrences(1)).isEqualTo("10");

    List<Map<String, String>> q = quarantined("bad.jsonl");
    assertThat(q).hasSize(4);
    for (int k = 0; k < 4; k++) {
      Map<String, String> row = q.get(k);
      assertThat(row.get("source")).isEqualTo(in.resolve("bad.jsonl").toString());
      assertThat(row.get("kind")).isEqualTo("invalid_json");
      assertThat(row.get("position_kind")).isEqualTo("offset");
      assertThat(row.get("position")).isEqualTo(Long.toString(at.get("json" + k)));
      assertThat(row.get("raw")).isEqualTo(raw.get("json" + k));
      assertThat(row.get("reason")).isNotBlank();
    }
  }

  @Test
  void csvRowsOfTheWrongWidthAndAnUnbalancedQuoteCostOneRowEach() {
    assertCounts("rows.csv", 7, 3, Map.of("csv_field_count", 2L, "csv_unbalanced_quotes", 1L));
    // Every good row after the unbalanced quote is read, the two-line one too.
    assertThat(occurrences(2)).isEqualTo("7");

    List<Map<String, String>> q = quarantined("rows.csv");
    assertThat(q).extracting(r -> r.get("position_kind")).containsOnly("line");
    assertThat(q).extracting(r -> r.get("position") + " " + r.get("kind") + " " + r.get("raw"))
        .containsExactly(
            at.get("csvFew") + " csv_field_count " + raw.get("csvFew"),
            at.get("csvMany") + " csv_field_count " + raw.get("csvMany"),
            at.get("csvQuote") + " csv_unbalanced_quotes " + raw.get("csvQuote"));
  }

  @Test
  void bytesThatAreNotUtf8AndControlCharactersAreKeptAndCounted() {
    assertCounts("encoding.log", 4, 0, Map.of());
    assertThat(field("encoding.log", "invalid_utf8")).isEqualTo(2);
    assertThat(field("encoding.log", "control_chars")).isEqualTo(1);
    assertThat(occurrences(3)).isEqualTo("2");

    assertCounts("encoding.jsonl", 2, 0, Map.of());
    assertThat(field("encoding.jsonl", "invalid_utf8")).isEqualTo(1);
    assertThat(field("encoding.jsonl", "control_chars")).isEqualTo(1);
    assertThat(occurrences(33)).isEqualTo("2");

    assertThat(manifest.get("totals").get("invalid_utf8").asLong()).isEqualTo(3);
    assertThat(manifest.get("totals").get("control_chars").asLong()).isEqualTo(2);
    // The bad bytes become replacement characters; the control characters stay.
    assertThat(unmatched.rows()).extracting(r -> r.get("example"))
        .contains("Payload had bad bytes \uFFFD( and \uFFFD here",
            "Bell \u0007 and escape \u001b in payload");
    assertThat(quarantined("encoding.log")).isEmpty();
    assertThat(quarantined("encoding.jsonl")).isEmpty();
  }

  @Test
  void linesBeforeTheFirstRecordStartAreOneOrphanRecord() {
    assertCounts("orphans.log", 3, 1, Map.of("orphan_lines", 1L));
    assertThat(occurrences(4)).isEqualTo("2");

    assertThat(quarantined("orphans.log")).singleElement().satisfies(r -> {
      assertThat(r.get("kind")).isEqualTo("orphan_lines");
      assertThat(r.get("position_kind")).isEqualTo("offset");
      assertThat(r.get("position")).isEqualTo("0");
      assertThat(r.get("raw")).isEqualTo("    at Some.Frame()\ncontinued before any record");
    });
  }

  @Test
  void aTenMegabyteLineIsCutAndCountedAndTheNextRecordIsIntact() {
    assertCounts("long.log", 3, 0, Map.of());
    assertThat(field("long.log", "truncated")).isEqualTo(1);
    assertThat(field("long.log", "invalid_utf8")).isZero();
    assertThat(manifest.get("totals").get("truncated").asLong()).isEqualTo(1);
    assertThat(occurrences(5)).isEqualTo("2");
    Map<String, String> s5 = ReportCsv.read(out.resolve(ReportTable.ISSUE_SESSIONS.fileName()))
        .rows().stream().filter(r -> r.get("session_id").equals(session(5))).findFirst()
        .orElseThrow();
    assertThat(s5.get("first_seen")).isEqualTo("2026-11-20T06:00:01.000Z");
    assertThat(quarantined("long.log")).isEmpty();
  }

  @Test
  void emptyFilesAndFoldersAreListedWithZeroRecords() throws IOException {
    for (String name : List.of("empty.log", "empty.jsonl", "empty.csv")) {
      assertCounts(name, 0, 0, Map.of());
      assertThat(field(name, "bytes")).isZero();
    }

    // A run over nothing but empty inputs publishes empty reports.
    Path onlyEmpty = tmp.resolve("only-empty");
    writeEmpty(onlyEmpty);
    Path emptyOut = tmp.resolve("empty-out");
    RunResult result = MessyLogs.run(SPARK.session(),
        List.of(onlyEmpty.toString(), onlyEmpty.resolve("emptydir").toString()), emptyOut, 0.05);
    assertThat(result.totals().records()).isZero();
    assertThat(result.totals().malformed()).isZero();
    assertThat(emptyOut.resolve("_SUCCESS")).exists();
    JsonNode m = MessyLogs.manifest(emptyOut);
    assertThat(m.get("totals").get("files").asLong()).isEqualTo(3);
    assertThat(m.get("totals").get("records").asLong()).isZero();
    ReportCsv summary = ReportCsv.read(emptyOut.resolve(ReportTable.ISSUE_SUMMARY.fileName()));
    assertThat(summary.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get("occurrences")).isEqualTo("0"));
    for (ReportTable t : List.of(ReportTable.ISSUE_DAILY, ReportTable.ISSUE_SESSIONS,
        ReportTable.VERSION_MISMATCH, ReportTable.UNMATCHED_ERRORS, ReportTable.QUARANTINE)) {
      assertThat(ReportCsv.read(emptyOut.resolve(t.fileName())).rows()).as(t.fileName()).isEmpty();
    }
  }

  @Test
  void truncatedAndCorruptGzipFilesAreReportedByNameAndTheRestIsRead() {
    // The reports were published: the run did not fail.
    assertThat(out.resolve("_SUCCESS")).exists();

    long kept = field("truncated.log.gz", "records");
    assertThat(kept).as("records before the damage").isBetween(TRUNCATED_GZ_RECORDS / 4L,
        TRUNCATED_GZ_RECORDS - 1L);
    assertCounts("truncated.log.gz", kept, 1, Map.of("unreadable_file", 1L));
    assertThat(occurrences(7)).isEqualTo(Long.toString(kept));

    assertCounts("corrupt.log.gz", 0, 1, Map.of("unreadable_file", 1L));
    assertCounts("good.log.gz", 50, 0, Map.of());
    assertThat(occurrences(8)).isEqualTo("50");

    for (String name : List.of("truncated.log.gz", "corrupt.log.gz")) {
      assertThat(quarantined(name)).as(name).singleElement().satisfies(r -> {
        assertThat(r.get("source")).isEqualTo(in.resolve(name).toString());
        assertThat(r.get("kind")).isEqualTo("unreadable_file");
        assertThat(r.get("reason")).startsWith("file could not be read to its end");
      });
    }
    // Every other file of the run is fully counted.
    long others = 10 + 7 + 4 + 2 + 3 + 3 + 50;
    assertThat(manifest.get("totals").get("records").asLong()).isEqualTo(others + kept);
    assertThat(manifest.get("totals").get("malformed").asLong()).isEqualTo(4 + 3 + 1 + 2);
  }

  @Test
  void aFileThatCannotBeOpenedIsReportedByNameAndTheRestIsRead() throws IOException {
    Path folder = tmp.resolve("noperm");
    Path locked = new Bytes().text(MessyLogs.textRecord("2026-11-20 09:00:00,000", "ERROR",
        MAP_401, session(9), "\n")).write(folder.resolve("locked.log"));
    Bytes open = new Bytes();
    for (int i = 0; i < 40; i++) {
      open.text(MessyLogs.textRecord("2026-11-20 09:00:01,000", "ERROR", MAP_401, session(10), "\n"));
    }
    open.write(folder.resolve("open.log"));
    File f = locked.toFile();
    assertThat(f.setReadable(false, false)).isTrue();
    try {
      assumeTrue(!f.canRead(), "running as root: every file is readable");
      Path noPermOut = tmp.resolve("noperm-out");
      MessyLogs.run(SPARK.session(), List.of(folder.toString()), noPermOut, 0.05);

      Map<String, JsonNode> byName = MessyLogs.inputsByName(MessyLogs.manifest(noPermOut));
      assertThat(byName.get("locked.log").get("records").asLong()).isZero();
      assertThat(byName.get("locked.log").get("malformed_by_kind").get("unreadable_file").asLong())
          .isEqualTo(1);
      assertThat(byName.get("open.log").get("records").asLong()).isEqualTo(40);
      assertThat(ReportCsv.read(noPermOut.resolve(ReportTable.QUARANTINE.fileName())).rows())
          .singleElement().satisfies(r -> {
            assertThat(r.get("source")).isEqualTo(locked.toString());
            assertThat(r.get("kind")).isEqualTo("unreadable_file");
          });
    } finally {
      f.setReadable(true, false);
    }
  }

  /** Runs last: the command stops the Spark session it runs on, which is this class's. */
  @Test
  @Order(Integer.MAX_VALUE)
  void tooManyMalformedRecordsExitThreeAndKeepThePreviousReports() throws IOException {
    Path good = new Bytes().text(jsonGood(0, session(11))).text(jsonGood(1, session(11)))
        .write(tmp.resolve("ratio-good/ok.jsonl"));
    Bytes mostlyBad = new Bytes().text(jsonGood(0, session(12))).text(jsonGood(1, session(12)));
    for (int i = 0; i < 8; i++) {
      mostlyBad.text("{broken json " + i + "\n");
    }
    Path bad = mostlyBad.write(tmp.resolve("ratio-bad/mostly-bad.jsonl"));
    Path ratioOut = tmp.resolve("ratio-out");
    MessyLogs.run(SPARK.session(), List.of(good.toString()), ratioOut, 0.05);
    Map<String, byte[]> before = MessyLogs.snapshot(ratioOut);
    assertThat(before).containsKeys("_SUCCESS", "issue_summary.csv", "run_manifest.json");

    StringWriter err = new StringWriter();
    int code = DwlogsCommand.commandLine().setErr(new PrintWriter(err, true))
        .execute("report", "--master", "local[2]", "--input", bad.toString(), "--output",
            ratioOut.toString());

    assertThat(code).as("exit code; stderr:%n%s", err).isEqualTo(3);
    String message = err.toString();
    assertThat(message).contains("--max-malformed-ratio").contains(bad.toString())
        .contains("8 of 10 records").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(message.lines().filter(l -> l.contains("max-malformed-ratio"))).hasSize(1);
    Map<String, byte[]> after = MessyLogs.snapshot(ratioOut);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));

    StringWriter err2 = new StringWriter();
    int accepted = DwlogsCommand.commandLine().setErr(new PrintWriter(err2, true))
        .execute("report", "--master", "local[2]", "--input", bad.toString(), "--output",
            ratioOut.toString(), "--max-malformed-ratio", "1");
    assertThat(accepted).as("exit code; stderr:%n%s", err2).isZero();
    JsonNode published = MessyLogs.inputsByName(MessyLogs.manifest(ratioOut)).get("mostly-bad.jsonl");
    assertThat(published).isNotNull();
    assertThat(published.get("records").asLong()).isEqualTo(2);
    assertThat(published.get("malformed").asLong()).isEqualTo(8);
    assertThat(Files.readString(ratioOut.resolve("issue_sessions.csv"), StandardCharsets.UTF_8))
        .contains(session(12)).doesNotContain(session(11));
  }
}
