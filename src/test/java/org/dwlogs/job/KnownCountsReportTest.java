package org.dwlogs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.dwlogs.ReportCsv;
import org.dwlogs.SparkTestSession;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.report.ReportTable;
import org.dwlogs.run.RunOptions;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on logs written here with a seeded {@link Random}: text (plain and gzip), JSON
 * Lines and CSV, with documented messages of four catalog entries among noise. Every count
 * the reports should show is kept while the records are written (by construction, never by
 * re-parsing), then each report is compared with it exactly.
 *
 * <p>The logs include multi-line records with {@code Session ID:} on a continuation line,
 * upper-case and braced IDs, JSON and CSV records whose IDs are only in the message (or whose
 * fields disagree with it: fields win), records whose local day differs from their UTC day,
 * lines before the first record, hidden files, and four catalog entries that never occur.
 */
class KnownCountsReportTest {
  @RegisterExtension
  static final SparkTestSession SPARK = new SparkTestSession();

  static final String MAP_401 = "map-create-401";
  static final String LOGIN = "login-refused";
  static final String VERSION = "solution-version-mismatch";
  static final String STOP_403 = "stop-map-403-forbidden";
  static final List<String> USED = List.of(MAP_401, LOGIN, VERSION, STOP_403);

  static final String RESET = "Connection to endpoint was reset after <n> seconds";
  static final String WRITE = "Could not write the row to msdyn_vendors. Error code <hex>";

  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final long DAYS = 3;
  static final long DAY_MS = 86_400_000L;
  static final DateTimeFormatter REPORT_TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  @TempDir
  static Path tmp;
  static Path out;
  static Expected expected;
  static Catalog catalog;

  @BeforeAll
  static void writeLogsWithKnownCountsAndRunTheJob() throws IOException {
    Path in = tmp.resolve("logs");
    expected = new Expected();
    Generator g = new Generator(new Random(20260301L), expected);
    g.text(in, "text/service.log", 150, true);
    g.text(in, "text/archive/service-2.log.gz", 100, false);
    g.jsonl(in, "json/livesync.jsonl", 120, false);
    g.jsonl(in, "json/telemetry.ndjson.gz", 80, true);
    g.csv(in, "csv/errorlog.csv", 80, ICSVWriter.RFC4180_LINE_END, false);
    g.csv(in, "csv/activity.csv.gz", 60, "\n", true);
    // Hidden inputs are not read: a marker and a dot-file holding a documented message.
    Files.createFile(in.resolve("_SUCCESS"));
    Files.writeString(in.resolve("text/.old.log"),
        "2026-03-01T10:00:00.000Z ERROR login.microsoftonline.com refused to connect.\n");
    assertThat(expected.count(MAP_401)).isPositive();

    catalog = CatalogLoader.bundled();
    out = tmp.resolve("reports");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("inputs", List.of(in.toString()));
    parameters.put("output", out.toString());
    new ReportJob(SPARK.session(), new RunOptions(List.of(in.toString()), out.toString(),
        catalog, ConfigLoader.bundled(), null, ZoneId.of("UTC"), parameters)).run();
  }

  @Test
  void issueSummaryHasTheTrueCountsOfEveryCatalogEntry() {
    ReportCsv summary = ReportCsv.read(out.resolve("issue_summary.csv"));
    assertThat(summary.header()).isEqualTo(ReportTable.ISSUE_SUMMARY.columns());
    List<List<String>> actual = summary.rows().stream()
        .map(r -> List.of(r.get("issue_id"), r.get("occurrences"), r.get("sessions"),
            r.get("activities"), r.get("records_without_session"), r.get("share_of_sessions"),
            r.get("first_seen"), r.get("last_seen")))
        .toList();
    List<List<String>> wanted = new ArrayList<>();
    for (Signature s : catalog.signatures()) {
      IssueStats i = expected.issues.get(s.issueId());
      wanted.add(i == null
          ? List.of(s.issueId(), "0", "0", "0", "0", "0.000000", "", "")
          : List.of(s.issueId(), str(i.occurrences), str(i.sessions.size()),
              str(i.activities.size()), str(i.withoutSession),
              ratio(i.sessions.size(), expected.sessions.size()), ts(i.first), ts(i.last)));
    }
    assertThat(actual).isEqualTo(wanted);
  }

