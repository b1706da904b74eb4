package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.dwlogs.job.MessyLogs.MAP_401;
import static org.dwlogs.job.MessyLogs.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dwlogs.SparkTestSession;
import org.dwlogs.job.MessyLogs.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies while writing its reports leaves the previous reports untouched: the new
 * ones are written to a hidden staging folder beside the output and only moved into place
 * when complete. The dying run is a real JVM, killed with SIGKILL mid-write.
 */
class AtomicPublishTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final List<String> JVM_FLAGS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "-Dspark.ui.enabled=false",
      "-Dspark.driver.host=127.0.0.1",
      "-Dspark.driver.bindAddress=127.0.0.1");

  /** How long the child may take to start Spark and reach its first report. */
  static final long CHILD_TIMEOUT_MS = 240_000;

  @TempDir
  Path tmp;

  @Test
  void aRunKilledWhileWritingReportsLeavesThePreviousReportsUntouched() throws Exception {
    Path a = new Bytes()
        .text(MessyLogs.textRecord("2026-11-20 01:00:00,000", "ERROR", MAP_401, session(1), "\n"))
        .text(MessyLogs.textRecord("2026-11-20 01:00:01,000", "ERROR", "Something unknown broke", session(1), "\n"))
        .write(tmp.resolve("a/service.log"));
    Path b = tmp.resolve("b");
    long bRecords = writeLargerInput(b);
    Path out = tmp.resolve("OUT");

    MessyLogs.run(SPARK.session(), List.of(a.toString()), out, 0.05);
    Map<String, byte[]> published = MessyLogs.snapshot(out);
    assertThat(published).containsKeys("_SUCCESS", "issue_summary.csv", "run_manifest.json",
        "quarantine/malformed.csv");

    Path log = tmp.resolve("child.log");
    Process child = startChild(b, out, log);
    boolean aliveWhenKilled;
    try {
      Path staged = awaitStagedReport(child, out, log);
      aliveWhenKilled = child.isAlive();
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child ended").isTrue();
      assertThat(aliveWhenKilled).as("the child was still running when %s appeared; log:%n%s",
          staged, read(log)).isTrue();
    } finally {
      if (child.isAlive()) {
        child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
      }
    }

    // The killed run left OUT exactly as the run on A published it.
    Map<String, byte[]> after = MessyLogs.snapshot(out);
    assertThat(after.keySet()).isEqualTo(published.keySet());
    after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(published.get(name)));
    assertThat(MessyLogs.siblings(out, ".tmp-")).as("the killed run's staging folder").isNotEmpty();

    // A complete run on B then publishes B's reports over A's.
    MessyLogs.run(SPARK.session(), List.of(b.toString()), out, 0.05);
    assertThat(out.resolve("_SUCCESS")).exists();
    JsonNode manifest = MessyLogs.manifest(out);
    assertThat(manifest.get("totals").get("records").asLong()).isEqualTo(bRecords);
    assertThat(manifest.get("inputs")).allSatisfy(f -> assertThat(f.get("path").asText()).startsWith(b.toString()));
    assertThat(Files.readString(out.resolve("issue_sessions.csv"), StandardCharsets.UTF_8))
        .contains(session(2)).doesNotContain(session(1));
  }

  /** 3000 records over two files, so the run takes a while; returns how many. */
  static long writeLargerInput(Path folder) throws IOException {
    long records = 0;
    for (int f = 0; f < 2; f++) {
      Bytes b = new Bytes();
      for (int i = 0; i < 1500; i++) {
        String ts = String.format("2026-11-2%d %02d:%02d:%02d,%03d", f + 1, i / 3600 % 24,
            i / 60 % 60, i % 60, i % 1000);
        String message = switch (i % 4) {
          case 0 -> MAP_401;
          case 1 -> "Unknown failure " + (i % 37) + " while writing row " + i;
          default -> "row " + i + " written";
        };
        b.text(MessyLogs.textRecord(ts, i % 4 < 2 ? "ERROR" : "INFO", message,
            session(2 + i % 50), "\n"));
        records++;
      }
      b.write(folder.resolve("service-" + f + ".log"));
    }
    return records;
  }

  static Process startChild(Path input, Path out, Path log) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(classPath);
    command.add("org.dwlogs.cli.DwlogsCommand");
    command.addAll(List.of("report", "--master", "local[2]", "--input", input.toString(),
        "--output", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  /** Polls every few milliseconds for a report file in the staging folder beside {@code out}. */
  static Path awaitStagedReport(Process child, Path out, Path log) throws Exception {
    long deadline = System.currentTimeMillis() + CHILD_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      Path staged = stagedReport(out);
      if (staged != null) {
        return staged;
      }
      if (!child.isAlive()) {
        fail("the child ended (exit %d) before writing any report; log:%n%s", child.exitValue(), read(log));
      }
      Thread.sleep(3);
    }
    fail("no staged report within %d ms; log:%n%s", CHILD_TIMEOUT_MS, read(log));
    return null;
  }

  static Path stagedReport(Path out) {
    try {
      for (Path staging : MessyLogs.siblings(out, ".tmp-")) {
        try (Stream<Path> files = Files.walk(staging)) {
          Path found = files.filter(p -> p.getFileName().toString().endsWith(".csv")
              && !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p))
              .findFirst().orElse(null);
          if (found != null) {
            return found;
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the folder changed while we looked: look again
    }
    return null;
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
