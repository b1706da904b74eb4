package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The tokens the one analyser makes of the text shapes logs really hold. */
class LogAnalyzerTest {
  static List<String> tokens(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (LogAnalyzer analyzer = new LogAnalyzer();
        TokenStream ts = analyzer.tokenStream(LogAnalyzer.MESSAGE_FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void contractionsAreSpelledOutAlsoWhenJsonEscaped() throws IOException {
    assertThat(tokens("Status code doesn't indicate success")).containsExactly("status", "code",
        "does", "not", "indicate", "success");
    assertThat(tokens("Status code doesn\\u0027t indicate success")).containsExactly("status",
        "code", "does", "not", "indicate", "success");
    assertThat(tokens("You can\u2019t complete it")).containsExactly("you", "can", "not",
        "complete", "it");
    assertThat(tokens("Record \\u0022abc\\u0022 isn\\u2019t valid")).containsExactly("record",
        "abc", "is", "not", "valid");
  }

  @Test
  void cannotIsSpelledOutWithoutAnyApostropheInTheText() throws IOException {
    assertThat(tokens("Export cannot be performed")).containsExactly("export", "can", "not", "be",
        "performed");
    assertThat(tokens("EXPORT CANNOT BE PERFORMED")).containsExactly("export", "can", "not", "be",
        "performed");
  }

  @Test
  void runOnSentencesSplitButHostNamesAndDottedNamesStayWhole() throws IOException {
    assertThat(tokens("entity msdyn_expenses.Writes to X failed"))
        .containsExactly("entity", "msdyn_expenses", "writes", "to", "x", "failed");
    assertThat(tokens("login.microsoftonline.com refused"))
        .containsExactly("login.microsoftonline.com", "refused");
    assertThat(tokens("at Microsoft.Dynamics.Integrator.ProjectValidation"))
        .containsExactly("at", "microsoft.dynamics.integrator.projectvalidation");
  }

  @Test
  void colonsAndEscapedLineBreaksSeparateWords() throws IOException {
    assertThat(tokens("Details:Response\\nSession ID: x"))
        .containsExactly("details", "response", "session", "id", "x");
  }
}
