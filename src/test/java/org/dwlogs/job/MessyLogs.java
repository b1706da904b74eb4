package org.dwlogs.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;

/**
 * Helpers for the tests that feed the job large or broken input: a byte-exact file builder
 * that knows the offset and line of everything it writes, a run helper and readers for the
 * manifest and the published folder.
 */
final class MessyLogs {
  /** The documented message of catalog entry {@code map-create-401}. */
  /** DWM-01's generic 401 line, in the dual-write context ("table map") it needs to count. */
  static final String MAP_401 =
      "Creating the table map failed. Response status code does not indicate success: 401 (Unauthorized).";
  static final String MAP_401_ID = "map-create-401";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The names of the six files a consumer reads. */
  static final List<String> CSV_REPORTS = List.of("issue_summary.csv", "issue_daily.csv",
      "issue_sessions.csv", "version_mismatch.csv", "unmatched_errors.csv",
      "quarantine/malformed.csv");

  private MessyLogs() {}

  /** A session GUID made from a number, lowercase as the reports show it. */
  static String session(int n) {
    return String.format("%08x-0000-4000-8000-%012x", n, n);
  }

  /**
   * Builds a file byte by byte and remembers where each piece started: its byte offset and
   * its 1-based line number.
   */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long line = 1;

    long offset() {
      return out.size();
    }

    long line() {
      return line;
    }

    Bytes text(String s) {
      return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    Bytes raw(byte... bytes) {
      out.write(bytes, 0, bytes.length);
      for (byte b : bytes) {
        if (b == '\n') {
          line++;
        }
      }
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    Path write(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes());
    }

    Path writeGzip(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
        gz.write(bytes());
      }
      return file;
    }
  }

  /** A text record: header line, message, then a {@code Session ID:} continuation line. */
  static String textRecord(String ts, String level, String message, String session, String eol) {
    return ts + " " + level + " [DualWriteSync] " + message + eol
        + (session == null ? "" : "Session ID: " + session + eol);
  }

  static RunResult run(SparkSession spark, List<String> inputs, Path out, double maxRatio)
      throws IOException {
    return new ReportJob(spark, new RunOptions(inputs, out.toString(),
        CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneOffset.UTC, Map.of(),
        maxRatio, true)).run();
  }

  static JsonNode manifest(Path out) {
    try {
      return JSON.readTree(out.resolve("run_manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest's {@code inputs[]} entries by file name (the last path segment). */
  static Map<String, JsonNode> inputsByName(JsonNode manifest) {
    Map<String, JsonNode> out = new HashMap<>();
    manifest.get("inputs").forEach(f -> {
      String path = f.get("path").asText();
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (out.put(name, f) != null) {
        throw new IllegalStateException("two inputs named " + name);
      }
    });
    return out;
  }

  /** Every file under a folder, by relative path, with its bytes. */
  static Map<String, byte[]> snapshot(Path folder) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(folder.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  /** The six CSV reports of a folder, by name, as text. */
  static Map<String, String> csvReports(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String name : CSV_REPORTS) {
      files.put(name, Files.readString(out.resolve(name), StandardCharsets.UTF_8));
    }
    return files;
  }

  /** Hidden folders beside {@code out} whose name starts with {@code .<out name>.}. */
  static List<Path> siblings(Path out, String infix) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(out.getParent())) {
      s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + infix))
          .forEach(found::add);
    }
    return found;
  }
}
