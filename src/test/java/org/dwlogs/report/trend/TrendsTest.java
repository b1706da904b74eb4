package org.dwlogs.report.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status rule of {@link Trends}, at and beside each of its bounds. */
class TrendsTest {
  static EarlierRun day(int n, Map<String, IssueCounts> issues) {
    LocalDate d = LocalDate.of(2026, 11, n);
    return new EarlierRun(d.toString(), d, issues);
  }

  static IssueCounts c(long occurrences, long sessions) {
    return new IssueCounts(occurrences, sessions);
  }

  static Status status(IssueCounts now, IssueCounts... earlier) {
    List<EarlierRun> window = new java.util.ArrayList<>();
    for (int i = 0; i < earlier.length; i++) {
      window.add(day(i + 1, Map.of("x", earlier[i])));
    }
    List<Trend> t = Trends.compute(Map.of("x", now), Map.of(), window);
    return t.isEmpty() ? null : t.get(0).status();
  }

  @Test
  void newMeansSeenNowAndInNoneOfTheEarlierRuns() {
    assertThat(status(c(1, 1))).isEqualTo(Status.NEW);
    assertThat(status(c(5, 2), c(0, 0), c(0, 0))).isEqualTo(Status.NEW);
    assertThat(status(c(5, 2), c(1, 1), c(0, 0))).isNotEqualTo(Status.NEW);
  }

  @Test
  void goneMeansNotSeenNowButInAnEarlierRun() {
    assertThat(status(c(0, 0), c(0, 0), c(1, 1))).isEqualTo(Status.GONE);
    // Seen in no run at all: not listed.
    assertThat(status(c(0, 0), c(0, 0))).isNull();
  }

  @Test
  void risingNeedsMoreThanTwiceTheMeanAndThreeMore() {
    // mean 2: 5 is more than twice it and 3 more.
    assertThat(status(c(5, 5), c(2, 2), c(2, 2))).isEqualTo(Status.RISING);
    // 4 is exactly twice the mean: not more.
    assertThat(status(c(4, 4), c(2, 2), c(2, 2))).isEqualTo(Status.STEADY);
    // mean 1: 3 is three times it but only 2 more.
    assertThat(status(c(3, 3), c(1, 1))).isEqualTo(Status.STEADY);
    assertThat(status(c(4, 4), c(1, 1))).isEqualTo(Status.RISING);
    // mean 1.5 over two days (1 and 2): 4.5 is the bound of "3 more", 4 is under it.
    assertThat(status(c(4, 4), c(1, 1), c(2, 2))).isEqualTo(Status.STEADY);
    assertThat(status(c(5, 5), c(1, 1), c(2, 2))).isEqualTo(Status.RISING);
  }

  @Test
  void fallingNeedsLessThanHalfTheMeanAndThreeFewer() {
    // mean 8: 3 is under half and 5 fewer.
    assertThat(status(c(3, 3), c(8, 8))).isEqualTo(Status.FALLING);
    // mean 8: 4 is exactly half.
    assertThat(status(c(4, 4), c(8, 8))).isEqualTo(Status.STEADY);
    // mean 5: 2 is under half and exactly 3 fewer.
    assertThat(status(c(2, 2), c(5, 5))).isEqualTo(Status.FALLING);
    // mean 3: 1 is under half but only 2 fewer.
    assertThat(status(c(1, 1), c(3, 3))).isEqualTo(Status.STEADY);
  }

  @Test
  void theMeasureIsSessionsAndOccurrencesOnlyForIssuesWithoutSessionIds() {
    // Many more occurrences in the same two sessions: steady by sessions.
    assertThat(status(c(50, 2), c(5, 2), c(5, 2))).isEqualTo(Status.STEADY);
    // No session ID anywhere: occurrences decide.
    assertThat(status(c(50, 0), c(5, 0), c(5, 0))).isEqualTo(Status.RISING);
  }

  @Test
  void meansAreOverTheRunsThereArePreviousIsTheLastAndMissingDaysAreNotZeros() {
    List<EarlierRun> window = List.of(day(1, Map.of("x", c(3, 1))), day(3, Map.of("x", c(4, 2))));
    Trend t = Trends.compute(Map.of("x", c(4, 2), "y", c(1, 1)), Map.of("x", "Title X"), window).get(0);
    assertThat(t.issueId()).isEqualTo("x");
    assertThat(t.title()).isEqualTo("Title X");
    assertThat(t.prevOccurrences()).isEqualTo(4);
    assertThat(t.prevSessions()).isEqualTo(2);
    assertThat(t.prevLabel()).isEqualTo("2026-11-03");
    assertThat(t.mean7Occurrences()).isEqualTo(new BigDecimal("3.50"));
    assertThat(t.mean7Sessions()).isEqualTo(new BigDecimal("1.50"));
    assertThat(t.daysAvailable()).isEqualTo(2);
    Trend none = Trends.compute(Map.of("x", c(4, 2)), Map.of(), List.of()).get(0);
    assertThat(none.prevOccurrences()).isNull();
    assertThat(none.mean7Sessions()).isNull();
    assertThat(none.daysAvailable()).isZero();
  }

  @Test
  void failOnPicksItsStatuses() {
    assertThat(FailOn.NEW.triggers(Status.NEW)).isTrue();
    assertThat(FailOn.NEW.triggers(Status.RISING)).isFalse();
    assertThat(FailOn.RISING.triggers(Status.RISING)).isTrue();
    assertThat(FailOn.RISING.triggers(Status.NEW)).isFalse();
    assertThat(FailOn.ANY.triggers(Status.NEW)).isTrue();
    assertThat(FailOn.ANY.triggers(Status.RISING)).isTrue();
    for (Status s : List.of(Status.FALLING, Status.STEADY, Status.GONE)) {
      for (FailOn f : FailOn.values()) {
        assertThat(f.triggers(s)).isFalse();
      }
    }
    assertThat(FailOn.ofLabel(" Rising ")).isEqualTo(FailOn.RISING);
  }
}
