package org.dwlogs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a report folder with the truth {@code dwlogs generate} wrote beside its logs
 * ({@code _truth/truth.json}, counts kept while the records were written): the run totals,
 * and per issue its occurrences, sessions, activities, records without a session, first and
 * last seen (issue_summary.csv) and its occurrences and sessions per UTC day
 * (issue_daily.csv). The bench says whether its report equals the truth.
 */
final class TruthCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TOTALS = List.of("records", "sessions", "activities",
      "matched_records", "unmatched_error_records", "records_without_timestamp");
  private static final List<String> ISSUE_COUNTS = List.of("occurrences", "sessions",
      "activities", "records_without_session", "first_seen", "last_seen");

  private TruthCheck() {}

  /** The truth file of a generated input folder, or null when it has none. */
  static Path truthOf(String input) {
    Path truth = Path.of(input.replaceFirst("^file:", "")).resolve("_truth").resolve("truth.json");
    return Files.isRegularFile(truth) ? truth : null;
  }

  /** Every difference between the report folder and the truth; empty when they agree. */
  static List<String> differences(Path truthFile, Path reports) throws IOException {
    JsonNode truth = JSON.readTree(truthFile.toFile());
    JsonNode totals = JSON.readTree(reports.resolve("run_manifest.json").toFile()).path("totals");
    List<String> out = new ArrayList<>();
    for (String key : TOTALS) {
      String expected = truth.path(key.equals("records") ? "total_records" : key).asText();
      compare(out, "totals." + key, expected, totals.path(key).asText());
    }
    Map<String, Map<String, String>> summary = rows(reports.resolve("issue_summary.csv"),
        "issue_id");
    Map<String, Map<String, String>> daily = rows(reports.resolve("issue_daily.csv"), "day",
        "issue_id");
    JsonNode issues = truth.path("issues");
    for (Map.Entry<String, Map<String, String>> e : summary.entrySet()) {
      String issue = e.getKey();
      JsonNode expected = issues.path(issue);
      for (String key : ISSUE_COUNTS) {
        JsonNode value = expected.path(key);
        String want = value.isMissingNode() || value.isNull()
            ? (key.endsWith("_seen") ? "" : "0") : value.asText();
        compare(out, issue + "." + key, want, e.getValue().get(key));
      }
    }
    for (Iterator<String> it = issues.fieldNames(); it.hasNext(); ) {
      String issue = it.next();
      if (!summary.containsKey(issue)) {
        out.add(issue + ": in the truth, not in issue_summary.csv");
      }
      issues.path(issue).path("by_utc_day").fields().forEachRemaining(day -> {
        Map<String, String> row = daily.getOrDefault(day.getKey() + "\t" + issue, Map.of());
        compare(out, issue + " on " + day.getKey() + ".occurrences",
            day.getValue().path("occurrences").asText(), row.get("occurrences"));
        compare(out, issue + " on " + day.getKey() + ".sessions",
            day.getValue().path("sessions").asText(), row.get("sessions"));
      });
    }
    long dailyRowsInTruth = 0;
    for (JsonNode issue : issues) {
      dailyRowsInTruth += issue.path("by_utc_day").size();
    }
    compare(out, "issue_daily.csv rows", Long.toString(dailyRowsInTruth),
        Integer.toString(daily.size()));
    return out;
  }

  private static void compare(List<String> out, String what, String expected, String actual) {
    if (!expected.equals(actual == null ? "" : actual)) {
      out.add(what + ": truth " + expected + ", report " + actual);
    }
  }

  private static Map<String, Map<String, String>> rows(Path csv, String... keys)
      throws IOException {
    Map<String, Map<String, String>> out = new HashMap<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVReaderHeaderAware reader = new CSVReaderHeaderAware(in)) {
      Map<String, String> row;
      while ((row = reader.readMap()) != null) {
        List<String> key = new ArrayList<>();
        for (String k : keys) {
          key.add(row.get(k));
        }
        out.put(String.join("\t", key), row);
      }
    } catch (CsvValidationException e) {
      throw new IOException(csv + ": " + e.getMessage(), e);
    }
    return out;
  }
}
