package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LogAnalyzer#prepare} runs each rewrite only when a cheap scan finds its trigger; the
 * text it makes equals that of running every rewrite on every text.
 */
class LogAnalyzerProperties {
  @Property(tries = 3000)
  void guardedRewritesEqualUnguardedOnes(@ForAll("texts") String text) {
    assertThat(LogAnalyzer.prepare(text)).isEqualTo(LogAnalyzer.prepare(text, false));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> part = Arbitraries.of("cannot", "CanNot", "caNNOT", "can't", "won\u2019t",
        "isn't", "n't", "entity msdyn_x", ".Writes", ".writes", ".W", ".Ab.", "3.Ab", "_.Ab ",
        ".\u00c9t\u00e9", ".\ud835\udc00bc", ".", "Microsoft.Dynamics.Integrator", "a", " ", ":",
        "\\n", "\\u0027", "\\", "n", "N", "ca", "not", "\u0130", "\u212a", "\u00df",
        "Runtime.ProcessBatch", ".Ab1", ".Ab_", ".Abc.", ".Ab\u00e9", ".Ab\u02b0", ".A", "b", "\ud835\udc1a");
    return part.list().ofMaxSize(10).map(parts -> String.join("", parts));
  }
}
