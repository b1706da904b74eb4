package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled catalog against every documented message, its wording variants and
 * near-misses ({@code src/test/resources/match/messages.yaml}): a documented message matches
 * exactly one entry, a near-miss none, and extractors pull the documented values.
 */
class SignatureMatcherTest {
  private static final Catalog CATALOG = CatalogLoader.bundled();

  static Stream<Arguments> corpus() throws IOException {
    try (InputStream in = SignatureMatcherTest.class.getResourceAsStream("/match/messages.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Arguments> out = new ArrayList<>();
      for (JsonNode e : root) {
        Map<String, String> extract = new TreeMap<>();
        if (e.has("extract")) {
          e.get("extract").fields().forEachRemaining(f -> extract.put(f.getKey(), f.getValue().asText()));
        }
        out.add(Arguments.of(e.get("id").asText(), e.get("expect").asText(),
            e.get("text").asText(), extract));
      }
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("corpus")
  void matchesExactlyTheExpectedEntry(String id, String expect, String text,
      Map<String, String> extract) {
    List<Match> matches = new SignatureMatcher(CATALOG).match(text);
    List<String> ids = matches.stream().map(Match::issueId).toList();
    if (expect.equals("none")) {
      assertThat(ids).as("near-miss %s must match nothing", id).isEmpty();
      return;
    }
    assertThat(ids).as("%s must match exactly %s", id, expect).containsExactly(expect);
    if (!extract.isEmpty()) {
      Match m = matches.get(0);
      Map<String, String> actual = new TreeMap<>();
      actual.put("solution", m.field("solution"));
      actual.put("found_version", m.field("foundVersion"));
      actual.put("required_version", m.field("requiredVersion"));
      actual.put("table_map", m.field("tableMap"));
      actual.values().removeIf(v -> v == null);
      assertThat(actual).as("fields extracted from %s", id).isEqualTo(extract);
    }
  }

  @Test
  void everyCatalogEntryIsCoveredByTheCorpus() throws IOException {
    List<String> expected = corpus().map(a -> (String) a.get()[1]).distinct().toList();
    assertThat(expected).containsAll(CATALOG.signatures().stream().map(Signature::issueId).toList());
  }

  @Test
  void emptyAndNullMessagesMatchNothing() {
    SignatureMatcher matcher = new SignatureMatcher(CATALOG);
    assertThat(matcher.match("")).isEmpty();
    assertThat(matcher.match(null)).isEmpty();
  }

  @Test
  void oneMatcherServesManyRecordsWithoutCarryingStateOver() {
    SignatureMatcher matcher = new SignatureMatcher(CATALOG);
    assertThat(matcher.match("login.microsoftonline.com refused to connect."))
        .extracting(Match::issueId).containsExactly("login-refused");
    assertThat(matcher.match("Health check OK")).isEmpty();
  }
}
