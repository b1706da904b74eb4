package org.dwlogs.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dwlogs.match.Match;
import org.junit.jupiter.api.Test;

/** The comparison that both {@code catalog test} and the test suite judge messages with. */
class MessagesFileTest {
  private static MessagesFile.Item item(String expect, Map<String, String> extract) {
    return new MessagesFile.Item(1, "m", null, expect, "text", null, extract);
  }

  @Test
  void aNearMissThatMatchesNothingIsNoMismatch() {
    assertThat(item("none", Map.of()).compare(List.of())).isEmpty();
  }

  @Test
  void twoMatchesWhereOneIsExpectedIsAMismatchNamingBoth() {
    assertThat(item("a", Map.of()).compare(List.of(new Match("a", Map.of()), new Match("b", Map.of())))
        .orElseThrow().lines()).containsExactly("m: expected a, got a, b");
  }

  @Test
  void extractedValuesAreComparedByReportNameBothWays() {
    MessagesFile.Item item = item("a", Map.of("table_map", "Customers (accounts)", "entity", "x"));
    Match match = new Match("a", Map.of("tableMap", "Customers (accounts)", "lookupValue", "US-001"));
    assertThat(item.compare(List.of(match)).orElseThrow().lines()).containsExactly(
        "m: expected a, got a",
        "  entity: expected 'x', got (none)",
        "  lookup_value: expected (none), got 'US-001'");
  }

  @Test
  void withoutExtractTheValuesAreNotCompared() {
    assertThat(item("a", Map.of()).compare(List.of(new Match("a", Map.of("entity", "x"))))).isEmpty();
  }
}
