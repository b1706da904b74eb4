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
 * the message; a notation whose literal is absent cannot match and is skipped. Not
 * thread-safe (it reuses its matchers): one per task.
 */
public final class IdExtractor {
  private final IdNotation[] sessions;
  private final IdNotation[] activities;
  private final String[] sessionHints;
  private final String[] activityHints;
  private final AsciiHint[] sessionAsciiHints;
  private final AsciiHint[] activityAsciiHints;
  /** The distinct hints that are words ({@link #markers}); per notation, its hint's index there or -1. */
  private final List<String> markers;
  private final int[] sessionMarker;
  private final int[] activityMarker;

  public IdExtractor(List<String> sessionPatterns, List<String> activityPatterns) {
    this.sessions = sessionPatterns.stream().map(IdNotation::new).toArray(IdNotation[]::new);
    this.activities = activityPatterns.stream().map(IdNotation::new).toArray(IdNotation[]::new);
    this.sessionHints = sessionPatterns.stream().map(RegexHints::requiredLiteral).toArray(String[]::new);
    this.activityHints = activityPatterns.stream().map(RegexHints::requiredLiteral).toArray(String[]::new);
    this.sessionAsciiHints = asciiHints(sessionHints);
    this.activityAsciiHints = asciiHints(activityHints);
    // A hint is letters and digits, lowercased (RegexHints.requiredLiteral): an ASCII one is
    // a word of a-z and 0-9, which a literal scanner can locate.
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    for (String[] hints : new String[][] {sessionHints, activityHints}) {
      for (String h : hints) {
        if (h != null && AsciiHint.of(h) != null) {
          words.add(h);
        }
      }
    }
    this.markers = List.copyOf(words);
    this.sessionMarker = markerIndexes(sessionHints);
    this.activityMarker = markerIndexes(activityHints);
  }

  public String sessionId(CharSequence text) {
    return find(sessions, sessionHints, sessionAsciiHints, null, null, text);
  }

  public String activityId(CharSequence text) {
    return find(activities, activityHints, activityAsciiHints, null, null, text);
  }

  /**
   * The hints of the notations that are ASCII: plain lowercase words of letters and digits,
   * without repeats: what a caller that reads the text anyway may locate for
   * {@link #sessionId(AsciiText, int[])}.
   */
  public List<String> markers() {
    return markers;
  }

  /**
   * As {@link #sessionId(CharSequence)}, told where each of the {@link #markers} first
   * occurs in {@code text}, ignoring case: {@code markerAt[k]} is that index, -1 when marker
   * k does not occur, or any other negative value when the caller does not know.
   */
  public String sessionId(AsciiText text, int[] markerAt) {
    return find(sessions, sessionHints, sessionAsciiHints, sessionMarker, markerAt, text);
  }

  /** As {@link #sessionId(AsciiText, int[])} for the activity ID. */
  public String activityId(AsciiText text, int[] markerAt) {
    return find(activities, activityHints, activityAsciiHints, activityMarker, markerAt, text);
  }

  private int[] markerIndexes(String[] hints) {
    int[] out = new int[hints.length];
    for (int i = 0; i < hints.length; i++) {
      out[i] = hints[i] == null ? -1 : markers.indexOf(hints[i]);
    }
    return out;
  }

  /** The text with every ID notation (label and value) removed. */
  public String removeNotations(String text) {
    String out = removeNotations(text, sessions, sessionHints);
    return removeNotations(out, activities, activityHints);
  }

