package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The scanner against a plain definition: a literal is found exactly when the text, folded by
 * regular expressions here, contains it folded; and the UTF-8 bytes give what the text gives.
 */
class LiteralScannerProperties {
  /** Few symbols, so that literals occur often: letters, separators, escapes, tricky letters. */
  private static final List<String> PIECES = List.of("a", "b", "A", "B", "_", "0", " ", ".",
      "\n", "\\", "n", "u", "\\n", "\\u0027", "\\u0022", "\\u2019", "\\u00", "\u0130", "\u212A",
      "k", "i", "\u00e9", "\u2014", "\u00a0");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<String>> literalSets() {
    return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l))
        .list().ofMinSize(1).ofMaxSize(8);
  }

  /** The folding rule as the class documents it, written with regular expressions. */
  static String reference(String text) {
    String s = text.replaceAll("\\\\(?:u0027|u2019|u0022|[nrt])", " ");
    s = s.replace('\u0130', 'i').replace('\u212A', 'k');
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", " ");
    return s;
  }

  @Property(tries = 2000)
  void findsALiteralExactlyWhenTheFoldedTextContainsIt(@ForAll("texts") String text,
      @ForAll("literalSets") List<String> candidates) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> literals = candidates.stream().filter(l -> keys.add(LiteralScanner.foldedKey(l)))
        .toList();
    LiteralScanner scanner = LiteralScanner.of(literals);
    LiteralScanner.Hits hits = scanner.newHits();
    scanner.scan(text, hits);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    LiteralScanner.Hits fromBytes = scanner.newHits();
    scanner.scan(bytes, 0, bytes.length, fromBytes);
    String folded = reference(text);
    for (int id = 0; id < literals.size(); id++) {
      String literal = reference(literals.get(id)).strip();
      boolean expected = !literal.isEmpty() && folded.contains(literal);
      assertThat(hits.contains(id)).as("'%s' in '%s'", literals.get(id), text).isEqualTo(expected);
      assertThat(fromBytes.contains(id)).as("bytes: '%s' in '%s'", literals.get(id), text)
          .isEqualTo(expected);
    }
  }
}
