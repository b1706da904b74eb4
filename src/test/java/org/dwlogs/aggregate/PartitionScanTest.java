package org.dwlogs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.NoiseRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.run.FileCounts;
import org.dwlogs.signatures.CatalogLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link PartitionScan} and {@link RunSummary} on records written by hand, with the bundled
 * catalog: the tables of one partition have the counts worked out below, and folding the same
 * records as two partitions, serialized and merged in either order, gives the same tables.
 */
class PartitionScanTest {
  private static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final SignatureMatcher MATCHER = new SignatureMatcher(CatalogLoader.bundled());
  private static final IdExtractor IDS =
      new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity());
  private static final Set<String> ERROR_LEVELS = new HashSet<>(CONFIG.errorLevels());

  private static final long T0 = Instant.parse("2026-11-18T10:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final String VERSION_MISMATCH = "Customer groups (msdyn_customergroups) : Dual "
      + "write failure - Dynamics 365 for Sales solution 'Dynamics365Company' has version "
      + "mismatch. Version: '2.0.2.10' Required version: '2.0.133'";
  private static final String UNAUTHORIZED =
      "Response status code does not indicate success: 401 (Unauthorized).";
  private static final String SVM = "solution-version-mismatch";
  private static final String M401 = "map-create-401";

  /** Eight records (four matched, two unmatched errors, two noise) and one malformed. */
  private static final List<Parsed> RECORDS = List.of(
      record("a.log", 0, T0, "ERROR", "DualWrite", VERSION_MISMATCH, "s1", "a1"),
      record("a.log", 100, T0 + HOUR, "ERROR", "DualWrite", VERSION_MISMATCH, "s2", "a2"),
      record("b.log", 0, T0 + DAY, "ERROR", "DualWrite.TableMap", UNAUTHORIZED, "s1", "a3"),
      record("b.log", 50, null, "ERROR", "DualWrite.TableMap", UNAUTHORIZED, null, null),
      record("a.log", 200, T0 + 3 * HOUR, "INFO", "Host", "Heartbeat ok", "s3", "a4"),
      new NoiseRecord("b.log", 100, T0, true, true, false, "s3", "a5"),
      record("a.log", 300, T0 + 2 * HOUR, "ERROR", "Net",
          "Connection to host 10.0.0.1 failed after 3 retries", "s4", null),
      record("b.log", 200, T0 + 30 * MINUTE, "ERROR", "Net",
          "Connection to host 10.0.0.2 failed after 5 retries", "s4", null),
      new Malformed("a.log", Position.offset(400), Malformed.Kind.BAD_HEADER, "no header",
          "garbage"));

  private static LogRecord record(String source, long offset, Long ts, String level,
      String component, String message, String session, String activity) {
    return new LogRecord(source, Position.offset(offset), ts, level, component, message,
        session, activity, false);
  }

  /** Every table of a scan, and its distinct IDs, as comparable values. */
  private record Tables(ReportTables.Counters counters, long sessions, long activities,
      Map<String, FileCounts> perFile, Map<String, Map<String, Long>> byKind,
      Map<String, ReportTables.IssueSummary> issues, List<ReportTables.IssueDaily> daily,
      List<ReportTables.IssueSession> sessionRows, List<ReportTables.VersionMismatch> versions,
      List<ReportTables.IssueDetail> details, List<ReportTables.UnmatchedError> unmatched) {
    static Tables of(RunSummary s, DistinctIds sessions, DistinctIds activities) {
      return new Tables(ReportTables.counters(s), sessions.size(), activities.size(),
          ReportTables.perFile(s), ReportTables.malformedByKind(s), ReportTables.issueSummary(s),
          ReportTables.issueDaily(s), ReportTables.issueSessions(s),
          ReportTables.versionMismatch(s), ReportTables.issueDetails(s),
          ReportTables.unmatchedErrors(s));
    }
  }

  private static PartitionScan scan(List<Parsed> records, Long from, Long to,
      List<Malformed> quarantined) {
    PartitionScan scan = new PartitionScan(MATCHER, IDS, ERROR_LEVELS, from, to);
    for (Parsed p : records) {
      Malformed m = scan.add(p);
      if (m != null) {
        quarantined.add(m);
      }
    }
    return scan;
  }

  private static Tables tables(PartitionScan scan) {
    return Tables.of(scan.summary(), scan.sessions(), scan.activities());
  }

  @Test
  void onePartitionHasTheCountsWorkedOutByHand() {
    List<Malformed> quarantined = new ArrayList<>();
    Tables t = tables(scan(RECORDS, null, null, quarantined));

    assertThat(t.counters()).isEqualTo(new ReportTables.Counters(8, 1, 1, 4, 2, 1, 1, 0));
    assertThat(t.sessions()).as("s1..s4").isEqualTo(4);
    assertThat(t.activities()).as("a1..a5").isEqualTo(5);
    assertThat(t.perFile()).containsExactly(
        Map.entry("a.log", new FileCounts(4, 1, 0, 0, 0, 0)),
        Map.entry("b.log", new FileCounts(4, 0, 1, 1, 1, 0)));
    assertThat(t.byKind()).isEqualTo(Map.of("a.log", Map.of("bad_header", 1L)));
    assertThat(quarantined).extracting(Malformed::raw).containsExactly("garbage");

    assertThat(t.issues()).containsOnlyKeys(M401, SVM);
    assertThat(t.issues().get(SVM))
        .isEqualTo(new ReportTables.IssueSummary(SVM, 2, 2, 2, 0, T0, T0 + HOUR));
    assertThat(t.issues().get(M401))
        .isEqualTo(new ReportTables.IssueSummary(M401, 2, 1, 1, 1, T0 + DAY, T0 + DAY));
    assertThat(t.daily()).containsExactly(
        new ReportTables.IssueDaily("2026-11-18", SVM, 2, 2),
        new ReportTables.IssueDaily("2026-11-19", M401, 1, 1));
    assertThat(t.sessionRows()).containsExactly(
        new ReportTables.IssueSession("s1", M401, 1, T0 + DAY, T0 + DAY, "a3"),
        new ReportTables.IssueSession("s1", SVM, 1, T0, T0, "a1"),
        new ReportTables.IssueSession("s2", SVM, 1, T0 + HOUR, T0 + HOUR, "a2"));
    assertThat(t.versions()).containsExactly(new ReportTables.VersionMismatch(
        "Dynamics365Company", "2.0.2.10", "2.0.133", "Customer groups (msdyn_customergroups)",
        2, 2));
    assertThat(t.details()).containsExactly(new ReportTables.IssueDetail(SVM, "table_map",
        "Customer groups (msdyn_customergroups)", 2, 2));
    assertThat(t.unmatched()).containsExactly(new ReportTables.UnmatchedError(
        "Connection to host <n> failed after <n> retries", 2, 1, T0 + 30 * MINUTE, T0 + 2 * HOUR,
        "Connection to host 10.0.0.2 failed after 5 retries"));
  }

  @Test
  void twoPartitionsMergedInEitherOrderEqualOnePartitionOverTheSameRecords() throws Exception {
    Tables whole = tables(scan(RECORDS, null, null, new ArrayList<>()));
    List<List<List<Parsed>>> splits = new ArrayList<>();
    for (int k = 0; k <= RECORDS.size(); k++) {
      splits.add(List.of(RECORDS.subList(0, k), RECORDS.subList(k, RECORDS.size())));
    }
    List<Parsed> even = new ArrayList<>();
    List<Parsed> odd = new ArrayList<>();
    for (int i = 0; i < RECORDS.size(); i++) {
      (i % 2 == 0 ? even : odd).add(RECORDS.get(i));
    }
    splits.add(List.of(even, odd));
    for (List<List<Parsed>> split : splits) {
      for (boolean reversed : new boolean[] {false, true}) {
        PartitionScan first = scan(split.get(reversed ? 1 : 0), null, null, new ArrayList<>());
        PartitionScan second = scan(split.get(reversed ? 0 : 1), null, null, new ArrayList<>());
        RunSummary merged = copy(first.summary()).merge(copy(second.summary()));
        DistinctIds sessions = copy(first.sessions()).merge(copy(second.sessions()));
        DistinctIds activities = copy(first.activities()).merge(copy(second.activities()));
        assertThat(Tables.of(merged, sessions, activities))
            .as("split %s, reversed %s", split.get(0).size(), reversed).isEqualTo(whole);
      }
    }
  }

  @Test
  void aMergeWithAnEmptySummaryChangesNothing() {
    PartitionScan scan = scan(RECORDS, null, null, new ArrayList<>());
    Tables before = tables(scan);
    scan.summary().merge(new RunSummary());
    assertThat(tables(scan)).isEqualTo(before);
  }

  @Test
  void theTimeWindowKeepsRecordsInsideAndMalformedRecordsWithoutAHint() {
    List<Parsed> records = new ArrayList<>(RECORDS);
    records.add(new Malformed("b.log", Position.offset(300), Malformed.Kind.BAD_TIMESTAMP,
        "bad", "x", T0)); // its hint is before the window
    List<Malformed> quarantined = new ArrayList<>();
    // [T0 + 30 min, T0 + 1 day): the second version mismatch, both unmatched errors, the
    // heartbeat; the malformed record without a hint.
    Tables t = tables(scan(records, T0 + 30 * MINUTE, T0 + DAY, quarantined));

    assertThat(t.counters()).isEqualTo(new ReportTables.Counters(4, 1, 0, 1, 2, 0, 0, 0));
    assertThat(t.issues()).containsOnlyKeys(SVM);
    assertThat(t.sessions()).as("s2, s3, s4").isEqualTo(3);
    assertThat(quarantined).extracting(Malformed::kind).containsExactly(Malformed.Kind.BAD_HEADER);
  }

  @Test
  void aRecordWhoseCountingFailsIsOneParseFailureAndNothingElse() {
    LogRecord broken = record("c.log", 7, T0, "ERROR", "DualWrite", null, "s9", "a9");
    List<Malformed> quarantined = new ArrayList<>();
    Tables t = tables(scan(List.of(broken), null, null, quarantined));

    assertThat(quarantined).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(Malformed.Kind.PARSE_FAILURE);
      assertThat(m.position()).isEqualTo(Position.offset(7));
      assertThat(m.reason()).startsWith("java.lang.NullPointerException");
    });
    assertThat(t.counters()).isEqualTo(new ReportTables.Counters(0, 1, 0, 0, 0, 0, 0, 0));
    assertThat(t.sessions()).isZero();
    assertThat(t.byKind()).isEqualTo(Map.of("c.log", Map.of("parse_failure", 1L)));
  }

  @Test
  void theExampleIsTheEarliestRecordsThenTheFirstByFileAndPositionUntimedLast() {
    String a = "Timeout after 30 s on host alpha";
    String b = "Timeout after 45 s on host alpha";
    List<Parsed> records = List.of(
        record("b.log", 5, null, "ERROR", "Net", "Timeout after 10 s on host alpha", null, null),
        record("b.log", 9, T0, "ERROR", "Net", b, null, null),
        record("a.log", 9, T0, "ERROR", "Net", a, null, null));
    for (int k = 0; k <= records.size(); k++) {
      RunSummary left = scan(records.subList(0, k), null, null, new ArrayList<>()).summary();
      RunSummary right = scan(records.subList(k, 3), null, null, new ArrayList<>()).summary();
      assertThat(ReportTables.unmatchedErrors(right.merge(left))).singleElement()
          .satisfies(u -> {
            assertThat(u.example()).as("split at %s", records.size()).isEqualTo(a);
            assertThat(u.firstSeen()).isEqualTo(T0);
            assertThat(u.occurrences()).isEqualTo(3);
          });
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Serializable> T copy(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
