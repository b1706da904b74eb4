package org.dwlogs.aggregate;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dwlogs.parse.IdExtractor;

/**
 * Reduces an unmatched error message to a pattern that groups its occurrences: the first
 * non-blank line, ID notations removed, variable parts masked. Masks, applied in this order:
 * URLs {@code <url>}, e-mail addresses {@code <email>}, GUIDs {@code <guid>}, quoted values
 * {@code '<value>'} / {@code "<value>"} (JSON keys are kept), hex {@code <hex>}, numbers
 * {@code <n>}.
 */
public final class ErrorPatterns {
  /** Longest pattern and example kept, in characters. */
  public static final int MAX_CHARS = 500;

  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|sb|amqps?)://[^\\s\"'<>]+");
  // Repeated groups are possessive (*+, ++): java.util.regex runs a greedy group by recursion,
  // once per repetition, and a long value overflowed the stack. Nothing follows these groups
  // that backtracking into them could satisfy, so the matches are the same.
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]++(?:\\.[\\w-]++)++");
  private static final Pattern GUID = Pattern.compile(
      "\\{?\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b\\}?");
  // Not an apostrophe inside a word ("doesn't", "can't"): those would pair up with each other
  // or with a real quote and leave the quoted value unmasked.
  private static final Pattern SINGLE_QUOTED =
      Pattern.compile("(?<![\\p{L}\\p{N}])'[^'\\n]*'(?![\\p{L}\\p{N}])");
  // Quoted strings are consumed left to right; group 1 (a following colon) marks a JSON key,
  // which is kept. A lookahead instead would let the regex restart inside a key and pair its
  // closing quote with the value's opening quote ("entity":"account" -> "entity"<value>...).
  // An unrolled loop, runs of [^"\\\n] between escapes, so that it repeats per escape and not
  // per character.
  private static final Pattern DOUBLE_QUOTED =
      Pattern.compile("\\\\?\"[^\"\\\\\\n]*+(?:\\\\[^\"][^\"\\\\\\n]*+)*+\\\\?\"(\\s*:)?");
  private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b[0-9a-fA-F]*\\d[0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*\\b(?<=\\b\\w{16,})");
  // Only a last segment can be followed by a word character ("1.5a" is <n>.5a); it is left out.
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.])[-+]?\\d++(?:[.,:]\\d++(?![\\w]))*+(?![\\w])");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ErrorPatterns() {}

  /**
   * Characters of the first line that are masked. The pattern keeps {@link #MAX_CHARS}, and
   * the bound keeps the masks' cost (some grow with the square of a run of word characters,
   * some recurse per repetition) small on a line of megabytes.
   */
  static final int MAX_MASKED_CHARS = 8 * MAX_CHARS;

  /** The pattern of {@code message}. */
  public static String of(String message, IdExtractor ids) {
    String line = firstLine(message);
    String s = ids.removeNotations(line.length() <= MAX_MASKED_CHARS ? line
        : line.substring(0, MAX_MASKED_CHARS));
    s = masked(s, true);
    s = SPACES.matcher(s).replaceAll(" ").strip();
    return cut(s);
  }

  /**
   * A mask: its expression, what replaces a match, and a cheap test that the text holds what
   * every match holds (most error lines have no URL, address or quote, and each expression
   * would read the whole line).
   */
  private record Mask(Pattern pattern, Function<MatchResult, String> replacement,
      Predicate<String> mayMatch) {}

  private static final List<Mask> MASKS = List.of(
      new Mask(URL, m -> "<url>", s -> s.contains("://")),
      new Mask(EMAIL, m -> "<email>", s -> s.indexOf('@') >= 0),
      new Mask(GUID, m -> "<guid>", s -> s.indexOf('-') >= 0),
      new Mask(SINGLE_QUOTED, m -> "'<value>'", s -> s.indexOf('\'') >= 0),
      new Mask(DOUBLE_QUOTED, m -> m.group(1) != null
          ? Matcher.quoteReplacement(m.group()) : "\"<value>\"", s -> s.indexOf('"') >= 0),
      new Mask(HEX, m -> "<hex>", s -> true),
      new Mask(NUMBER, m -> "<n>", ErrorPatterns::hasDigit));

  /** {@code s} with every mask applied in order; {@code guarded}: only where it may match. */
  static String masked(String s, boolean guarded) {
    String out = s;
    for (Mask mask : MASKS) {
      if (!guarded || mask.mayMatch().test(out)) {
        out = mask.pattern().matcher(out).replaceAll(mask.replacement());
      }
    }
    return out;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The message's first non-blank line, as shown in the example column. */
  public static String example(String message) {
    return cut(firstLine(message).strip());
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    for (String line : message.split("\n", -1)) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }

  private static String cut(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS);
  }
}
