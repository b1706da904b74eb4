package org.dwlogs.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dwlogs.aggregate.ReportTables;
import org.dwlogs.fuzz.UnitSpec.Damage;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;

/**
 * Nothing crashes: generated files of every format, their records damaged in every way a
 * real log is (see {@link BadValues}, {@link Edit}), go through the job's reader, parsers,
 * matcher and per-partition aggregation, in-process. For every file:
 *
 * <ul>
 *   <li>nothing throws, and no record needs the per-record net ({@code parse_failure}): every
 *       bad value is handled where it is read;
 *   <li>records and malformed entries together account for every text record start, every
 *       non-blank JSON line, every CSV row (known by construction);
 *   <li>every good record placed among the bad ones comes out once, whole, with its session;
 *   <li>the aggregated rows count exactly the parsed records and malformed entries, and every
 *       good {@code map-create-401} record is matched.
 * </ul>
 *
 * <p>The tries below feed well over 100,000 records; {@link #fedEnoughRecords} checks it.
 */
class NothingCrashesProperties {
  private static final int TRIES = 300;
  private static final int MIN_RECORDS = 80;
  private static final int MAX_RECORDS = 160;
  static final long REQUIRED_RECORDS = 100_000;

  private static final AtomicLong FED = new AtomicLong();
  private static final AtomicLong FILES = new AtomicLong();
  private static Path dir;
  private static long startedNanos;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("dwlogs-fuzz");
    startedNanos = System.nanoTime();
  }

  @AfterContainer
  static void fedEnoughRecords() throws IOException {
    long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
    System.out.printf("NothingCrashesProperties: %,d generated records in %d s%n", FED.get(),
        seconds);
    deleteFiles();
    Files.deleteIfExists(dir);
    assertThat(FED.get()).as("records fed").isGreaterThanOrEqualTo(REQUIRED_RECORDS);
  }

  @Property(tries = TRIES)
  void textLogs(@ForAll("records") List<UnitSpec> specs, @ForAll boolean gzip,
      @ForAll @LongRange(min = 512, max = 200_000) long splitBytes) {
    FuzzedFile file = FuzzedFiles.text(specs, gzip);
    check(file, read(file, path -> new Pipeline().lineBased(path, false, splitBytes)), specs.size());
  }

  @Property(tries = TRIES)
  void jsonLines(@ForAll("records") List<UnitSpec> specs, @ForAll boolean gzip,
      @ForAll @LongRange(min = 512, max = 200_000) long splitBytes) {
    FuzzedFile file = FuzzedFiles.jsonLines(specs, gzip);
    check(file, read(file, path -> new Pipeline().lineBased(path, true, splitBytes)), specs.size());
  }

  /** Bad values in correctly quoted CSV: each row is one record or one malformed entry. */
  @Property(tries = TRIES)
  void csvWithBadValues(@ForAll("records") List<UnitSpec> specs) {
    FuzzedFile file = FuzzedFiles.csv(specs, true);
    check(file, read(file, path -> new Pipeline().csv(path)), specs.size());
  }

  /**
   * Byte edits and stray quotes in CSV: a quote may now open a field over the lines below it,
   * so the count of rows is open, but the good rows must all still come out.
   */
  @Property(tries = TRIES)
  void csvWithStrayQuotesAndByteEdits(@ForAll("records") List<UnitSpec> specs) {
    FuzzedFile file = FuzzedFiles.csv(specs, false);
    check(file, read(file, path -> new Pipeline().csv(path)), specs.size());
  }

  @Provide
  Arbitrary<List<UnitSpec>> records() {
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Edit.Kind.class),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255))
        .as(Edit::new);
    Arbitrary<Integer> message = Arbitraries.integers().between(0, FuzzedFiles.MESSAGES.size() - 1);
    Arbitrary<UnitSpec> good = message.map(UnitSpec::good);
    Arbitrary<UnitSpec> bad = Combinators.combine(message, Arbitraries.of(Damage.class),
        Arbitraries.integers().between(0, 10_000), edit.list().ofMaxSize(3))
        .as((m, damage, variant, edits) -> new UnitSpec(false, m, damage, variant, edits));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(2, good), net.jqwik.api.Tuple.of(3, bad))
        .list().ofMinSize(MIN_RECORDS).ofMaxSize(MAX_RECORDS);
  }

  private static void deleteFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the file under a name of its own (a failed property may still be shrinking on
   * another thread), reads it, and deletes it.
   */
  private static Pipeline.Outcome read(FuzzedFile file, Function<Path, Pipeline.Outcome> read) {
    Path path = dir.resolve(FILES.incrementAndGet() + "-" + file.name());
    try {
      Files.write(path, file.bytes());
      return read.apply(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // the container deletes the folder at the end
      }
    }
  }

  private static void check(FuzzedFile file, Pipeline.Outcome out, int fed) {
    FED.addAndGet(fed);
    List<Parsed> parsed = out.parsed();
    List<Malformed> failures = parsed.stream()
        .filter(p -> p instanceof Malformed m && m.kind() == Malformed.Kind.PARSE_FAILURE)
        .map(Malformed.class::cast).toList();
    assertThat(failures).as("records that needed the per-record net")
        .extracting(Malformed::reason).isEmpty();

    if (file.expectedEntries() >= 0) {
      assertThat((long) parsed.size()).as("records + malformed entries")
          .isEqualTo(file.expectedEntries());
    }

    Map<String, List<LogRecord>> bySession = new HashMap<>();
    parsed.stream().filter(LogRecord.class::isInstance).map(LogRecord.class::cast)
        .filter(r -> r.sessionId() != null)
        .forEach(r -> bySession.computeIfAbsent(r.sessionId(), k -> new java.util.ArrayList<>()).add(r));
    file.goodMessageBySession().forEach((session, message) -> {
      List<LogRecord> found = bySession.getOrDefault(session, List.of());
      assertThat(found).as("good record of session %s", session).hasSize(1);
      String got = found.get(0).message();
      if (file.name().contains(".log")) {
        // A text record ends at the next record start: a damaged line after it may continue it.
        assertThat(got).as("message of good record %s", session).startsWith(message);
      } else {
        assertThat(got).as("message of good record %s", session).isEqualTo(message);
      }
    });

    for (Malformed m : out.quarantined()) {
      assertThat(m.kind().label()).as("aggregated malformed kind; %s", m.reason())
          .isNotEqualTo(Malformed.Kind.PARSE_FAILURE.label());
    }
    long counted = out.summary().records();
    long malformedRows = out.quarantined().size();
    ReportTables.IssueSummary issue401 = ReportTables.issueSummary(out.summary())
        .get("map-create-401");
    long matched401 = issue401 == null ? 0 : issue401.occurrences();
    long records = parsed.stream().filter(LogRecord.class::isInstance).count();
    assertThat(counted).as("records counted by the aggregation").isEqualTo(records);
    assertThat(malformedRows).as("malformed rows").isEqualTo(parsed.size() - records);
    assertThat(matched401).as("map-create-401 matches").isGreaterThanOrEqualTo(file.goodMatchingMap401());
  }
}
