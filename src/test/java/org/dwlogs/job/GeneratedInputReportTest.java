package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.generate.LogGenerator;
import org.dwlogs.generate.Sizes;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on about 3 MB written by {@code dwlogs generate} (every layout: text with four
 * timestamp forms, JSON Lines, CSV, gzip): its reports equal the generator's truth, kept while
 * writing, exactly.
 */
class GeneratedInputReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  @TempDir
  static Path tmp;
  static Path out;
  static JsonNode truth;

  @BeforeAll
  static void generateAndRunTheJob() throws IOException {
    Path in = tmp.resolve("generated");
    new LogGenerator(new LogGenerator.Options(in, Sizes.parse("3m"), 20261120L, 0.003, 2)).generate();
    truth = new ObjectMapper().readTree(in.resolve("_truth/truth.json").toFile());
    out = tmp.resolve("reports");
    new ReportJob(SPARK.session(), new RunOptions(List.of(in.toString()), out.toString(),
        CatalogLoader.bundled(), ConfigLoader.bundled(), null, ZoneOffset.UTC, Map.of())).run();
  }

  @Test
  void issueSummaryEqualsTheTruth() {
    List<List<String>> wanted = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.get("issues").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode i = e.getValue();
      wanted.add(List.of(e.getKey(), i.get("occurrences").asText(), i.get("sessions").asText(),
          i.get("activities").asText(), i.get("records_without_session").asText(),
          i.get("first_seen").isNull() ? "" : i.get("first_seen").asText(),
          i.get("last_seen").isNull() ? "" : i.get("last_seen").asText()));
    }
    List<List<String>> actual = ReportCsv.read(out.resolve("issue_summary.csv")).rows().stream()
        .map(r -> List.of(r.get("issue_id"), r.get("occurrences"), r.get("sessions"),
            r.get("activities"), r.get("records_without_session"), r.get("first_seen"),
            r.get("last_seen")))
        .toList();
    assertThat(actual).isEqualTo(wanted);
    // The input is small for a catalog of ~100 entries; many of them must still occur.
    assertThat(wanted.stream().filter(row -> Long.parseLong(row.get(1)) > 0).count())
        .isGreaterThanOrEqualTo(8);
  }

  @Test
  void issueDailyEqualsTheTruth() {
    Map<String, String> wanted = new TreeMap<>();
    truth.get("issues").fields().forEachRemaining(e -> e.getValue().get("by_utc_day").fields()
        .forEachRemaining(d -> wanted.put(d.getKey() + "|" + e.getKey(),
            d.getValue().get("occurrences").asText() + "/" + d.getValue().get("sessions").asText())));
    Map<String, String> actual = new TreeMap<>();
    for (Map<String, String> r : ReportCsv.read(out.resolve("issue_daily.csv")).rows()) {
      actual.put(r.get("day") + "|" + r.get("issue_id"), r.get("occurrences") + "/" + r.get("sessions"));
    }
    assertThat(actual).isEqualTo(wanted);
  }

  @Test
  void manifestTotalsEqualTheTruth() throws IOException {
    JsonNode totals = new ObjectMapper().readTree(out.resolve("run_manifest.json").toFile()).get("totals");
    assertThat(totals.get("files").asLong()).isEqualTo(truth.get("total_files").asLong());
    assertThat(totals.get("bytes").asLong()).isEqualTo(truth.get("total_bytes").asLong());
    assertThat(totals.get("records").asLong()).isEqualTo(truth.get("total_records").asLong());
    assertThat(totals.get("sessions").asLong()).isEqualTo(truth.get("sessions").asLong());
    assertThat(totals.get("activities").asLong()).isEqualTo(truth.get("activities").asLong());
    assertThat(totals.get("matched_records").asLong()).isEqualTo(truth.get("matched_records").asLong());
    assertThat(totals.get("unmatched_error_records").asLong())
        .isEqualTo(truth.get("unmatched_error_records").asLong());
    assertThat(totals.get("malformed").asLong()).isZero();
    assertThat(totals.get("records_without_timestamp").asLong()).isZero();
  }

  @Test
  void unmatchedErrorsSumToTheTruth() {
    assertThat(ReportCsv.read(out.resolve("unmatched_errors.csv")).sum("occurrences"))
        .isEqualTo(truth.get("unmatched_error_records").asLong());
  }
}
