package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.report.ReportFolder;
import org.dwlogs.report.ReportTable;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on {@code sample-logs/}: its reports equal the checked-in expected files, and those
 * equal the counts known by construction ({@code sample-truth/truth.json}), so the expected
 * files are checked, not just a snapshot.
 *
 * <p>After an intended change of the reports (a catalog title, say), regenerate the expected
 * files with {@code mvn -o test -Dtest=SampleLogsReportTest -Ddwlogs.updateExpected=true},
 * then let {@link #reportsEqualTheTrueCountsOfSampleLogs} and a diff review them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleLogsReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final String SAMPLE = "sample-logs";
  static final Path EXPECTED = Path.of("src/test/resources/expected/sample-logs");
  static final Path TRUTH = Path.of("src/test/resources/sample-truth/truth.json");
  static final boolean UPDATE_EXPECTED = Boolean.getBoolean("dwlogs.updateExpected");

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir
  static Path tmp;
  static Path out;
  static JsonNode truth;

  @BeforeAll
  static void runTheJobOnSampleLogs() throws IOException {
    truth = JSON.readTree(TRUTH.toFile());
    out = tmp.resolve("reports");
    run(out);
    if (UPDATE_EXPECTED) {
      Files.createDirectories(EXPECTED);
      for (ReportTable t : ReportTable.ALL) {
        Files.copy(out.resolve(t.fileName()), EXPECTED.resolve(t.fileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(EXPECTED.resolve(ReportTable.MANIFEST),
          JSON.writeValueAsString(withoutRunSpecificFields(out.resolve(ReportTable.MANIFEST)))
              + "\n", StandardCharsets.UTF_8);
    }
  }

  static RunResult run(Path output) throws IOException {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("inputs", List.of(SAMPLE));
    parameters.put("output", output.toString());
    parameters.put("catalog", "bundled");
    parameters.put("config", "bundled");
    parameters.put("format", "by extension");
    parameters.put("timezone", "UTC");
    RunOptions options = new RunOptions(List.of(SAMPLE), output.toString(),
        CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneId.of("UTC"), parameters);
    return new ReportJob(SPARK.session(), options).run();
  }

  @Test
  @Order(1)
  void writesEachCsvReportByteForByteAsExpected() throws IOException {
    for (ReportTable t : ReportTable.ALL) {
      Path actual = out.resolve(t.fileName());
      Path expected = EXPECTED.resolve(t.fileName());
      assertThat(Files.readString(actual, StandardCharsets.UTF_8))
          .as("%s (regenerate with -Ddwlogs.updateExpected=true if the change is intended)",
              t.fileName())
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
      assertThat(actual).as(t.fileName()).hasSameBinaryContentAs(expected);
    }
  }

  @Test
  @Order(2)
  void writesTheExpectedManifestApartFromTimesPathsAndTheSparkApplication() throws IOException {
    JsonNode actual = withoutRunSpecificFields(out.resolve(ReportTable.MANIFEST));
    JsonNode expected = withoutRunSpecificFields(EXPECTED.resolve(ReportTable.MANIFEST));
    assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(expected));
  }

  @Test
  @Order(3)
  void reportsEqualTheTrueCountsOfSampleLogs() throws IOException {
    JsonNode issues = truth.get("issues");
    long allSessions = truth.get("distinct_sessions_total").asLong();

    // issue_summary.csv: one row per catalog entry, every count as constructed.
    ReportCsv summary = ReportCsv.read(out.resolve("issue_summary.csv"));
    assertThat(summary.header()).isEqualTo(ReportTable.ISSUE_SUMMARY.columns());
    Map<String, List<String>> actualSummary = new TreeMap<>();
    for (Map<String, String> r : summary.rows()) {
      actualSummary.put(r.get("issue_id"), List.of(r.get("occurrences"), r.get("sessions"),
          r.get("activities"), r.get("records_without_session"), r.get("share_of_sessions"),
          r.get("first_seen"), r.get("last_seen")));
    }
    Map<String, List<String>> trueSummary = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : issues.properties()) {
      JsonNode i = e.getValue();
      trueSummary.put(e.getKey(), List.of(i.get("occurrences").asText(),
          i.get("distinct_sessions").asText(), i.get("distinct_activities").asText(),
          i.get("records_without_session").asText(),
          ratio(i.get("distinct_sessions").asLong(), allSessions),
          i.get("first_timestamp").asText(), i.get("last_timestamp").asText()));
      // the per-session breakdown agrees with the distinct count it is checked against
      assertThat(i.get("by_session").size()).isEqualTo(i.get("distinct_sessions").asInt());
    }
    assertThat(actualSummary).isEqualTo(trueSummary);

    // issue_daily.csv: occurrences per UTC day and issue; days without any are absent.
    ReportCsv daily = ReportCsv.read(out.resolve("issue_daily.csv"));
    Map<String, String> trueDaily = new TreeMap<>();
    issues.properties().forEach(e -> e.getValue().get("by_utc_day").properties()
        .forEach(d -> {
          if (d.getValue().asLong() > 0) {
            trueDaily.put(d.getKey() + "|" + e.getKey(), d.getValue().asText());
          }
        }));
    assertThat(new TreeMap<>(daily.column("occurrences", "day", "issue_id"))).isEqualTo(trueDaily);
    Map<String, Long> perDay = new TreeMap<>();
    daily.rows().forEach(r -> perDay.merge(r.get("day"), Long.parseLong(r.get("occurrences")), Long::sum));
    Map<String, Long> truePerDay = new TreeMap<>();
    truth.get("matched_records_by_utc_day").properties()
        .forEach(d -> truePerDay.put(d.getKey(), d.getValue().asLong()));
    assertThat(perDay).isEqualTo(truePerDay);

    // issue_sessions.csv: occurrences per session and issue.
    ReportCsv sessions = ReportCsv.read(out.resolve("issue_sessions.csv"));
    Map<String, String> trueSessions = new TreeMap<>();
    issues.properties().forEach(e -> e.getValue().get("by_session").properties()
        .forEach(s -> trueSessions.put(s.getKey() + "|" + e.getKey(), s.getValue().asText())));
    assertThat(new TreeMap<>(sessions.column("occurrences", "session_id", "issue_id")))
        .isEqualTo(trueSessions);
    List<String> noiseOnly = new ArrayList<>();
    truth.get("noise_only_sessions").forEach(s -> noiseOnly.add(s.asText()));
    assertThat(sessions.rows()).extracting(r -> r.get("session_id")).doesNotContainAnyElementsOf(noiseOnly);

    // version_mismatch.csv: every version-mismatch record names its solution and versions.
    ReportCsv versions = ReportCsv.read(out.resolve("version_mismatch.csv"));
    assertThat(versions.sum("occurrences"))
        .isEqualTo(issues.get("solution-version-mismatch").get("occurrences").asLong());
    assertThat(versions.rows()).allSatisfy(r -> {
      assertThat(r.get("solution")).isNotEmpty();
      assertThat(r.get("found_version")).isNotEmpty();
      assertThat(r.get("required_version")).isNotEmpty();
    });

    // issue_details.csv: values extracted from the records an entry counts, so an entry's value
    // never occurs in more records or sessions than the entry itself; entities are extracted.
    ReportCsv details = ReportCsv.read(out.resolve("issue_details.csv"));
    assertThat(details.header()).isEqualTo(ReportTable.ISSUE_DETAILS.columns());
    assertThat(details.rows()).isNotEmpty().allSatisfy(r -> {
      JsonNode i = issues.get(r.get("issue_id"));
      assertThat(i).as(r.get("issue_id")).isNotNull();
      assertThat(Long.parseLong(r.get("occurrences"))).as(r.toString())
          .isPositive().isLessThanOrEqualTo(i.get("occurrences").asLong());
      assertThat(Long.parseLong(r.get("sessions"))).as(r.toString())
          .isLessThanOrEqualTo(i.get("distinct_sessions").asLong());
    });
    assertThat(details.rows()).extracting(r -> r.get("detail")).contains("entity");

    // unmatched_errors.csv: every unmatched error-level record, grouped by pattern.
    ReportCsv unmatched = ReportCsv.read(out.resolve("unmatched_errors.csv"));
    assertThat(unmatched.sum("occurrences"))
        .isEqualTo(truth.get("unmatched_error_level_records_total").asLong());

    // run_manifest.json: totals and per-file records. The manifest's activities may exceed
    // truth's distinct_activities_total: conf/dwlogs.yaml also reads "Activity ID for
    // troubleshooting {GUID}", which the truth does not count as an activity notation.
    JsonNode manifest = JSON.readTree(out.resolve(ReportTable.MANIFEST).toFile());
    JsonNode totals = manifest.get("totals");
    assertThat(totals.get("files").asLong()).isEqualTo(truth.get("files").size());
    assertThat(totals.get("records").asLong()).isEqualTo(truth.get("total_records").asLong());
    assertThat(totals.get("matched_records").asLong())
        .isEqualTo(truth.get("matched_records_total").asLong());
    assertThat(totals.get("unmatched_error_records").asLong())
        .isEqualTo(truth.get("unmatched_error_level_records_total").asLong());
    assertThat(totals.get("sessions").asLong()).isEqualTo(allSessions);
    assertThat(totals.get("activities").asLong())
        .isGreaterThanOrEqualTo(truth.get("distinct_activities_total").asLong());
    assertThat(totals.get("records_without_timestamp").asLong()).isZero();
    assertThat(totals.get("truncated").asLong()).isZero();

    Map<String, List<Long>> actualFiles = new TreeMap<>();
    manifest.get("inputs").forEach(f -> actualFiles.put(f.get("path").asText(),
        List.of(f.get("records").asLong(), f.get("bytes").asLong(), f.get("malformed").asLong())));
    Map<String, List<Long>> trueFiles = new TreeMap<>();
    truth.get("files").properties().forEach(f -> {
      JsonNode v = f.getValue();
      long orphans = v.has("orphan_lines_before_first_record")
          ? v.get("orphan_lines_before_first_record").asLong() : 0;
      // lines before a file's first record are one malformed chunk
      trueFiles.put(SAMPLE + "/" + f.getKey(), List.of(v.get("records").asLong(),
          v.get("bytes_on_disk").asLong(), orphans > 0 ? 1L : 0L));
    });
    assertThat(actualFiles).isEqualTo(trueFiles);

    // quarantine/malformed.csv: the banner lines before the service log's first record
    ReportCsv quarantine = ReportCsv.read(out.resolve(ReportTable.QUARANTINE.fileName()));
    assertThat(quarantine.header()).isEqualTo(ReportTable.QUARANTINE.columns());
    List<String> withOrphans = new ArrayList<>();
    trueFiles.forEach((file, v) -> {
      if (v.get(2) > 0) {
        withOrphans.add(file);
      }
    });
    assertThat(quarantine.rows()).extracting(r -> r.get("source")).isEqualTo(withOrphans);
    assertThat(totals.get("malformed").asLong())
        .isEqualTo(trueFiles.values().stream().mapToLong(v -> v.get(2)).sum());
  }

  @Test
  @Order(4)
  void aSecondRunIntoTheSameOutputWritesIdenticalCsvsAndMarksSuccess() throws IOException {
    Map<String, byte[]> first = new LinkedHashMap<>();
    for (ReportTable t : ReportTable.ALL) {
      first.put(t.fileName(), Files.readAllBytes(out.resolve(t.fileName())));
    }
    run(out);
    for (ReportTable t : ReportTable.ALL) {
      assertThat(Files.readAllBytes(out.resolve(t.fileName()))).as(t.fileName())
          .isEqualTo(first.get(t.fileName()));
    }
    assertThat(out.resolve(ReportFolder.SUCCESS)).isRegularFile();
    assertThat(out.resolve(ReportTable.MANIFEST)).isRegularFile();
    try (Stream<Path> beside = Files.list(tmp)) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .as("no staging or old report folders are left beside the output")
          .containsExactly("reports");
    }
  }

  /** The manifest without what differs from run to run: times, Spark application, output. */
  static JsonNode withoutRunSpecificFields(Path manifest) throws IOException {
    ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
    m.remove(List.of("started_at", "finished_at", "timings_ms"));
    if (m.get("spark") instanceof ObjectNode spark) {
      spark.remove(List.of("application_id", "master"));
    }
    if (m.get("parameters") instanceof ObjectNode parameters) {
      parameters.remove("output");
    }
    return m;
  }

  /** part / whole with six decimals, half up: how share_of_sessions is defined. */
  static String ratio(long part, long whole) {
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
