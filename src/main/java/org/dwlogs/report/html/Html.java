package org.dwlogs.report.html;

/**
 * Escaping for the page. Log text is attacker-controlled: every value goes through
 * {@link #text} before it reaches the page, in element content and in (double-quoted)
 * attributes alike, so no value can open a tag, close an attribute or start an entity.
 */
public final class Html {
  private Html() {}

  /**
   * {@code value} with {@code & < > " '} as character references and control characters other
   * than tab and line breaks as U+FFFD (they are not allowed in HTML text); empty for null.
   */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> out.append(c);
        default -> out.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /**
   * A link to a catalog entry's documentation when {@code url} is an {@code https://} URL,
   * else the escaped text alone: {@code javascript:}, {@code data:} and relative URLs never
   * become links.
   */
  public static String docLink(String url, String label) {
    if (url == null || url.isBlank()) {
      return "";
    }
    if (!isHttps(url)) {
      return text(url);
    }
    return "<a href=\"" + text(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
        + text(label) + "</a>";
  }

  /** Whether {@code url} starts with {@code https://} and holds no whitespace or controls. */
  static boolean isHttps(String url) {
    if (!url.startsWith("https://") || url.length() == "https://".length()) {
      return false;
    }
    return url.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
  }
}
