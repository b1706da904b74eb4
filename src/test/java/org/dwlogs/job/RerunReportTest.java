package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.job.MessyLogs.MAP_401;
import static org.dwlogs.job.MessyLogs.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.job.MessyLogs.Bytes;
import org.dwlogs.report.ReportTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on the same mixed, messy input write identical files: every report has a total
 * order, ties included (equal counts, equal timestamps in different files), and so has the
 * quarantine.
 */
class RerunReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final List<String> UNMATCHED = List.of("Lookup failed for table", "Write timed out",
      "Queue is full", "Token cache miss");
  static final String VERSION = "Customer groups (msdyn_customergroups) : Dual write failure - "
      + "Dynamics 365 for Sales solution 'Dynamics365Company' has version mismatch. "
      + "Version: '2.0.2.10' Required version: '2.0.133'";
  static final String VERSION_2 = "Dynamics 365 for Sales solution 'Dynamics365FinanceExtended' "
      + "has version mismatch. Version: '1.0.0.0' Required version: '2.0.227'";

  @TempDir
  Path tmp;

  @Test
  void twoRunsOnTheSameMixedInputWriteIdenticalReports() throws IOException {
    Path in = tmp.resolve("in");
    writeMixedInput(in, new Random(42));

    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    MessyLogs.run(SPARK.session(), List.of(in.toString()), first, 1.0);
    MessyLogs.run(SPARK.session(), List.of(in.toString()), second, 1.0);

    for (String name : MessyLogs.CSV_REPORTS) {
      assertThat(Files.readAllBytes(second.resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
    // The input really had ties, malformed records and every kind of row.
    ReportCsv unmatched = ReportCsv.read(first.resolve(ReportTable.UNMATCHED_ERRORS.fileName()));
    assertThat(unmatched.rows()).hasSizeGreaterThanOrEqualTo(UNMATCHED.size());
    assertThat(unmatched.rows().stream().map(r -> r.get("occurrences")).distinct().count())
        .as("tied occurrence counts").isLessThan(unmatched.rows().size());
    assertThat(ReportCsv.read(first.resolve(ReportTable.VERSION_MISMATCH.fileName())).rows())
        .hasSize(2);
    assertThat(ReportCsv.read(first.resolve(ReportTable.ISSUE_SESSIONS.fileName())).rows())
        .hasSizeGreaterThan(10);
    assertThat(ReportCsv.read(first.resolve(ReportTable.QUARANTINE.fileName())).rows())
        .extracting(r -> r.get("kind"))
        .contains("orphan_lines", "invalid_json", "csv_field_count", "csv_unbalanced_quotes");
  }

  /** Text (LF and CRLF, plain and gzip), JSON Lines and CSV, each with bad records. */
  static void writeMixedInput(Path in, Random random) throws IOException {
    Bytes text = new Bytes().text("orphan line before any record\n");
    Bytes jsonl = new Bytes();
    Bytes csv = new Bytes().text("Created On,Level,Message,Session ID\n");
    Bytes gz = new Bytes();
    for (int i = 0; i < 200; i++) {
      // The same timestamps in every file: the earliest example of a pattern is a tie.
      String second = String.format("%02d", i % 60);
      String minute = String.format("%02d", i / 60);
      String sid = session(100 + random.nextInt(30));
      String message = switch (i % 5) {
        case 0 -> MAP_401;
        case 1 -> i % 2 == 0 ? VERSION : VERSION_2;
        default -> UNMATCHED.get(i % UNMATCHED.size()) + " " + random.nextInt(100);
      };
      String eol = i % 3 == 0 ? "\r\n" : "\n";
      text.text("2026-11-20 10:" + minute + ":" + second + ",000 ERROR [Sync] " + message + eol
          + "   at Frame" + i + "()" + eol + "Session ID: " + sid + eol);
      gz.text("2026-11-20 10:" + minute + ":" + second + ",000 ERROR [Sync] " + message + "\n"
          + "Session ID: " + sid + "\n");
      jsonl.text("{\"timestamp\":\"2026-11-20T10:" + minute + ":" + second
          + "Z\",\"level\":\"ERROR\",\"message\":\"" + message.replace("\"", "\\\"")
          + "\",\"sessionId\":\"" + sid + "\"}\n");
      csv.text("2026-11-20T10:" + minute + ":" + second + "Z,ERROR,\""
          + message.replace("\"", "\"\"") + (i % 7 == 0 ? "\nsecond line" : "") + "\"," + sid + "\n");
      if (i % 50 == 25) {
        jsonl.text("{\"broken\": " + i + "\n");
        csv.text("2026-11-20T10:00:00Z,ERROR,too,many,fields\n");
      }
    }
    csv.text("2026-11-20T11:00:00Z,ERROR,\"never closed," + session(1) + "\n");
    csv.text("2026-11-20T11:00:01Z,ERROR," + MAP_401 + "," + session(1) + "\n");
    text.write(in.resolve("a.log"));
    jsonl.write(in.resolve("b.jsonl"));
    csv.write(in.resolve("c.csv"));
    gz.writeGzip(in.resolve("d.log.gz"));
  }
}
