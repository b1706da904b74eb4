package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dwlogs.config.ConfigLoader;

/**
 * The record start tested by hand says what {@code Pattern.compile(regex).matcher(line).find()}
 * says, for expressions of the shape it takes (and it takes no other), on ASCII lines made to
 * start like a record, almost, or not at all.
 */
class FixedStartProperties {
  @Property(tries = 3000)
  void matchesWhereTheRegularExpressionFinds(@ForAll("expressions") String regex,
      @ForAll("lines") String line) {
    FixedStart fixed = FixedStart.of(regex);
    if (fixed == null) {
      return;
    }
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    assertThat(fixed.matches(bytes, bytes.length)).as("%s on '%s'", regex, line)
        .isEqualTo(Pattern.compile(regex).matcher(line).find());
  }

  @Example
  void takesTheBundledRecordStartsOfFixedWidthAndNoOtherShape() {
    ConfigLoader.bundled().text().layoutsInOrder().forEach(l -> {
      boolean fixedWidth = !l.recordStart().contains("{1,");
      assertThat(FixedStart.of(l.recordStart()) != null).as(l.recordStart()).isEqualTo(fixedWidth);
    });
    for (String other : List.of("^", "\\d{4}", "^\\d+", "^\\d{1,2}", "^(?i)x", "^a|b", "^.",
        "^\\s", "^[^a]", "^a?", "^\\w", "^[a-z&&[b]]", "^\\1", "^x$", "^ab{2,}", "^a{2}?")) {
      assertThat(FixedStart.of(other)).as(other).isNull();
    }
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> atom = Arbitraries.of("\\d", "-", ":", "T", " ", "[T ]", "[.,]", "\\[",
        "\\]", "\\.", "/", "[0-9a-f]", "[-x]", "[a-]", "[\\d_]", "[\\]x]", "a", "Z", "|", "?",
        "\\s", "[^a]", ".", "(", "\\");
    Arbitrary<String> times = Arbitraries.of("", "", "{2}", "{4}", "{1,2}", "{0}", "{", "+");
    Arbitrary<String> piece = Combinators.combine(atom, times).as((a, t) -> a + t);
    return piece.list().ofMinSize(1).ofMaxSize(8).map(p -> "^" + String.join("", p));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> part = Arbitraries.of("2026-11-20T01:02:03.456Z INFO x", "2026-11-20 01:02",
        "[2026-11-20 01:02:03]", "11/20/2026", "12", "-", ":", "T", " ", "a", "Z", "[", "]",
        ".", ",", "/", "f0", "x", "_", "\t", "");
    return part.list().ofMaxSize(5).map(p -> String.join("", p));
  }
}
