package org.dwlogs.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One configured ID notation, tried where it may start. When the notation is a label followed
 * by the usual GUID value ({@link #GUID_VALUE}, case-insensitive), only the label is a regular
 * expression at run time and the 36 characters after it are read by hand: most records carry
 * an ID, and the case-insensitive hex ranges were the costliest part of reading them.
 *
 * <p>This is exact. The notation is the label {@code L} followed by {@code V}; a matcher tries
 * the ways {@code L} can match in the same order whether {@code V} follows or not, so if
 * {@code V} matches where {@code L}'s first match ends, that is the notation's match. Only
 * when it does not (rare: a label without a GUID after it) is the whole notation tried.
 * Not thread-safe: it keeps its matchers.
 */
final class IdNotation {
  /** The value part the fast path knows: an optionally braced GUID in group {@code id}. */
  static final String GUID_VALUE =
      "\\{?(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\}?";

  private static final int GUID_LENGTH = 36;

  private final Pattern pattern;
  private final Matcher whole;
  /** The label alone, or null when the notation is not label + {@link #GUID_VALUE}. */
  private final Matcher label;
  private CharSequence text;
  /** Where the last match's GUID starts when it was read by hand, else -1. */
  private int valueFrom = -1;
  private int end = -1;
  /** Whether {@link #whole} looks at {@link #text} yet. */
  private boolean wholeReset;

  IdNotation(String regex) {
    this.pattern = Pattern.compile(regex);
    this.whole = transparent(pattern);
    Pattern l = label(regex);
    this.label = l == null ? null : transparent(l);
  }

  Pattern pattern() {
    return pattern;
  }

  /** True when the GUID after the label is read without the regular expression. */
  boolean readsGuidByHand() {
    return label != null;
  }

  /** Subsequent calls look in {@code text}. */
  void reset(CharSequence text) {
    this.text = text;
    if (label != null) {
      label.reset(text);
      wholeReset = false; // most texts never need it: reset when first used
    } else {
      whole.reset(text);
      wholeReset = true;
    }
  }

  /**
   * Whether the notation matches at {@code at} (its lookbehinds and {@code \b} see the whole
   * text); then {@link #end()} is where the match ends and {@link #id()} its normalised ID.
   */
  boolean matchesAt(int at) {
    end = -1;
    if (label != null) {
      label.region(at, text.length());
      if (!label.lookingAt()) {
        return false; // the notation starts with the label: it cannot match here either
      }
      int from = label.end();
      int value = from < text.length() && text.charAt(from) == '{' && isGuid(text, from + 1)
          ? from + 1 : isGuid(text, from) ? from : -1;
      if (value >= 0) {
        valueFrom = value;
        end = value + GUID_LENGTH;
        if (end < text.length() && text.charAt(end) == '}') {
          end++;
        }
        return true;
      }
    }
    if (!wholeReset) {
      whole.reset(text);
      wholeReset = true;
    }
    whole.region(at, text.length());
    if (!whole.lookingAt()) {
      return false;
    }
    valueFrom = -1;
    end = whole.end();
    return true;
  }

  int end() {
    return end;
  }

  /** The ID of the last match, normalised as {@link IdExtractor#normalize}; null for a placeholder. */
  String id() {
    if (valueFrom < 0) {
      return IdExtractor.normalize(whole.group("id"));
    }
    char[] chars = new char[GUID_LENGTH];
    boolean zero = true;
    for (int i = 0; i < GUID_LENGTH; i++) {
      char c = text.charAt(valueFrom + i);
      chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      zero &= c == '0' || c == '-';
    }
    return zero ? null : new String(chars); // the zero GUID is a placeholder
  }

  /** 8-4-4-4-12 hex digits, either case, at {@code at}. */
  private static boolean isGuid(CharSequence text, int at) {
    if (at + GUID_LENGTH > text.length()) {
      return false;
    }
    if (text instanceof AsciiText ascii) {
      return isGuid(ascii.bytes(), ascii.from() + at); // the byte path: no call per character
    }
    for (int i = 0; i < GUID_LENGTH; i++) {
      char c = text.charAt(at + i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
          : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isGuid(byte[] bytes, int at) {
    if (bytes[at + 8] != '-' || bytes[at + 13] != '-' || bytes[at + 18] != '-'
        || bytes[at + 23] != '-') {
      return false;
    }
    return hex(bytes, at, at + 8) && hex(bytes, at + 9, at + 13) && hex(bytes, at + 14, at + 18)
        && hex(bytes, at + 19, at + 23) && hex(bytes, at + 24, at + GUID_LENGTH);
  }

  private static boolean hex(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      int b = bytes[i];
      if (b < 0 || !HEX[b]) {
        return false;
      }
    }
    return true;
  }

  /** {@code HEX[c]}: ASCII c is a hex digit, either case. */
  private static final boolean[] HEX = new boolean[128];

  static {
    for (char c : "0123456789abcdefABCDEF".toCharArray()) {
      HEX[c] = true;
    }
  }

  /**
   * The label of a notation written {@code (?i)L} + {@link #GUID_VALUE}, compiled, or null
   * when the notation has another shape or its label is anything but a plain sequence (a
   * top-level alternation, inline flags, quoting, a group named {@code id}).
   */
  static Pattern label(String regex) {
    String flags = regex.startsWith("(?i)") ? "(?i)" : regex.startsWith("(?iu)") ? "(?iu)"
        : regex.startsWith("(?ui)") ? "(?ui)" : null;
    if (flags == null || !regex.endsWith(GUID_VALUE)) {
      return null;
    }
    String label = regex.substring(flags.length(), regex.length() - GUID_VALUE.length());
    int backslashes = 0;
    while (backslashes < label.length()
        && label.charAt(label.length() - 1 - backslashes) == '\\') {
      backslashes++;
    }
    if (label.isEmpty() || backslashes % 2 == 1 || label.contains("\\Q")
        || label.contains("(?<id>") || hasInlineFlags(label)
        || RegexHints.hasTopLevelAlternation(label)) {
      return null;
    }
    try {
      return Pattern.compile(flags + label);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  /** {@code (?x)}, {@code (?-i:...)} and the like: they could change how the value is read. */
  private static boolean hasInlineFlags(String regex) {
    for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 1)) {
      if (i + 2 < regex.length()) {
        char c = regex.charAt(i + 2);
        if (Character.isLetter(c) || c == '-') {
          return true;
        }
      }
    }
    return false;
  }

  private static Matcher transparent(Pattern p) {
    return p.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
  }
}