  @Test
  void entriesThatNeverOccurHaveARowOfZerosWithoutFirstAndLastSeen() {
    ReportCsv summary = ReportCsv.read(out.resolve("issue_summary.csv"));
    List<String> absent = catalog.signatures().stream().map(Signature::issueId)
        .filter(id -> !USED.contains(id)).toList();
    assertThat(absent).hasSize(catalog.signatures().size() - USED.size()).isNotEmpty();
    for (String id : absent) {
      Map<String, String> row = summary.rows().stream()
          .filter(r -> r.get("issue_id").equals(id)).findFirst().orElseThrow();
      assertThat(row).as(id)
          .containsEntry("occurrences", "0").containsEntry("sessions", "0")
          .containsEntry("activities", "0").containsEntry("records_without_session", "0")
          .containsEntry("share_of_sessions", "0.000000")
          .containsEntry("first_seen", "").containsEntry("last_seen", "");
      assertThat(row.get("title")).isNotEmpty();
      assertThat(row.get("remedy")).isNotEmpty();
    }
  }

  @Test
  void issueDailyCountsEachIssueOnItsUtcDay() {
    ReportCsv daily = ReportCsv.read(out.resolve("issue_daily.csv"));
    assertThat(daily.header()).isEqualTo(ReportTable.ISSUE_DAILY.columns());
    List<List<String>> wanted = new ArrayList<>();
    expected.daily.forEach((key, d) ->
        wanted.add(List.of(key.get(0), key.get(1), str(d.occurrences), str(d.sessions.size()))));
    assertThat(rows(daily)).isEqualTo(wanted);
    // the offset timestamps put these two records on UTC days other than their local days
    assertThat(expected.crossDay).hasSize(2);
  }

  @Test
  void issueSessionsListsEverySessionOfEveryIssueWithItsActivities() {
    ReportCsv sessions = ReportCsv.read(out.resolve("issue_sessions.csv"));
    assertThat(sessions.header()).isEqualTo(ReportTable.ISSUE_SESSIONS.columns());
    List<List<String>> wanted = new ArrayList<>();
    expected.sessionRows.forEach((key, s) -> wanted.add(List.of(key.get(0), key.get(1),
        str(s.occurrences), ts(s.first), ts(s.last), String.join(";", s.activities))));
    assertThat(rows(sessions)).isEqualTo(wanted);
  }

  @Test
  void versionMismatchGroupsBySolutionVersionsAndTableMap() {
    ReportCsv versions = ReportCsv.read(out.resolve("version_mismatch.csv"));
    assertThat(versions.header()).isEqualTo(ReportTable.VERSION_MISMATCH.columns());
    Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    List<Map.Entry<List<String>, Group>> entries = new ArrayList<>(expected.versions.entrySet());
    entries.sort(Comparator.<Map.Entry<List<String>, Group>>comparingLong(e -> -e.getValue().occurrences)
        .thenComparing(e -> e.getKey().get(0), nullsFirst)
        .thenComparing(e -> e.getKey().get(1), nullsFirst)
        .thenComparing(e -> e.getKey().get(2), nullsFirst)
        .thenComparing(e -> e.getKey().get(3), nullsFirst));
    List<List<String>> wanted = new ArrayList<>();
    for (Map.Entry<List<String>, Group> e : entries) {
      List<String> row = new ArrayList<>(e.getKey().stream().map(v -> v == null ? "" : v).toList());
      row.add(str(e.getValue().occurrences));
      row.add(str(e.getValue().sessions.size()));
      wanted.add(row);
    }
    assertThat(rows(versions)).isEqualTo(wanted);
    assertThat(versions.sum("occurrences")).isEqualTo(expected.count(VERSION));
  }

