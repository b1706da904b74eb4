package org.dwlogs.parse;

import java.util.Locale;

/**
 * Derives from a regular expression a literal that every match must contain, so that a
 * cheap {@code contains} can rule a text out before the regex runs.
 *
 * <p>Only the obvious case is handled, on purpose: the run of plain letters and digits at the
 * start of the pattern (after inline flags, {@code ^} and {@code \b}), without a last
 * character that a quantifier makes optional, and only when the pattern has no alternation
 * at its top level. The literal is lowercased; looking for it in lowercased text is right for
 * case-insensitive and case-sensitive patterns alike. Anything less obvious gives null:
 * always run the regex.
 */
public final class RegexHints {
  /** Shorter literals rule out too little to be worth the lookup. */
  static final int MIN_LENGTH = 4;

  private RegexHints() {}

  /** The required leading literal, lowercase, or null. */
  public static String requiredLiteral(String regex) {
    if (hasTopLevelAlternation(regex)) {
      return null;
    }
    int i = 0;
    while (true) {
      if (regex.startsWith("(?", i) && i + 2 < regex.length() && Character.isLetter(regex.charAt(i + 2))) {
        int close = regex.indexOf(')', i);
        String flags = close < 0 ? "" : regex.substring(i + 2, close);
        if (close < 0 || !flags.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
          return null; // a flagged group such as (?i:...), not a bare flag setting
        }
        i = close + 1;
      } else if (regex.startsWith("^", i)) {
        i++;
      } else if (regex.startsWith("\\b", i)) {
        i += 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < regex.length() && Character.isLetterOrDigit(regex.charAt(i))) {
      i++;
    }
    int end = i;
    if (i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0) {
      end--; // the last character is optional
    }
    String literal = regex.substring(start, Math.max(start, end));
    return literal.length() >= MIN_LENGTH ? literal.toLowerCase(Locale.ROOT) : null;
  }

  static boolean hasTopLevelAlternation(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}
