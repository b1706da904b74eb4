package org.dwlogs.signatures;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A regular expression whose named groups pull fields out of a matched message. It runs
 * case-insensitively over the message as {@link #flatten} leaves it: JSON escapes of quotes
 * undone and every run of whitespace (line breaks included) collapsed to one space. Group
 * names are the report fields in {@link #FIELDS}.
 */
public record Extractor(String regex) implements Serializable {
  /** Named groups an extractor may use. */
  public static final List<String> FIELDS = List.of("solution", "foundVersion", "requiredVersion",
      "tableMap", "entity", "field", "lookupValue", "cdsErrorCode", "projectName", "legalEntity");

  /** The groups that fill version_mismatch.csv; the others (and tableMap) fill issue_details.csv. */
  public static final List<String> VERSION_FIELDS =
      List.of("solution", "foundVersion", "requiredVersion");

  /** The groups reported in issue_details.csv, in report order. */
  public static final List<String> DETAIL_FIELDS = List.of("tableMap", "entity", "field",
      "lookupValue", "cdsErrorCode", "projectName", "legalEntity");

  /** A group name as a report writes it: {@code lookupValue} becomes {@code lookup_value}. */
  public static String reportName(String group) {
    return group.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  public Pattern compiled() {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The message as extractors see it: JSON-escaped quotes (backslash-u0027, backslash-u0022,
   * backslash-quote) and escaped line breaks undone, as they appear when a JSON payload is
   * logged raw; whitespace runs collapsed; trimmed.
   */
  public static String flatten(String message) {
    String s = message;
    if (s.indexOf('\\') >= 0) {
      s = s.replace("\\u0027", "'").replace("\\u0022", "\"").replace("\\\"", "\"")
          .replace("\\n", " ").replace("\\r", " ").replace("\\t", " ");
    }
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }
}