  @Test
  void unmatchedErrorsGroupErrorLevelNoiseByPattern() {
    ReportCsv unmatched = ReportCsv.read(out.resolve("unmatched_errors.csv"));
    assertThat(unmatched.header()).isEqualTo(ReportTable.UNMATCHED_ERRORS.columns());
    List<Map.Entry<String, Group>> entries = new ArrayList<>(expected.unmatched.entrySet());
    entries.sort(Comparator.<Map.Entry<String, Group>>comparingLong(e -> -e.getValue().occurrences)
        .thenComparing(Map.Entry::getKey));
    List<List<String>> wanted = new ArrayList<>();
    for (Map.Entry<String, Group> e : entries) {
      Group u = e.getValue();
      wanted.add(List.of(e.getKey(), str(u.occurrences), str(u.sessions.size()), ts(u.first),
          ts(u.last), u.example));
    }
    assertThat(rows(unmatched)).isEqualTo(wanted);
  }

  @Test
  void manifestCountsEveryRecordOfEveryVisibleFile() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(out.resolve(ReportTable.MANIFEST).toFile());
    JsonNode totals = manifest.get("totals");
    assertThat(totals.get("files").asLong()).isEqualTo(expected.perFile.size());
    assertThat(totals.get("records").asLong()).isEqualTo(expected.records);
    assertThat(totals.get("malformed").asLong()).isEqualTo(1); // the banner before the first record
    assertThat(totals.get("matched_records").asLong()).isEqualTo(expected.matched);
    assertThat(totals.get("unmatched_error_records").asLong())
        .isEqualTo(expected.unmatched.values().stream().mapToLong(u -> u.occurrences).sum());
    assertThat(totals.get("records_without_timestamp").asLong()).isZero();
    assertThat(totals.get("sessions").asLong()).isEqualTo(expected.sessions.size());
    assertThat(totals.get("activities").asLong()).isEqualTo(expected.activities.size());

