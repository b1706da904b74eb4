package org.dwlogs.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds session and activity IDs in message text with the configured notations, and
 * normalises IDs: trimmed, without surrounding braces, lowercase.
 */
public final class IdExtractor {
  private final List<Pattern> sessionPatterns;
  private final List<Pattern> activityPatterns;

  public IdExtractor(List<String> sessionPatterns, List<String> activityPatterns) {
    this.sessionPatterns = sessionPatterns.stream().map(Pattern::compile).toList();
    this.activityPatterns = activityPatterns.stream().map(Pattern::compile).toList();
  }

  public String sessionId(String text) {
    return find(sessionPatterns, text);
  }

  public String activityId(String text) {
    return find(activityPatterns, text);
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

  /** An ID as reported: trimmed, braces removed, lowercase; null when blank. */
  public static String normalize(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String find(List<Pattern> patterns, String text) {
    if (text == null) {
      return null;
    }
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return normalize(m.group("id"));
      }
    }
    return null;
  }
}
