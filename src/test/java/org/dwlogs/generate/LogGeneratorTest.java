package org.dwlogs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dwlogs.cli.DwlogsCommand;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.match.Match;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.CsvRowParser;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.JsonLineParser;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.parse.RecordParser;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator without Spark: same seed, same bytes; the size it was asked for; templates
 * that match exactly their catalog entry (or none); every record it writes parsed back by the
 * job's own parsers and matcher to exactly what it counted; and a truth that adds up.
 */
class LogGeneratorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JobConfig CONFIG = ConfigLoader.bundled();

  @TempDir
  Path tmp;

  static Truth generate(Path dir, String size, long seed, int threads) throws IOException {
    return new LogGenerator(new LogGenerator.Options(dir, Sizes.parse(size), seed,
        LogGenerator.DEFAULT_ERROR_RATE, threads)).generate();
  }

  static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void theSameSeedWritesTheSameBytesWhateverTheThreads() throws IOException {
    generate(tmp.resolve("a"), "700k", 42, 1);
    generate(tmp.resolve("b"), "700k", 42, 3);
    generate(tmp.resolve("c"), "700k", 43, 3);
    Map<String, byte[]> a = contents(tmp.resolve("a"));
    Map<String, byte[]> b = contents(tmp.resolve("b"));
    assertThat(a.keySet()).isEqualTo(b.keySet())
        .contains("_truth/truth.json", "service/dualwrite-service-000.log",
            "service/archive/dualwrite-service-000.log.gz", "livesync/livesync-000.jsonl",
            "livesync/archive/livesync-000.jsonl.gz", "errorlog/DualWriteErrorLog-export-000.csv");
    a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    Map<String, byte[]> c = contents(tmp.resolve("c"));
    assertThat(c.get("service/dualwrite-service-000.log"))
        .isNotEqualTo(a.get("service/dualwrite-service-000.log"));
  }

  @Test
  void theTotalSizeIsTheRequestedSize() throws IOException {
    for (String size : List.of("64k", "500k", "4m", "24m")) {
      Path dir = tmp.resolve(size);
      Truth truth = generate(dir, size, 1, 2);
      long onDisk = 0;
      try (Stream<Path> s = Files.walk(dir)) {
        onDisk = s.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve("_truth")))
            .mapToLong(p -> p.toFile().length()).sum();
      }
      assertThat(truth.totalBytes()).as(size).isEqualTo(onDisk);
      double wanted = Sizes.parse(size);
      assertThat(onDisk / wanted).as(size + ": %d bytes", onDisk).isBetween(0.97, 1.03);
    }
  }

  @Test
  void bigSizesAreCutIntoFilesOfAtMost256MiB() {
    LogGenerator g = new LogGenerator(new LogGenerator.Options(tmp, Sizes.parse("2g"), 1, 0.002, 1));
    List<FileSpec> plan = FileSpec.plan(Sizes.parse("2g"), 1);
    assertThat(g.plannedFiles()).hasSize(plan.size()).doesNotHaveDuplicates();
    assertThat(plan).allSatisfy(f -> assertThat(f.targetBytes()).isLessThanOrEqualTo(256L << 20));
    assertThat(plan.stream().filter(f -> f.layout() == Layout.SERVICE).count()).isGreaterThan(1);
    assertThat(plan.stream().mapToLong(FileSpec::targetBytes).sum())
        .isCloseTo(Sizes.parse("2g"), org.assertj.core.data.Percentage.withPercentage(0.1));
  }

  @Test
  void everyTemplateMatchesExactlyItsCatalogEntryAndCarriesOnlyItsOwnIds() {
    // The generator writes its templates in dual-write context (generic ones always).
    SignatureMatcher matcher = new SignatureMatcher(CatalogLoader.bundled());
    IdExtractor ids = new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity());
    MessageTemplates templates = MessageTemplates.bundled().forCatalog(CatalogLoader.bundled());
    assertThat(templates.byIssue().keySet()).containsExactlyInAnyOrderElementsOf(
        CatalogLoader.bundled().signatures().stream().map(Signature::issueId).toList());
    assertThat(templates.nearMisses()).hasSizeGreaterThan(50);
    String session = "4bf3fc02-f6df-4aab-8068-ee14decc3a86";
    String activity = "8b9ff043-a0d6-4994-bf40-cb5078026890";
    Pattern recordStart = Pattern.compile(CONFIG.text().recordStart());
    List<String> wrong = new ArrayList<>();
    for (MessageTemplates.Template t : templates.all()) {
      String text = t.text().replace(MessageTemplates.SESSION, session.toUpperCase())
          .replace(MessageTemplates.ACTIVITY, "{" + activity + "}");
      List<String> got = matcher.match(text, "DualWriteSync").stream().map(Match::issueId).toList();
      List<String> want = t.expect() == null ? List.of() : List.of(t.expect());
      if (!got.equals(want)) {
        wrong.add(t.id() + ": expected " + want + ", matched " + got);
      }
      if (!java.util.Objects.equals(ids.sessionId(text), t.hasSession() ? session : null)) {
        wrong.add(t.id() + ": session " + ids.sessionId(text));
      }
      if (!java.util.Objects.equals(ids.activityId(text), t.hasActivity() ? activity : null)) {
        wrong.add(t.id() + ": activity " + ids.activityId(text));
      }
      String[] lines = text.split("\n", -1);
      for (int i = 1; i < lines.length; i++) {
        if (recordStart.matcher(lines[i]).find()) {
          wrong.add(t.id() + ": line " + (i + 1) + " would start a new text record");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyRecordWrittenParsesAndMatchesToWhatTheGeneratorCounted() throws IOException {
    SignatureMatcher matcher = new SignatureMatcher(CatalogLoader.bundled());
    RecordParser parser = new RecordParser(CONFIG, ZoneOffset.UTC);
    JsonLineParser jsonParser = new JsonLineParser(parser, CONFIG.fields());
    ICSVParser csv = new RFC4180ParserBuilder().build();
    Map<String, CsvRowParser> csvParsers = new TreeMap<>();
    Pattern recordStart = Pattern.compile(CONFIG.text().recordStart(), Pattern.MULTILINE);
    List<String> wrong = new ArrayList<>();
    long[] seen = new long[2];
    Truth truth = new LogGenerator(new LogGenerator.Options(tmp, Sizes.parse("3m"), 5,
        0.004, 1), w -> {
      seen[0]++;
      Parsed parsed;
      String raw = w.raw();
      try {
        parsed = switch (w.format()) {
          case TEXT -> {
            String text = raw.substring(0, raw.length() - 1);
            java.util.regex.Matcher m = recordStart.matcher(text);
            int starts = 0;
            while (m.find()) {
              starts++;
            }
            if (starts != 1) {
              wrong.add(w.template() + ": " + starts + " record starts in " + raw);
            }
            yield parser.parseText(w.file(), Position.offset(0), text, false);
          }
          case JSONL -> jsonParser.parse(w.file(), Position.offset(0), raw.strip());
          case CSV -> {
            CsvRowParser p = csvParsers.computeIfAbsent(w.file(), f -> new CsvRowParser(parser,
                CONFIG.fields(), f.startsWith("errorlog")
                    ? "RecId,Created On,Level,Project Name,Table Map,Session ID,Activity ID,Message".split(",")
                    : "timestamp,severity,table_map,status,session_id,Root Activity ID,message,duration_ms".split(",")));
            String[] row = csv.parseLine(raw.strip());
            if (csv.isPending()) {
              wrong.add(w.template() + ": unbalanced CSV " + raw);
            }
            yield p.parse(w.file(), Position.line(1), row, raw);
          }
        };
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (!(parsed instanceof LogRecord r)) {
        wrong.add(w.template() + ": not a record: " + parsed);
        return;
      }
      List<String> got = matcher.matchRecord(r).stream()
          .map(Match::issueId).toList();
      List<String> want = w.issue() == null ? List.of() : List.of(w.issue());
      String problem = !got.equals(want) ? "matched " + got + " expected " + want
          : !java.util.Objects.equals(r.sessionId(), w.session()) ? "session " + r.sessionId() + " expected " + w.session()
          : !java.util.Objects.equals(r.activityId(), w.activity()) ? "activity " + r.activityId() + " expected " + w.activity()
          : !java.util.Objects.equals(r.level(), w.level()) ? "level " + r.level() + " expected " + w.level()
          : !java.util.Objects.equals(r.timestampMillis(), w.timestamp()) ? "timestamp " + r.timestampMillis() + " expected " + w.timestamp()
          : null;
      if (problem != null) {
        wrong.add(w.file() + " " + w.template() + ": " + problem + " in " + raw);
      }
      if (w.issue() != null) {
        seen[1]++;
      }
    }).generate();
    assertThat(wrong).hasSizeLessThan(1).isEmpty();
    assertThat(seen[0]).isEqualTo(truth.totalRecords());
    assertThat(seen[1]).isEqualTo(((Number) truth.asMap().get("matched_records")).longValue())
        .isGreaterThan(30);
  }

  @Test
  void theTruthAddsUp() throws IOException {
    generate(tmp, "2m", 9, 2);
    JsonNode t = JSON.readTree(tmp.resolve("_truth/truth.json").toFile());
    long records = 0;
    long matched = 0;
    long unmatched = 0;
    for (Iterator<JsonNode> it = t.get("files").elements(); it.hasNext(); ) {
      JsonNode f = it.next();
      records += f.get("records").asLong();
      matched += f.get("matched_records").asLong();
      unmatched += f.get("unmatched_error_records").asLong();
    }
    assertThat(records).isEqualTo(t.get("total_records").asLong()).isPositive();
    assertThat(matched).isEqualTo(t.get("matched_records").asLong());
    assertThat(unmatched).isEqualTo(t.get("unmatched_error_records").asLong());
    long byKind = 0;
    for (Iterator<JsonNode> it = t.get("records_by_kind").elements(); it.hasNext(); ) {
      byKind += it.next().asLong();
    }
    assertThat(byKind).isEqualTo(records);
    assertThat(t.get("records_by_kind").get("catalog").asLong()).isEqualTo(matched);
    long occurrences = 0;
    int issuesSeen = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = t.get("issues").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode issue = e.getValue();
      occurrences += issue.get("occurrences").asLong();
      long daily = 0;
      for (Iterator<JsonNode> d = issue.get("by_utc_day").elements(); d.hasNext(); ) {
        JsonNode day = d.next();
        daily += day.get("occurrences").asLong();
        assertThat(day.get("sessions").asLong()).isLessThanOrEqualTo(issue.get("sessions").asLong());
      }
      assertThat(daily).as(e.getKey()).isEqualTo(issue.get("occurrences").asLong());
      assertThat(issue.get("sessions").asLong()).isLessThanOrEqualTo(t.get("sessions").asLong());
      assertThat(issue.get("occurrences").asLong()).as(e.getKey()).isNotNegative();
      if (issue.get("occurrences").asLong() > 0) {
        issuesSeen++;
      }
    }
    assertThat(occurrences).isEqualTo(matched);
    // A 3 MB sample cannot hold every one of the catalog's ~100 entries, but many of them.
    assertThat(issuesSeen).isGreaterThanOrEqualTo(8);
    // About 0.2% catalog errors and 0.5% other errors, as asked.
    assertThat(matched / (double) records).isBetween(0.001, 0.004);
    assertThat(unmatched / (double) records).isBetween(0.003, 0.008);
    java.util.Set<String> days = new java.util.TreeSet<>();
    t.get("issues").elements().forEachRemaining(i -> i.get("by_utc_day").fieldNames().forEachRemaining(days::add));
    assertThat(days).containsExactly("2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22");
  }

  @Test
  void badOptionsExitOneWithOneLine() {
    for (String[] args : List.of(
        new String[] {"generate", "--size", "lots", "--output", tmp.toString()},
        new String[] {"generate", "--size", "1k", "--output", tmp.toString()},
        new String[] {"generate", "--size", "1m", "--output", tmp.toString(), "--error-rate", "0.5"},
        new String[] {"generate", "--size", "1m", "--output", tmp.toString(), "--error-rate", "x"},
        new String[] {"generate", "--size", "1m", "--output", tmp.toString(), "--threads", "0"})) {
      StringWriter err = new StringWriter();
      int code = DwlogsCommand.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
          .execute(args);
      assertThat(code).as(String.join(" ", args)).isEqualTo(1);
      assertThat(err.toString().lines().findFirst().orElse("")).startsWith("dwlogs: ");
    }
  }

  @Test
  void aFolderThatIsNotEmptyIsLeftAloneWithoutOverwrite() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    StringWriter err = new StringWriter();
    int code = DwlogsCommand.commandLine().setErr(new PrintWriter(err))
        .execute("generate", "--size", "64k", "--output", tmp.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("not empty");
    assertThat(tmp.resolve("keep.txt")).exists();
    code = DwlogsCommand.commandLine().setErr(new PrintWriter(new StringWriter()))
        .execute("generate", "--size", "64k", "--output", tmp.toString(), "--overwrite");
    assertThat(code).isZero();
    assertThat(tmp.resolve("keep.txt")).doesNotExist();
    assertThat(tmp.resolve("_truth/truth.json")).exists();
  }

  @Test
  void sizesReadTheUsualUnits() {
    assertThat(Sizes.parse("500k")).isEqualTo(500L << 10);
    assertThat(Sizes.parse("20m")).isEqualTo(20L << 20);
    assertThat(Sizes.parse("1g")).isEqualTo(1L << 30);
    assertThat(Sizes.parse("2G")).isEqualTo(2L << 30);
    assertThat(Sizes.parse("1.5g")).isEqualTo(3L << 29);
    assertThat(Sizes.parse("64KiB")).isEqualTo(64L << 10);
    assertThat(Sizes.parse("12345")).isEqualTo(12345L);
  }
}
