package org.dwlogs.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds session and activity IDs in message text with the configured notations, and
 * normalises IDs: trimmed, without surrounding braces, lowercase.
 *
 * <p>Most records carry no ID, and running a handful of case-insensitive regular
 * expressions over each message costs more than the rest of parsing. So each notation's
 * leading literal (see {@link RegexHints}) is looked for first, ignoring case, without copying
 * the message; a notation whose literal is absent cannot match and is skipped.
 */
public final class IdExtractor {
  private final List<Pattern> sessionPatterns;
  private final List<Pattern> activityPatterns;
  private final String[] sessionHints;
  private final String[] activityHints;

  public IdExtractor(List<String> sessionPatterns, List<String> activityPatterns) {
    this.sessionPatterns = sessionPatterns.stream().map(Pattern::compile).toList();
    this.activityPatterns = activityPatterns.stream().map(Pattern::compile).toList();
    this.sessionHints = sessionPatterns.stream().map(RegexHints::requiredLiteral).toArray(String[]::new);
    this.activityHints = activityPatterns.stream().map(RegexHints::requiredLiteral).toArray(String[]::new);
  }

  public String sessionId(CharSequence text) {
    return find(sessionPatterns, sessionHints, text);
  }

  public String activityId(CharSequence text) {
    return find(activityPatterns, activityHints, text);
  }

  /** The text with every ID notation (label and value) removed. */
  public String removeNotations(String text) {
    String out = text;
    for (Pattern p : sessionPatterns) {
      out = p.matcher(out).replaceAll(" ");
    }
    for (Pattern p : activityPatterns) {
      out = p.matcher(out).replaceAll(" ");
    }
    return out;
  }

  /** Values that tools write where they have no ID; compared lowercase, braces removed. */
  private static final java.util.Set<String> PLACEHOLDERS =
      java.util.Set.of("n/a", "na", "null", "none", "nil", "undefined", "-", "--", "0");
  /** The all-zero GUID ("no user" in Application Insights), with or without dashes. */
  private static final Pattern ZERO_GUID = Pattern.compile("0{8}-?0{4}-?0{4}-?0{4}-?0{12}");

  /**
   * An ID as reported: trimmed, braces removed, lowercase; null when blank or a placeholder
   * ({@code N/A}, {@code null}, {@code none}, {@code -}, the all-zero GUID, any case).
   */
  public static String normalize(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    s = s.toLowerCase(Locale.ROOT);
    return s.isEmpty() || isPlaceholder(s) ? null : s;
  }

  /** True for a lowercase, brace-free value that stands for "no ID". */
  static boolean isPlaceholder(String s) {
    return PLACEHOLDERS.contains(s) || ZERO_GUID.matcher(s).matches();
  }

  private static String find(List<Pattern> patterns, String[] hints, CharSequence text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < hints.length; i++) {
      int from = 0;
      if (hints[i] != null) {
        // Every match starts with the hint, so none starts before its first occurrence.
        from = indexIgnoringCase(text, hints[i]);
        if (from < 0) {
          continue;
        }
      }
      Matcher m = patterns.get(i).matcher(text);
      while (m.find(from)) {
        String id = normalize(m.group("id"));
        if (id != null) {
          return id;
        }
        from = m.end(); // a placeholder such as the zero GUID: look further on
      }
    }
    return null;
  }

  /**
   * Where the lowercase {@code hint} first occurs in {@code text}, each character compared
   * lowercased, or -1: the text is not copied, and offsets are the text's own.
   */
  static int indexIgnoringCase(CharSequence text, String hint) {
    char first = hint.charAt(0);
    int last = text.length() - hint.length();
    for (int i = 0; i <= last; i++) {
      if (lower(text.charAt(i)) == first && restMatches(text, i, hint)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean restMatches(CharSequence text, int at, String hint) {
    for (int j = 1; j < hint.length(); j++) {
      if (lower(text.charAt(at + j)) != hint.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }
}
