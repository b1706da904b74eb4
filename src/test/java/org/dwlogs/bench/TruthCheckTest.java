package org.dwlogs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthCheckTest {
  @TempDir
  Path dir;
  private Path truth;
  private Path reports;

  private static final String SUMMARY_HEADER = "issue_id,title,occurrences,sessions,activities,"
      + "records_without_session,share_of_sessions,first_seen,last_seen\n";

  @BeforeEach
  void write() throws IOException {
    truth = dir.resolve("truth.json");
    Files.writeString(truth, """
        {"total_records": 10, "sessions": 3, "activities": 4, "matched_records": 2,
         "unmatched_error_records": 1, "records_without_timestamp": 0,
         "issues": {"a": {"occurrences": 2, "sessions": 1, "activities": 2,
           "records_without_session": 1, "first_seen": "2026-11-18T00:00:00.000Z",
           "last_seen": "2026-11-19T00:00:00.000Z",
           "by_utc_day": {"2026-11-18": {"occurrences": 1, "sessions": 1},
                          "2026-11-19": {"occurrences": 1, "sessions": 0}}},
           "b": {"occurrences": 0, "sessions": 0, "activities": 0, "records_without_session": 0,
           "first_seen": null, "last_seen": null, "by_utc_day": {}}}}
        """);
    reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("run_manifest.json"), """
        {"totals": {"records": 10, "sessions": 3, "activities": 4, "matched_records": 2,
         "unmatched_error_records": 1, "records_without_timestamp": 0}}
        """);
    Files.writeString(reports.resolve("issue_summary.csv"), SUMMARY_HEADER
        + "a,A,2,1,2,1,0.33,2026-11-18T00:00:00.000Z,2026-11-19T00:00:00.000Z\n"
        + "b,B,0,0,0,0,0.000000,,\n");
    Files.writeString(reports.resolve("issue_daily.csv"), "day,issue_id,occurrences,sessions\n"
        + "2026-11-18,a,1,1\n2026-11-19,a,1,0\n");
  }

  @Test
  void agreesWhenEveryCountIsTheTruths() throws IOException {
    assertThat(TruthCheck.differences(truth, reports)).isEmpty();
  }

  @Test
  void namesEachCountThatDiffers() throws IOException {
    Files.writeString(reports.resolve("issue_summary.csv"), SUMMARY_HEADER
        + "a,A,3,1,2,1,0.33,2026-11-18T00:00:00.000Z,2026-11-19T00:00:00.000Z\n"
        + "b,B,0,0,0,0,0.000000,,\n");
    Files.writeString(reports.resolve("issue_daily.csv"), "day,issue_id,occurrences,sessions\n"
        + "2026-11-18,a,2,1\n2026-11-19,a,1,0\n2026-11-20,b,1,1\n");
    assertThat(TruthCheck.differences(truth, reports)).containsExactly(
        "a.occurrences: truth 2, report 3",
        "a on 2026-11-18.occurrences: truth 1, report 2",
        "issue_daily.csv rows: truth 2, report 3");
  }

  @Test
  void namesAWrongTotal() throws IOException {
    Files.writeString(reports.resolve("run_manifest.json"), """
        {"totals": {"records": 10, "sessions": 2, "activities": 4, "matched_records": 2,
         "unmatched_error_records": 1, "records_without_timestamp": 0}}
        """);
    assertThat(TruthCheck.differences(truth, reports))
        .containsExactly("totals.sessions: truth 3, report 2");
  }
}
