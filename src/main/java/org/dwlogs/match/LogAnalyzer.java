package org.dwlogs.match;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analyser of dwlogs, used by catalog queries, matching, and (later) the index.
 *
 * <p>Standard (UAX#29) tokens, lowercased, after spelling out English negative contractions,
 * so that Microsoft's 2026 house style ("doesn't", "isn't", "can't") and the older product
 * wording ("does not", "is not", "cannot") analyse to the same tokens. Punctuation, JSON and
 * CSV quoting and line breaks fall away in tokenisation, which is why a phrase query matches
 * a message however it was quoted or wrapped. Host names such as
 * {@code login.microsoftonline.com} stay one token.
 */
public final class LogAnalyzer extends Analyzer {
  /** The analysed field every catalog query runs against. */
  public static final String MESSAGE_FIELD = "message";

  private static final Pattern ESCAPES = Pattern.compile("\\\\[nrt]");
  private static final Pattern CAN_NOT = Pattern.compile("(?i)\\b(?:can['\u2019]t|cannot)\\b");
  private static final Pattern WILL_NOT = Pattern.compile("(?i)\\bwon['\u2019]t\\b");
  private static final Pattern NOT = Pattern.compile("(?i)(?<=\\p{L})n['\u2019]t\\b");
  /**
   * A period between a word and a capitalised word, as the product writes sentences without a
   * space ("entity msdyn_expenses.Writes to ..."): UAX#29 would keep both as one token. The
   * word after the period must be one capital and lower-case letters ending there, so host
   * names and dotted identifiers ({@code Microsoft.Dynamics.Integrator}) stay whole.
   */
  private static final Pattern RUN_ON_SENTENCE =
      Pattern.compile("(?<=[\\p{Ll}\\d_])\\.(?=\\p{Lu}\\p{Ll}+(?![\\p{L}\\d_.]))");

  /**
   * The text as the tokenizer sees it: JSON escapes left in raw text ({@code \\n}) and
   * colons (which UAX#29 keeps inside words, as in "Details:Response") become spaces, and
   * contractions are spelled out. Each rewrite runs only when its trigger character is
   * present, which is the common case's fast path. Token offsets are not kept: nothing in
   * dwlogs highlights.
   */
  public static String prepare(String text) {
    return prepare(text, true);
  }

  /**
   * As {@link #prepare(String)}; with {@code guarded} false every rewrite runs on every text,
   * which is what the guards must not change (tests compare the two).
   */
  static String prepare(String text, boolean guarded) {
    String s = text.replace(':', ' ');
    if (!guarded || s.indexOf('\\') >= 0) {
      // JSON escapes of quotes, as System.Text.Json writes apostrophes: "isn\u0027t".
      s = s.replace("\\u0027", "'").replace("\\u2019", "\u2019").replace("\\u0022", "\"");
      s = ESCAPES.matcher(s).replaceAll(" ");
    }
    if (!guarded || hasPeriodBeforeCapital(s)) {
      s = RUN_ON_SENTENCE.matcher(s).replaceAll(". ");
    }
    if (!guarded || s.indexOf('\'') >= 0 || s.indexOf('\u2019') >= 0 || containsCannot(s)) {
      s = CAN_NOT.matcher(s).replaceAll("can not");
      s = WILL_NOT.matcher(s).replaceAll("will not");
      s = NOT.matcher(s).replaceAll(" not");
    }
    return s;
  }

  /** "cannot" in any case: spelled out although the text has no apostrophe. */
  private static boolean containsCannot(String s) {
    // From each n or N, the third letter of the word: no lowercase copy of the text is made.
    for (char n : new char[] {'n', 'N'}) {
      for (int i = s.indexOf(n); i >= 0; i = s.indexOf(n, i + 1)) {
        if (i >= 2 && s.regionMatches(true, i - 2, "cannot", 0, 6)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@link #RUN_ON_SENTENCE} matches somewhere, tested at each period by hand: most
   * texts have periods (times, host names, dotted names such as {@code Runtime.ProcessBatch})
   * but no run-on sentence, and the regular expression is then not run over them.
   */
  private static boolean hasPeriodBeforeCapital(String s) {
    for (int i = s.indexOf('.'); i >= 0 && i + 2 < s.length(); i = s.indexOf('.', i + 1)) {
      int before = i == 0 ? -1 : s.codePointBefore(i);
      if (!(before >= 0 && Character.getType(before) == Character.LOWERCASE_LETTER
          || (before >= '0' && before <= '9') || before == '_')) {
        continue;
      }
      int at = i + 1;
      int capital = s.codePointAt(at);
      if (Character.getType(capital) != Character.UPPERCASE_LETTER) {
        continue;
      }
      at += Character.charCount(capital);
      int lowers = 0;
      while (at < s.length()
          && Character.getType(s.codePointAt(at)) == Character.LOWERCASE_LETTER) {
        at += Character.charCount(s.codePointAt(at));
        lowers++;
      }
      if (lowers == 0) {
        continue;
      }
      if (at == s.length()) {
        return true;
      }
      int next = s.codePointAt(at);
      if (!(Character.isLetter(next) || (next >= '0' && next <= '9') || next == '_'
          || next == '.')) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[1024];
      for (int n; (n = reader.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return new StringReader(prepare(sb.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream tokens = new LowerCaseFilter(source);
    return new TokenStreamComponents(source, tokens);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
