package org.dwlogs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dwlogs.ReportCsv;
import org.dwlogs.cli.DwlogsCommand;
import org.dwlogs.cli.ExitCodes;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dwlogs nightly} as cron runs it: three consecutive nights (each "yesterday" by the
 * clock), then a back-fill of the same three days in one command, which must write the same
 * reports; the lock refuses a second run and a stale lock is taken over; each run keeps a log;
 * {@code latest/} follows the newest complete day; a partitioned input root reads only the
 * day's folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyCommandTest {
  static final List<String> DAYS = List.of("2026-11-19", "2026-11-20", "2026-11-21");
  static final List<String> CSVS = List.of("issue_summary.csv", "issue_daily.csv",
      "issue_sessions.csv", "version_mismatch.csv", "unmatched_errors.csv",
      "quarantine/malformed.csv");

  @TempDir
  static Path tmp;
  static Path logs;
  static Clock realClock;

  record Run(int code, String err) {}

  @BeforeAll
  static void smallInputOverThreeDays() throws IOException {
    // Three small files of sample-logs that hold the three days (text with gzip, JSON Lines).
    logs = tmp.resolve("logs");
    Files.createDirectories(logs);
    for (String f : List.of("livesync/livesync-2026-11-19.jsonl", "livesync/livesync-2026-11-21.jsonl.gz",
        "service/dualwrite-service-2026-11-20.log.gz")) {
      Path target = logs.resolve(f);
      Files.createDirectories(target.getParent());
      Files.copy(Path.of("sample-logs").resolve(f), target);
    }
    realClock = clockField(null);
  }

  @AfterAll
  static void restoreClock() {
    clockField(realClock);
  }

  /** Reads or sets NightlyCommand.clock (package-private in org.dwlogs.cli). */
  static Clock clockField(Clock set) {
    try {
      var f = Class.forName("org.dwlogs.cli.NightlyCommand").getDeclaredField("clock");
      f.setAccessible(true);
      Clock old = (Clock) f.get(null);
      if (set != null) {
        f.set(null, set);
      }
      return old;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Run nightly(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = DwlogsCommand.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    String[] all = Stream.concat(Stream.of("nightly", "--master", "local[2]", "--progress-interval", "0"),
        Stream.of(args)).toArray(String[]::new);
    return new Run(cmd.execute(all), err.toString());
  }

  static Run expect(int code, String... args) {
    Run r = nightly(args);
    assertThat(r.code()).as("dwlogs nightly %s%n%s", String.join(" ", args), r.err()).isEqualTo(code);
    return r;
  }

  static Map<String, byte[]> csvs(Path folder) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String name : CSVS) {
      out.put(name, Files.readAllBytes(folder.resolve(name)));
    }
    return out;
  }

  static void assertSameCsvs(Path actual, Path expected) throws IOException {
    Map<String, byte[]> a = csvs(actual);
    Map<String, byte[]> e = csvs(expected);
    for (String name : CSVS) {
      assertThat(new String(a.get(name), java.nio.charset.StandardCharsets.UTF_8)).as(actual + "/" + name)
          .isEqualTo(new String(e.get(name), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  @Order(1)
  void threeConsecutiveNightsEachWriteYesterdayAndLatestFollows() throws IOException {
    Path out = tmp.resolve("nightly");
    for (String day : DAYS) {
      // cron at 02:00 UTC on the next day: "yesterday" is the day.
      clockField(Clock.fixed(Instant.parse(day + "T02:00:00Z").plusSeconds(86_400), ZoneOffset.UTC));
      Run r = expect(ExitCodes.OK, "--input-root", logs.toString(), "--output-root", out.toString());
      assertThat(r.err()).contains(day + ": done", "records of that UTC day");
      Path folder = out.resolve("dt=" + day);
      assertThat(folder.resolve("_SUCCESS")).exists();
      assertThat(out.resolve("latest/_DAY")).hasContent(day);
      assertSameCsvs(out.resolve("latest"), folder);
      assertThat(out.resolve(RunLock.NAME)).doesNotExist();
    }
    // Every day holds only its own records, and each folder has the same header per report.
    for (String day : DAYS) {
      ReportCsv daily = ReportCsv.read(out.resolve("dt=" + day).resolve("issue_daily.csv"));
      assertThat(daily.header()).isEqualTo(ReportTable.ISSUE_DAILY.columns());
      assertThat(daily.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get("day")).isEqualTo(day));
      for (ReportTable t : ReportTable.ALL) {
        assertThat(ReportCsv.read(out.resolve("dt=" + day).resolve(t.fileName())).header())
            .isEqualTo(t.columns());
      }
    }
    // One log per run, naming the day.
    try (Stream<Path> files = Files.list(out.resolve(RunLog.FOLDER))) {
      List<Path> runLogs = files.sorted().toList();
      assertThat(runLogs).hasSize(3);
      assertThat(runLogs.get(2)).content().contains("2026-11-21: done", "ok, 1 day(s) published");
    }
    // Re-running an old day (a fix) does not move latest/ backwards.
    expect(ExitCodes.OK, "--input-root", logs.toString(), "--output-root", out.toString(),
        "--date", DAYS.get(0));
    assertThat(out.resolve("latest/_DAY")).hasContent(DAYS.get(2));
  }

  @Test
  @Order(2)
  void aBackFillOfTheThreeDaysIsOneCommandAndWritesTheSameReports() throws IOException {
    Path out = tmp.resolve("backfill");
    Run r = expect(ExitCodes.OK, "--input-root", logs.toString(), "--output-root", out.toString(),
        "--from", DAYS.get(0), "--to", DAYS.get(2));
    assertThat(r.err()).contains("ok, 3 day(s) published");
    for (String day : DAYS) {
      assertSameCsvs(out.resolve("dt=" + day), tmp.resolve("nightly").resolve("dt=" + day));
      // Each day of the range is compared with the days before it, as on three nights.
      assertThat(out.resolve("dt=" + day).resolve("trends.csv")).as(day + " trends.csv")
          .hasSameTextualContentAs(tmp.resolve("nightly").resolve("dt=" + day).resolve("trends.csv"));
    }
    assertThat(out.resolve("latest/_DAY")).hasContent(DAYS.get(2));
    assertSameCsvs(out.resolve("latest"), out.resolve("dt=" + DAYS.get(2)));
  }

  @Test
  @Order(3)
  void aLiveLockRefusesTheRunWithExitFiveAndAStaleOneIsTakenOver() throws Exception {
    Path out = tmp.resolve("locked");
    Files.createDirectories(out);
    Path lock = out.resolve(RunLock.NAME);
    // Held by a live process on this host (this JVM): refused, nothing written.
    Files.writeString(lock, "host=" + RunLock.host() + "\npid=" + ProcessHandle.current().pid()
        + "\nstarted=2026-11-22T02:00:00Z\nrun=2026-11-21\ntoken=other\n");
    Run r = expect(ExitCodes.LOCKED, "--input-root", logs.toString(), "--output-root",
        out.toString(), "--date", DAYS.get(2));
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).contains("another nightly run holds the lock", RunLock.NAME,
        "pid " + ProcessHandle.current().pid());
    assertThat(lock).exists();
    assertThat(out.resolve("dt=" + DAYS.get(2))).doesNotExist();

    // Held by a process of this host that is gone: taken over with a warning.
    Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    gone.waitFor();
    Files.writeString(lock, "host=" + RunLock.host() + "\npid=" + gone.pid()
        + "\nstarted=2026-11-22T02:00:00Z\nrun=2026-11-21\ntoken=other\n");
    r = expect(ExitCodes.OK, "--input-root", logs.toString(), "--output-root", out.toString(),
        "--date", DAYS.get(2));
    assertThat(r.err()).contains("taking over the stale lock", "is gone");
    assertThat(lock).doesNotExist();
    assertSameCsvs(out.resolve("dt=" + DAYS.get(2)), tmp.resolve("nightly").resolve("dt=" + DAYS.get(2)));

    // Held by another host, heartbeat older than --stale-lock-after: taken over too.
    Files.writeString(lock, "host=elsewhere.invalid\npid=1\nstarted=2026-11-22T02:00:00Z\nrun=x\ntoken=other\n");
    Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(7200)));
    assertThat(RunLock.staleReason(Map.of("host", "elsewhere.invalid", "pid", "1"),
        Files.getLastModifiedTime(lock).toMillis(), java.time.Duration.ofHours(1))).contains("minutes old");
    assertThat(RunLock.staleReason(Map.of("host", "elsewhere.invalid", "pid", "1"),
        Files.getLastModifiedTime(lock).toMillis(), java.time.Duration.ofHours(6))).isNull();
  }

  @Test
  @Order(4)
  void aPartitionedInputRootReadsOnlyTheDaysFolderAndAMissingDayIsAnInputError() throws IOException {
    Path root = tmp.resolve("partitioned");
    Path day = root.resolve("dt=" + DAYS.get(1));
    Files.createDirectories(day);
    Files.copy(logs.resolve("service/dualwrite-service-2026-11-20.log.gz"), day.resolve("service.log.gz"));
    Path out = tmp.resolve("partitioned-out");
    Run r = expect(ExitCodes.OK, "--input-root", root.toString(), "--output-root", out.toString(),
        "--date", DAYS.get(1));
    assertThat(r.err()).contains("(its partition)");
    assertThat(Files.readString(out.resolve("dt=" + DAYS.get(1)).resolve("run_manifest.json")))
        .contains("dt=" + DAYS.get(1) + "/service.log.gz");
    r = expect(ExitCodes.INPUT, "--input-root", root.toString(), "--output-root", out.toString(),
        "--date", DAYS.get(2));
    assertThat(r.err()).contains("no input for " + DAYS.get(2));
    assertThat(out.resolve(RunLock.NAME)).doesNotExist();
  }

  @Test
  @Order(5)
  void usageErrorsExitOne() {
    assertThat(nightly("--input-root", "x", "--output-root", tmp.resolve("u").toString(),
        "--date", "2026-11-20", "--from", "2026-11-19", "--to", "2026-11-20").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(nightly("--input-root", "x", "--output-root", tmp.resolve("u").toString(),
        "--from", "2026-11-21", "--to", "2026-11-20").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(nightly("--input-root", "x", "--output-root", tmp.resolve("u").toString(),
        "--date", "yesterday").code()).isEqualTo(ExitCodes.USAGE);
  }
}
