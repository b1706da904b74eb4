package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.MessagesFile;
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
  static final Catalog CATALOG = CatalogLoader.bundled();

  /** The corpus, read and checked against the catalog by the same code as {@code catalog test}. */
  static List<MessagesFile.Item> corpus() {
    try {
      Path file = Path.of(SignatureMatcherTest.class.getResource("/match/messages.yaml").toURI());
      return MessagesFile.load(SourceFiles.file(file)).checkAgainst(CATALOG).items();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> items() {
    return corpus().stream().map(item -> Arguments.of(item.id(), item.expect(), item));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("items")
  void matchesExactlyTheExpectedEntry(String id, String expect, MessagesFile.Item item) {
    List<Match> matches = new SignatureMatcher(CATALOG).match(item.text(), item.context());
    assertThat(item.compare(matches).map(MessagesFile.Mismatch::lines))
        .as("%s (source: %s)", id, item.source()).isEmpty();
  }

  @Test
  void everyCatalogEntryIsCoveredByTheCorpus() {
    List<String> expected = corpus().stream().map(MessagesFile.Item::expect).distinct().toList();
    assertThat(expected).containsAll(CATALOG.signatures().stream().map(Signature::issueId).toList());
  }

  @Test
  void everyBundledEntryHasCategoryAndDocumentation() {
    for (Signature s : CATALOG.signatures()) {
      assertThat(s.category()).as("category of %s", s.issueId()).isIn(CATEGORIES);
      assertThat(s.docUrl()).as("doc_url of %s", s.issueId())
          .startsWith("https://learn.microsoft.com/dynamics365/");
    }
  }

  @Test
  void everyGenericEntryIsTestedInAndOutOfDualWriteContext() {
    List<MessagesFile.Item> items = corpus();
    for (Signature s : CATALOG.signatures()) {
      if (!s.generic()) {
        continue;
      }
      List<MessagesFile.Item> own = items.stream().filter(a -> a.expect().equals(s.issueId())).toList();
      assertThat(own).as("items of generic %s", s.issueId()).isNotEmpty();
      SignatureMatcher matcher = new SignatureMatcher(CATALOG);
      // Each of its documented texts, without any context, must then count nothing at all.
      boolean outOfContextTested = false;
      for (MessagesFile.Item a : own) {
        String text = a.text();
        if (!DualWriteContext.bundled().test(text)) {
          assertThat(matcher.match(text, null)).extracting(Match::issueId)
              .as("%s out of dual-write context", a.id()).doesNotContain(s.issueId());
          outOfContextTested = true;
        }
      }
      assertThat(outOfContextTested).as("%s has a text without dual-write words", s.issueId()).isTrue();
    }
  }

  /**
   * A near-miss of an entry is a text that must match nothing although it has words the entry
   * looks for: at least half the literals of one of the alternatives its pre-filter derives from
   * its query (every literal, for alternatives of one or two), a phrase's words counted one by one. So it comes close to the query and
   * proves the query rejects it.
   */
  @Test
  void everyEntryHasANearMissThatReachesItsQuery() throws Exception {
    List<String> nearMisses = corpus().stream().filter(a -> a.expect().equals(MessagesFile.NONE))
        .map(MessagesFile.Item::text).toList();
    QueryCompiler compiler = new QueryCompiler(new LogAnalyzer());
    List<String> without = new ArrayList<>();
    for (Signature s : CATALOG.signatures()) {
      LiteralPrefilter own = LiteralPrefilter.of(List.of(compiler.compile(s.query())));
      if (nearMisses.stream().noneMatch(text -> comesClose(own, text))) {
        without.add(s.issueId());
      }
    }
    assertThat(without).as("entries without a near-miss that reaches their query").isEmpty();
  }

  private static boolean comesClose(LiteralPrefilter own, String text) {
    if (own.mayMatch(text)) {
      return true;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (List<List<String>> alternative : own.alternatives().get(0)) {
      // Word by word: a phrase literal counts as its words, each on its own; of a group's
      // literals (one of which is needed), the one with the most words there.
      List<String> words = new ArrayList<>();
      long present = 0;
      for (List<String> group : alternative) {
        List<String> best = group.stream().map(l -> List.of(l.split(" ")))
            .max(java.util.Comparator.comparingLong(w -> w.stream().filter(lower::contains).count()))
            .orElseThrow();
        words.addAll(best);
        present += best.stream().filter(lower::contains).count();
      }
      int needed = words.size() <= 2 ? words.size() : (words.size() + 1) / 2;
      if (present >= needed) {
        return true;
      }
    }
    return false;
  }

  static final List<String> CATEGORIES = List.of("setup", "ui", "initial-sync", "live-sync",
      "upgrade", "solution", "configuration", "party-gab", "map-validation", "health-check",
      "limits", "data-management", "project-operations");

  @Test
  void aThreadCompilesACatalogOnceForEachContextRule() throws Exception {
    SignatureMatcher first = SignatureMatcher.forThisThread(CATALOG, List.of("dual-?write"));
    assertThat(SignatureMatcher.forThisThread(CATALOG, List.of("dual-?write"))).isSameAs(first);
    assertThat(SignatureMatcher.forThisThread(CATALOG, List.of("other"))).isNotSameAs(first);
    java.util.concurrent.atomic.AtomicReference<SignatureMatcher> elsewhere =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread t = new Thread(() -> elsewhere.set(SignatureMatcher.forThisThread(CATALOG, List.of("dual-?write"))));
    t.start();
    t.join();
    assertThat(elsewhere.get()).as("matchers are not thread-safe: one per thread").isNotSameAs(first);
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
    // login-refused is generic: it counts only in dual-write context.
    assertThat(matcher.match("login.microsoftonline.com refused to connect.", "DualWriteUI"))
        .extracting(Match::issueId).containsExactly("login-refused");
    assertThat(matcher.match("Health check OK")).isEmpty();
  }
}
