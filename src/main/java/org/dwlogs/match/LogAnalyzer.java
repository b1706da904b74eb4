package org.dwlogs.match;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
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

  /** JSON escapes left in raw text ({@code \\n}) and colons, which UAX#29 keeps inside words ("Details:Response"). */
  private static final Pattern SEPARATORS = Pattern.compile("\\\\[nrt]|:");
  private static final Pattern CAN_NOT = Pattern.compile("(?i)\\b(?:can['\u2019]t|cannot)\\b");
  private static final Pattern WILL_NOT = Pattern.compile("(?i)\\bwon['\u2019]t\\b");
  private static final Pattern NOT = Pattern.compile("(?i)(?<=\\p{L})n['\u2019]t\\b");

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    Reader r = new PatternReplaceCharFilter(SEPARATORS, " ", reader);
    r = new PatternReplaceCharFilter(CAN_NOT, "can not", r);
    r = new PatternReplaceCharFilter(WILL_NOT, "will not", r);
    return new PatternReplaceCharFilter(NOT, " not", r);
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
