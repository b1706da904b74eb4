package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LogAnalyzer#prepare} runs each rewrite only when a cheap scan finds its trigger; the
 * text it makes equals that of running every rewrite on every text, as written here.
 */
class LogAnalyzerProperties {
  private static final Pattern ESCAPES = Pattern.compile("\\\\[nrt]");
  private static final Pattern CAN_NOT = Pattern.compile("(?i)\\b(?:can['\u2019]t|cannot)\\b");
  private static final Pattern WILL_NOT = Pattern.compile("(?i)\\bwon['\u2019]t\\b");
  private static final Pattern NOT = Pattern.compile("(?i)(?<=\\p{L})n['\u2019]t\\b");
  private static final Pattern RUN_ON_SENTENCE =
      Pattern.compile("(?<=[\\p{Ll}\\d_])\\.(?=\\p{Lu}\\p{Ll}+(?![\\p{L}\\d_.]))");

  @Property(tries = 3000)
  void guardedRewritesEqualUnguardedOnes(@ForAll("texts") String text) {
    assertThat(LogAnalyzer.prepare(text)).isEqualTo(everyRewrite(text));
  }

  private static String everyRewrite(String text) {
    String s = text.replace(':', ' ');
    s = s.replace("\\u0027", "'").replace("\\u2019", "\u2019").replace("\\u0022", "\"");
    s = ESCAPES.matcher(s).replaceAll(" ");
    s = RUN_ON_SENTENCE.matcher(s).replaceAll(". ");
    if (s.indexOf('\'') >= 0 || s.indexOf('\u2019') >= 0
        || s.toLowerCase(Locale.ROOT).contains("cannot")) {
      s = CAN_NOT.matcher(s).replaceAll("can not");
      s = WILL_NOT.matcher(s).replaceAll("will not");
      s = NOT.matcher(s).replaceAll(" not");
    }
    return s;
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
