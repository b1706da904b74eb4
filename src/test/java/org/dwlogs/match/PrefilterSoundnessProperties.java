package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.MessagesFile;
import org.dwlogs.signatures.Signature;

/**
 * The pre-filter never dismisses a record that a query matches, however the documented
 * messages are spaced, cased, escaped or wrapped: each try rewrites one documented message as
 * logs do, then every catalog query that matches the rewritten text must have been let
 * through.
 */
class PrefilterSoundnessProperties {
  private static final Catalog CATALOG = SignatureMatcherTest.CATALOG;
  private static final List<String> DOCUMENTED = SignatureMatcherTest.corpus().stream()
      .filter(i -> !i.expect().equals(MessagesFile.NONE)).map(MessagesFile.Item::text).toList();
  /** What logs put between words: more spaces, line breaks (raw or JSON-escaped), punctuation. */
  private static final List<String> GAPS = List.of(" ", "  ", "\t", "\r\n", "\\n", "\\r\\n",
      ", ", " - ", "\u00a0", " \u2014 ", "\"", "\\u0022", ": ", "|", "\n    at ");

  @Provide
  Arbitrary<String> rewritten() {
    Arbitrary<String> message = Arbitraries.of(DOCUMENTED);
    Arbitrary<List<String>> gaps = Arbitraries.of(GAPS).list().ofSize(64);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(message, gaps, seed).as(PrefilterSoundnessProperties::rewrite);
  }

  /** Each space one of the gaps; each letter upper or lower case; i and k sometimes İ and K (Kelvin). */
  static String rewrite(String message, List<String> gaps, long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder out = new StringBuilder();
    int gap = 0;
    for (char c : message.toCharArray()) {
      if (c == ' ') {
        out.append(gaps.get(gap++ % gaps.size()));
      } else if (c == 'i' && random.nextInt(20) == 0) {
        out.append('\u0130');
      } else if (c == 'k' && random.nextInt(20) == 0) {
        out.append('\u212A');
      } else if (Character.isLetter(c) && random.nextInt(4) == 0) {
        out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      } else {
        out.append(c);
      }
    }
    return random.nextBoolean() ? out.toString() : "[DualWriteSync] " + out;
  }

  private final LogAnalyzer analyzer = new LogAnalyzer();
  private final List<Query> queries = compile();
  private final LiteralPrefilter prefilter = LiteralPrefilter.of(queries);

  private List<Query> compile() {
    QueryCompiler compiler = new QueryCompiler(analyzer);
    List<Query> out = new ArrayList<>();
    for (Signature s : CATALOG.signatures()) {
      try {
        out.add(compiler.compile(s.query()));
      } catch (ParseException e) {
        throw new IllegalStateException(s.issueId(), e);
      }
    }
    return out;
  }

  @Property(tries = 3000)
  void letsThroughEveryQueryThatMatches(@ForAll("rewritten") String text) {
    boolean[] marks = new boolean[queries.size()];
    prefilter.mayMatchEach(text, marks);
    MemoryIndex index = new MemoryIndex();
    index.addField(LogAnalyzer.MESSAGE_FIELD, text, analyzer);
    for (int i = 0; i < queries.size(); i++) {
      if (index.search(queries.get(i)) > 0f) {
        assertThat(marks[i]).as("%s dismissed a text it matches: %s",
            CATALOG.signatures().get(i).issueId(), text).isTrue();
      }
    }
  }
}
