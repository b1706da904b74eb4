package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.Test;

/**
 * The pre-filter may let noise through but must never stop a record a query matches: checked
 * query by query against a plain MemoryIndex on every corpus message and sample-log line.
 */
class LiteralPrefilterTest {
  private final LogAnalyzer analyzer = new LogAnalyzer();
  private final QueryCompiler compiler = new QueryCompiler(analyzer);

  private List<Query> catalogQueries() throws ParseException {
    List<Query> out = new ArrayList<>();
    for (Signature s : CatalogLoader.bundled().signatures()) {
      out.add(compiler.compile(s.query()));
    }
    return out;
  }

  @Test
  void neverDismissesARecordThatAQueryMatches() throws Exception {
    List<Query> queries = catalogQueries();
    LiteralPrefilter prefilter = LiteralPrefilter.of(queries);
    assertThat(prefilter.enabled()).isTrue();
    boolean[] marks = new boolean[queries.size()];
    MemoryIndex index = new MemoryIndex();
    int matched = 0;
    int dismissed = 0;
    for (String text : texts()) {
      prefilter.mayMatchEach(text, marks);
      index.reset();
      index.addField(LogAnalyzer.MESSAGE_FIELD, text, analyzer);
      for (int i = 0; i < queries.size(); i++) {
        boolean matches = index.search(queries.get(i)) > 0f;
        if (matches) {
          matched++;
          assertThat(marks[i]).as("query %s dismissed a record it matches: %s", i, text).isTrue();
        } else if (!marks[i]) {
          dismissed++;
        }
      }
    }
    assertThat(matched).as("the corpus exercises every query").isGreaterThan(150);
    assertThat(dismissed).as("the pre-filter dismisses most non-matching pairs").isGreaterThan(matched);
  }

  @Test
  void markersChangeNoOutcomeAndAreFoundWhereTheyFirstOccur() throws Exception {
    List<Query> queries = catalogQueries();
    LiteralPrefilter plain = LiteralPrefilter.of(queries);
    // "version" is also a word of the catalog's queries; "session" and "root" are not
    LiteralPrefilter marked = plain.withMarkers(List.of("session", "root", "version"));
    boolean[] a = new boolean[queries.size()];
    boolean[] b = new boolean[queries.size()];
    for (String text : texts()) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(marked.mayMatchEach(bytes, 0, bytes.length, b))
          .isEqualTo(plain.mayMatchEach(bytes, 0, bytes.length, a));
      assertThat(b).as(text).isEqualTo(a);
    }
    byte[] line = "xx Version 2 ROOT SessionId=1 session".getBytes(StandardCharsets.US_ASCII);
    marked.mayMatchEach(line, 3, line.length, b);
    assertThat(marked.markerStart(0, 3)).isEqualTo(18);
    assertThat(marked.markerStart(1, 3)).isEqualTo(13);
    assertThat(marked.markerStart(2, 3)).isEqualTo(3);
    assertThat(marked.markerStart(2, 4)).as("first found before from").isEqualTo(LiteralPrefilter.UNKNOWN);
    marked.mayMatchEach(line, 0, 12, b);
    assertThat(marked.markerStart(0, 0)).as("not in the text scanned").isEqualTo(-1);
    for (String notAWord : List.of("Session", "session id", "", "sess-ion", "\u00e9t\u00e9")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.withMarkers(List.of(notAWord)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marker");
    }
  }

  @Test
  void requiresEveryTermOfAPhraseAndEveryRequiredClause() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(
        compiler.compile("\"refused to connect\" AND tokenexchange")));
    assertThat(p.mayMatch("Refused to CONNECT: TokenExchange")).isTrue();
    assertThat(p.mayMatch("refused to connect")).isFalse();
    assertThat(p.mayMatch("tokenexchange refused")).isFalse();
  }

  @Test
  void aGroupOfCommonWordsIsNotRequiredBesideAStrongerOne() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(compiler.compile(
        "is AND \"customer groups\"")));
    assertThat(p.alternatives().get(0)).containsExactly(List.of(List.of("customer groups")));
    assertThat(p.mayMatch("customer groups failed")).isTrue(); // lets more through: sound
    assertThat(p.mayMatch("it is fine")).isFalse();
    LiteralPrefilter weakOnly = LiteralPrefilter.of(List.of(compiler.compile("is AND was")));
    assertThat(weakOnly.mayMatch("it is")).isFalse(); // nothing stronger: both still needed
    assertThat(weakOnly.mayMatch("it is what it was")).isTrue();
  }

  @Test
  void optionalClausesNeedOneOfThem() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(compiler.compile("alpha OR \"beta gamma\"")));
    assertThat(p.mayMatch("xx ALPHA yy")).isTrue();
    assertThat(p.mayMatch("Beta,  GAMMA")).isTrue();
    assertThat(p.mayMatch("gamma")).isFalse(); // the phrase needs both of its terms
    assertThat(p.mayMatch("Beta and GAMMA")).isFalse(); // ... in a row
    assertThat(p.mayMatch("delta")).isFalse();
  }

  @Test
  void neverRequiresTheWordsTheAnalyserWritesForContractions() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(compiler.compile("\"does not indicate\"")));
    assertThat(p.alternatives().get(0)).allSatisfy(alt -> assertThat(alt).noneMatch(g -> g.contains("not")));
    assertThat(p.mayMatch("Response status code doesn't indicate success")).isTrue();
  }

  @Test
  void eachAlternativeOfADisjunctionIsCheckedWhole() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(
        compiler.compile("\"token exchange\" OR (\"allowed to access connection\" AND dynamicsax)")));
    assertThat(p.mayMatch("SqlConnection.OnError")).isFalse();
    assertThat(p.mayMatch("not allowed to access connection unitedstates/dynamicsax/1")).isTrue();
    assertThat(p.mayMatch("Error from TOKEN exchange")).isTrue();
  }

  @Test
  void aQueryWithoutLiteralsSwitchesThePrefilterOff() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(compiler.compile("tokenexchange"),
        compiler.compile("log*n")));
    assertThat(p.enabled()).isFalse();
    assertThat(p.mayMatch("anything at all")).isTrue();
  }

  @Test
  void excludedClausesAddNoRequirement() throws ParseException {
    LiteralPrefilter p = LiteralPrefilter.of(List.of(compiler.compile("-noise")));
    assertThat(p.enabled()).isFalse();
  }

  private static List<String> texts() throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = LiteralPrefilterTest.class.getResourceAsStream("/match/messages.yaml")) {
      for (JsonNode e : new ObjectMapper(new YAMLFactory()).readTree(in)) {
        out.add(e.get("text").asText());
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("sample-logs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        if (f.toString().endsWith(".gz")) {
          try (InputStream gz = new GZIPInputStream(Files.newInputStream(f))) {
            bytes = gz.readAllBytes();
          }
        }
        out.addAll(new String(bytes, StandardCharsets.UTF_8).lines().toList());
      }
    }
    return out;
  }
}