    Map<String, Long> records = new TreeMap<>();
    String prefix = tmp.resolve("logs") + "/";
    manifest.get("inputs").forEach(f -> {
      assertThat(f.get("path").asText()).startsWith(prefix);
      records.put(f.get("path").asText().substring(prefix.length()), f.get("records").asLong());
    });
    assertThat(records).isEqualTo(expected.perFile);
  }

  @Test
  void theLinesBeforeTheFirstRecordAreQuarantinedAsOneMalformedRecord() {
    ReportCsv quarantine = ReportCsv.read(out.resolve(ReportTable.QUARANTINE.fileName()));
    assertThat(quarantine.rows()).hasSize(1);
    Map<String, String> row = quarantine.rows().get(0);
    assertThat(row.get("source")).isEqualTo(tmp.resolve("logs/text/service.log").toString());
    assertThat(row.get("position_kind")).isEqualTo("offset");
    assertThat(row.get("position")).isEqualTo("0");
    assertThat(row.get("raw")).contains("Dual-write runtime service starting", "build 2026.3.1");
  }

  // ------------------------------------------------------------------ helpers --

  static List<List<String>> rows(ReportCsv csv) {
    return csv.rows().stream().map(r -> List.copyOf(r.values())).toList();
  }

  static String str(long n) {
    return Long.toString(n);
  }

  static String ts(Long millis) {
    return millis == null ? "" : REPORT_TS.format(Instant.ofEpochMilli(millis));
  }

  static String ratio(long part, long whole) {
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** Counts of one issue. */
  static final class IssueStats {
    long occurrences;
    long withoutSession;
    Long first;
    Long last;
    final Set<String> sessions = new HashSet<>();
    final Set<String> activities = new HashSet<>();
  }

  /** Counts of one group of records: a day and issue, a session and issue, a pattern... */
  static final class Group {
    long occurrences;
    Long first;
    Long last;
    String example;
    final Set<String> sessions = new HashSet<>();
    final TreeSet<String> activities = new TreeSet<>();

    void add(long ts, String session, String activity, String exampleLine) {
      occurrences++;
      if (first == null || ts < first) {
        first = ts;
        example = exampleLine;
      }
      if (last == null || ts > last) {
        last = ts;
      }
      if (session != null) {
        sessions.add(session);
      }
      if (activity != null) {
        activities.add(activity);
      }
    }
  }

  /** What the reports must show, kept while the records are written. */
  static final class Expected {
    long records;
    long matched;
    final Map<String, Long> perFile = new TreeMap<>();
    final Set<String> sessions = new HashSet<>();
    final Set<String> activities = new HashSet<>();
    final Map<String, IssueStats> issues = new TreeMap<>();
    final Map<List<String>, Group> daily = new TreeMap<>(KnownCountsReportTest::compareKeys);
    final Map<List<String>, Group> sessionRows = new TreeMap<>(KnownCountsReportTest::compareKeys);
    final Map<List<String>, Group> versions = new LinkedHashMap<>();
    final Map<String, Group> unmatched = new TreeMap<>();
    final List<String> crossDay = new ArrayList<>();

    /** One record as the job must read it; ids already normalised (lower case, no braces). */
    void add(String file, Rec r, String session, String activity, String firstLine) {
      records++;
      perFile.merge(file, 1L, Long::sum);
      if (session != null) {
        sessions.add(session);
      }
      if (activity != null) {
        activities.add(activity);
      }
      if (r.issue != null) {
        matched++;
        IssueStats i = issues.computeIfAbsent(r.issue, k -> new IssueStats());
        i.occurrences++;
        if (session == null) {
          i.withoutSession++;
        } else {
          i.sessions.add(session);
        }
        if (activity != null) {
          i.activities.add(activity);
        }
        i.first = i.first == null ? r.ts : Math.min(i.first, r.ts);
        i.last = i.last == null ? r.ts : Math.max(i.last, r.ts);
        String day = DAY.format(Instant.ofEpochMilli(r.ts));
        daily.computeIfAbsent(List.of(day, r.issue), k -> new Group())
            .add(r.ts, session, activity, null);
        if (session != null) {
          sessionRows.computeIfAbsent(List.of(session, r.issue), k -> new Group())
              .add(r.ts, session, activity, null);
        }
        if (r.version != null) {
          versions.computeIfAbsent(r.version, k -> new Group()).add(r.ts, session, activity, null);
        }
      } else if (r.pattern != null) {
        unmatched.computeIfAbsent(r.pattern, k -> new Group()).add(r.ts, session, activity, firstLine);
      }
    }

    long count(String issue) {
      IssueStats i = issues.get(issue);
      return i == null ? 0 : i.occurrences;
    }
  }

  static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * One record before it is written: its true timestamp, level word, issue (null for noise),
   * true session and activity (lower case), version fields, unmatched pattern, and message
   * lines without any ID.
   */
  static final class Rec {
    long ts;
    String level;
    String component;
    String issue;
    String session;
    String activity;
    List<String> version; // solution, found, required, table map (null when absent)
    String pattern;
    List<String> lines;
  }

  /** Writes the logs and tells {@link Expected} about each record as it is written. */
  static final class Generator {
    private final Random rnd;
    private final Expected exp;
    private final List<String> issueSessions = new ArrayList<>();
    private final List<String> noiseSessions = new ArrayList<>();
    private final Map<String, List<String>> acts = new LinkedHashMap<>();
    private final Set<Long> usedTimestamps = new HashSet<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    Generator(Random rnd, Expected exp) {
      this.rnd = rnd;
      this.exp = exp;
      for (int i = 0; i < 8; i++) {
        issueSessions.add(guid());
      }
      for (int i = 0; i < 4; i++) {
        noiseSessions.add(guid());
      }
      for (String s : all()) {
        List<String> a = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
          a.add(guid());
        }
        acts.put(s, a);
      }
    }

    private List<String> all() {
      List<String> out = new ArrayList<>(issueSessions);
      out.addAll(noiseSessions);
      return out;
    }

    String guid() {
      return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    /** An id as a log might write it: lower or upper case, with or without braces. */
    String styled(String id) {
      return switch (rnd.nextInt(6)) {
        case 0 -> id.toUpperCase(Locale.ROOT);
        case 1 -> "{" + id + "}";
        case 2 -> "{" + id.toUpperCase(Locale.ROOT) + "}";
        default -> id;
      };
    }

    <T> T pick(List<T> list) {
      return list.get(rnd.nextInt(list.size()));
    }

    long timestamp() {
      while (true) {
        long ts = T0.toEpochMilli() + (long) (rnd.nextDouble() * DAYS * DAY_MS);
        if (usedTimestamps.add(ts)) {
          return ts;
        }
      }
    }

    Rec next() {
      Rec r = new Rec();
      r.ts = timestamp();
      double kind = rnd.nextDouble();
      if (kind < 0.25) {
        r.issue = pick(USED);
        r.level = pick(List.of("ERROR", "Error", "error", "FATAL", "Critical"));
        r.session = rnd.nextDouble() < 0.8 ? pick(issueSessions) : null;
        r.activity = r.session != null && rnd.nextDouble() < 0.8 ? pick(acts.get(r.session))
            : rnd.nextDouble() < 0.5 ? guid() : null;
        r.lines = issueMessage(r);
      } else if (kind < 0.35) {
        r.level = pick(List.of("ERROR", "error", "FATAL"));
        r.session = rnd.nextDouble() < 0.6 ? pick(all()) : null;
        r.activity = rnd.nextDouble() < 0.5 ? guid() : null;
        if (rnd.nextBoolean()) {
          r.pattern = RESET;
          r.lines = List.of("Connection to endpoint was reset after " + (1 + rnd.nextInt(120))
              + " seconds");
        } else {
          r.pattern = WRITE;
          r.lines = List.of(String.format("Could not write the row to msdyn_vendors. Error code 0x%08X",
              rnd.nextInt() & 0x7fffffff));
        }
      } else {
        r.level = pick(List.of("INFO", "Information", "WARN", "Warning", "DEBUG", "verbose"));
        r.session = rnd.nextDouble() < 0.5 ? pick(all()) : null;
        r.activity = rnd.nextDouble() < 0.5
            ? (r.session != null ? pick(acts.get(r.session)) : guid()) : null;
        r.lines = switch (rnd.nextInt(4)) {
          case 0 -> List.of("Heartbeat from worker " + rnd.nextInt(16) + ": ok");
          case 1 -> List.of("Synced " + rnd.nextInt(5000) + " rows for table map Customers V3 (customers) in "
              + rnd.nextInt(900) + " ms");
          case 2 -> List.of("Retrying request after transient failure (attempt " + (1 + rnd.nextInt(3)) + ")",
              "   at Contoso.Sync.Client.SendAsync(HttpRequestMessage request)",
              "   at Contoso.Sync.Worker.RunAsync()",
              "--- End of stack trace from previous location ---");
          default -> List.of("Cache refresh for entity msdyn_vendors completed, version '1.0.0."
              + rnd.nextInt(9) + "'");
        };
      }
      r.component = rnd.nextBoolean() ? pick(List.of("MapManager", "LiveSync", "DualWriteAdmin")) : null;
      if (MAP_401.equals(r.issue) || LOGIN.equals(r.issue)) {
        // Generic texts count only in dual-write context (CatalogRulesReportTest covers the rule).
        r.component = "DualWriteAdmin";
      }
      return r;
    }

    List<String> issueMessage(Rec r) {
      switch (r.issue) {
        case MAP_401:
          return List.of(pick(List.of(
              "Response status code does not indicate success: 401 (Unauthorized).",
              "Unable to create the table map. Response status code does not indicate success: 401 (Unauthorized)",
              "RESPONSE STATUS CODE DOES NOT INDICATE SUCCESS: 401 (UNAUTHORIZED).")));
        case LOGIN:
          return List.of(pick(List.of("login.microsoftonline.com refused to connect.",
              "login.microsoftonline.com refused to connect")));
        case STOP_403:
          String connection = "dynamicscrmonline/" + guid();
          return rnd.nextBoolean()
              ? List.of("[Forbidden], [{\"status\":403,\"source\":\"\",\"message\":\"Error from token exchange: "
                  + "User is not allowed to access connection " + connection
                  + "\"}], The remote server returned an error: (403) Forbidden.")
              : List.of("[Forbidden], [{\"status\":403,\"source\":\"\",\"message\":\"Error from token exchange:",
                  "User is not allowed to access connection",
                  connection + "\"}], The remote server returned an",
                  "error: (403) Forbidden.");
        case VERSION:
          List<String> v = pick(List.of(
              List.of("X", "1.0.0.0", "2.0.133"),
              List.of("Dynamics365Company", "2.0.2.10", "2.0.133"),
              List.of("Dynamics365FinanceExtended", "1.0.0.0", "2.0.227")));
          String body = "Dynamics 365 for Sales solution '" + v.get(0) + "' has version mismatch. Version: '"
              + v.get(1) + "' Required version: '" + v.get(2) + "'";
          String map = rnd.nextInt(3) == 0 ? null
              : pick(List.of("Customer groups (msdyn_customergroups)", "Vendors V2 (msdyn_vendors)"));
          List<String> key = new ArrayList<>(v);
          key.add(map);
          r.version = key;
          if (map == null) {
            return List.of(body);
          }
          return rnd.nextBoolean()
              ? List.of(map + " : Dual write failure - " + body)
              : List.of(map + ": Dual write failure -", body); // wrapped after the table map
        default:
          throw new IllegalArgumentException(r.issue);
      }
    }

    /** An id notation for a session in message text. */
    String sessionNotation(String id) {
      return pick(List.of("Session ID: ", "sessionId=", "SessionId: ", "session=", "session_id="))
          + styled(id);
    }

    String activityNotation(String id) {
      return pick(List.of("Root activity ID: ", "Root Activity ID: ", "activityId=", "ActivityId: ",
          "activity=")) + styled(id);
    }

    // ------------------------------------------------------------------- text --

    /**
     * A text log. IDs go inline on the first line or on continuation lines after the message.
     * Timestamps in four forms, two of them with offsets; the first two records of the first
     * file fall on a UTC day other than their local day.
     */
    void text(Path root, String name, int count, boolean first) throws IOException {
      StringBuilder log = new StringBuilder();
      if (first) {
        log.append("=== Dual-write runtime service starting ===\n").append("build 2026.3.1\n");
        for (String local : List.of("2026-03-02T01:30:00+02:00", "2026-03-01T21:45:10.250-05:00")) {
          Rec r = next();
          r.issue = MAP_401;
          r.component = "DualWriteAdmin"; // generic: in dual-write context
          r.level = "ERROR";
          r.version = null;
          r.pattern = null;
          r.lines = issueMessage(r);
          r.ts = java.time.OffsetDateTime.parse(local).toInstant().toEpochMilli();
          String utcDay = DAY.format(Instant.ofEpochMilli(r.ts));
          assertThat(utcDay).isNotEqualTo(local.substring(0, 10));
          exp.crossDay.add(local);
          appendText(log, name, r, local);
        }
      }
      for (int i = 0; i < count - (first ? 2 : 0); i++) {
        Rec r = next();
        String stamp;
        switch (rnd.nextInt(4)) {
          case 0 -> stamp = REPORT_TS.format(Instant.ofEpochMilli(r.ts));
          case 1 -> stamp = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss,SSS")
              .withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(r.ts));
          case 2 -> {
            r.ts -= Math.floorMod(r.ts, 1000L); // no millis in this form
            stamp = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
                .withZone(ZoneOffset.ofHours(2)).format(Instant.ofEpochMilli(r.ts));
          }
          default -> stamp = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
              .withZone(ZoneOffset.ofHours(-5)).format(Instant.ofEpochMilli(r.ts));
        }
        appendText(log, name, r, stamp);
      }
      write(root.resolve(name), log.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void appendText(StringBuilder log, String file, Rec r, String stamp) {
      StringBuilder firstLine = new StringBuilder(r.lines.get(0));
      List<String> continuation = new ArrayList<>(r.lines.subList(1, r.lines.size()));
      boolean inline = rnd.nextBoolean();
      if (r.session != null) {
        if (inline) {
          firstLine.append(' ').append(sessionNotation(r.session));
        } else {
          continuation.add("    " + sessionNotation(r.session));
        }
      }
      if (r.activity != null) {
        if (inline) {
          firstLine.append(' ').append(activityNotation(r.activity));
        } else {
          continuation.add("    " + activityNotation(r.activity));
        }
      }
      log.append(stamp).append(' ').append(r.level).append(' ');
      if (r.component != null) {
        log.append('[').append(r.component).append("] ");
      }
      log.append(firstLine).append('\n');
      continuation.forEach(l -> log.append(l).append('\n'));
      exp.add(file, r, r.session, r.activity, firstLine.toString().strip());
    }

    // ------------------------------------------------------------------ jsonl --

    /**
     * JSON Lines. IDs in fields, in a blank field plus the message, only in the message, or
     * in fields that disagree with the message (the fields win).
     */
    void jsonl(Path root, String name, int count, boolean otherKeys) throws IOException {
      StringBuilder log = new StringBuilder();
      for (int i = 0; i < count; i++) {
        Rec r = next();
        ObjectNode o = JSON.createObjectNode();
        o.put(otherKeys ? "Time" : "timestamp", REPORT_TS.format(Instant.ofEpochMilli(r.ts)));
        o.put(otherKeys ? "Severity" : "level", r.level);
        if (r.component != null) {
          o.put("component", r.component);
        }
        String sessionKey = otherKeys ? "Session" : "sessionId";
        String activityKey = otherKeys ? "RootActivityId" : "activityId";
        List<String> message = new ArrayList<>(r.lines);
        switch (rnd.nextInt(5)) {
          case 0 -> { // ids in fields
            putId(o, sessionKey, r.session);
            putId(o, activityKey, r.activity);
          }
          case 1 -> { // blank fields, ids in the message
            o.put(sessionKey, "");
            o.put(activityKey, "");
            idsInMessage(message, r);
          }
          case 2 -> idsInMessage(message, r); // no id fields at all
          case 3 -> { // fields win over other ids in the message
            putId(o, sessionKey, r.session);
            putId(o, activityKey, r.activity);
            if (r.session != null && r.activity != null) {
              message.add(sessionNotation(guid()) + " " + activityNotation(guid()));
            }
          }
          default -> { // session field, activity in the message
            putId(o, sessionKey, r.session);
            if (r.activity != null) {
              message.add(activityNotation(r.activity));
            }
          }
        }
        o.put(otherKeys ? "Msg" : "message", String.join("\n", message));
        log.append(JSON.writeValueAsString(o)).append('\n');
        exp.add(name, r, r.session, r.activity, message.get(0).strip());
      }
      write(root.resolve(name), log.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void putId(ObjectNode o, String key, String id) {
      if (id != null) {
        o.put(key, styled(id));
      }
    }

    /** Adds the ids to the message: on the first line or on lines of their own. */
    private void idsInMessage(List<String> message, Rec r) {
      boolean ownLines = rnd.nextBoolean();
      for (String notation : new String[] {
          r.session == null ? null : sessionNotation(r.session),
          r.activity == null ? null : activityNotation(r.activity)}) {
        if (notation == null) {
          continue;
        }
        if (ownLines) {
          message.add(notation);
        } else {
          message.set(0, message.get(0) + " " + notation);
        }
      }
    }

    // -------------------------------------------------------------------- csv --

    /** CSV with a header; multi-line quoted messages; ids in columns or in the message. */
    void csv(Path root, String name, int count, String lineEnd, boolean otherTimestamps)
        throws IOException {
      java.io.StringWriter text = new java.io.StringWriter();
      try (ICSVWriter csv = new CSVWriter(text, ',', '"', '"', lineEnd)) {
        csv.writeNext(new String[] {"Created On", "Level", "Session ID", "Activity_ID", "Component",
            "Message"}, false);
        for (int i = 0; i < count; i++) {
          Rec r = next();
          String stamp = otherTimestamps
              ? REPORT_TS.format(Instant.ofEpochMilli(r.ts))
              : DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC)
                  .format(Instant.ofEpochMilli(r.ts)); // no zone: read as UTC
          List<String> message = new ArrayList<>(r.lines);
          String session = "";
          String activity = "";
          if (rnd.nextBoolean()) {
            session = r.session == null ? "" : styled(r.session);
            activity = r.activity == null ? "" : styled(r.activity);
          } else {
            idsInMessage(message, r);
          }
          if (rnd.nextInt(4) == 0) {
            message.add("Details: \"quoted\", with a comma");
          }
          csv.writeNext(new String[] {stamp, r.level, session, activity,
              Objects.toString(r.component, ""), String.join("\n", message)}, false);
          exp.add(name, r, r.session, r.activity, message.get(0).strip());
        }
      }
      write(root.resolve(name), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
      Files.createDirectories(file.getParent());
      if (file.getFileName().toString().endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(bytes);
        }
      } else {
        Files.write(file, bytes);
      }
    }
  }
}