  private static String removeNotations(String text, IdNotation[] notations, String[] hints) {
    String out = text;
    for (int i = 0; i < notations.length; i++) {
      // every match holds the notation's hint: without it there is nothing to remove
      if (hints[i] == null || charsIndexIgnoringCase(out, hints[i], 0) >= 0) {
        out = notations[i].pattern().matcher(out).replaceAll(" ");
      }
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
    // Most IDs are GUIDs: only a short value can be a placeholder word, only one starting
    // with 0 the zero GUID.
    return s.length() <= MAX_PLACEHOLDER_LENGTH && PLACEHOLDERS.contains(s)
        || !s.isEmpty() && s.charAt(0) == '0' && ZERO_GUID.matcher(s).matches();
  }

  private static final int MAX_PLACEHOLDER_LENGTH =
      PLACEHOLDERS.stream().mapToInt(String::length).max().orElse(0);

  private static String find(IdNotation[] notations, String[] hints, AsciiHint[] asciiHints,
      int[] markerOf, int[] markerAt, CharSequence text) {
    if (text == null) {
      return null;
    }
    String lastHint = null;
    int firstAt = -1;
    for (int i = 0; i < hints.length; i++) {
      String hint = hints[i];
      IdNotation n = notations[i];
      if (hint == null) {
        Matcher m = n.pattern().matcher(text);
        for (int from = 0; m.find(from); from = m.end()) {
          String id = normalize(m.group("id"));
          if (id != null) {
            return id;
          }
        }
        continue;
      }
      // Every match starts where the hint occurs: the notation is tried there only, not at
      // every character. Notations often share a hint ("activity id", "activity:"): its first
      // occurrence is looked for once.
      if (!hint.equals(lastHint)) {
        lastHint = hint;
        int known = markerAt == null || markerOf[i] < 0 ? -2 : markerAt[markerOf[i]];
        firstAt = known >= -1 ? known : indexIgnoringCase(text, hint, asciiHints[i], 0);
      }
      if (firstAt >= 0) {
        n.reset(text); // only then: a reset clears all of a matcher's state, which costs
      }
      for (int at = firstAt; at >= 0; ) {
        if (!n.matchesAt(at)) {
          at = indexIgnoringCase(text, hint, asciiHints[i], at + 1);
          continue;
        }
        String id = n.id();
        if (id != null) {
          return id;
        }
        // a placeholder such as the zero GUID: look further on
        at = indexIgnoringCase(text, hint, asciiHints[i], Math.max(n.end(), at + 1));
      }
    }
    return null;
  }

  private static int indexIgnoringCase(CharSequence text, String hint, AsciiHint asciiHint,
      int from) {
    if (text instanceof AsciiText ascii) {
      return asciiHint == null ? -1 : ascii.indexOf(asciiHint, from);
    }
    return charsIndexIgnoringCase(text, hint, from);
  }

  private static AsciiHint[] asciiHints(String[] hints) {
    AsciiHint[] out = new AsciiHint[hints.length];
    for (int i = 0; i < hints.length; i++) {
      out[i] = hints[i] == null ? null : AsciiHint.of(hints[i]);
    }
    return out;
  }

  /**
   * Where the lowercase {@code hint} first occurs in {@code text}, each character compared
   * lowercased, or -1: the text is not copied, and offsets are the text's own.
   */
  static int indexIgnoringCase(CharSequence text, String hint) {
    return charsIndexIgnoringCase(text, hint, 0);
  }

  private static int charsIndexIgnoringCase(CharSequence text, String hint, int from) {
    char first = hint.charAt(0);
    if (text instanceof String s && first < 128 && ONLY_ASCII_CASES[first]) {
      // The hint can start only where its first letter is, in either case: String.indexOf
      // finds those fast, and only they are compared further.
      char other = Character.toUpperCase(first);
      int lowerAt = s.indexOf(first, from);
      int upperAt = other == first ? -1 : s.indexOf(other, from);
      while (lowerAt >= 0 || upperAt >= 0) {
        int at = upperAt < 0 || (lowerAt >= 0 && lowerAt < upperAt) ? lowerAt : upperAt;
        if (at > s.length() - hint.length()) {
          return -1;
        }
        if (restMatches(s, at, hint)) {
          return at;
        }
        if (at == lowerAt) {
          lowerAt = s.indexOf(first, at + 1);
        } else {
          upperAt = s.indexOf(other, at + 1);
        }
      }
      return -1;
    }
    int last = text.length() - hint.length();
    for (int i = from; i <= last; i++) {
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

  /**
   * {@code ONLY_ASCII_CASES[c]}: the only characters that {@link #lower} turns into ASCII
   * {@code c} are {@code c} and its upper case (not so for i and k: U+0130 and the Kelvin
   * sign lower to them). Computed over every char, not assumed.
   */
  private static final boolean[] ONLY_ASCII_CASES = new boolean[128];

  static {
    java.util.Arrays.fill(ONLY_ASCII_CASES, true);
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char l = lower((char) c);
      if (l < 128 && c != l && c != Character.toUpperCase(l)) {
        ONLY_ASCII_CASES[l] = false;
      }
    }
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }
}
