package org.dwlogs.signatures;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A regular expression whose named groups pull fields out of a matched message. It runs
 * case-insensitively over the message with every run of whitespace (line breaks included)
 * collapsed to one space. Group names are the report fields in {@link #FIELDS}.
 */
public record Extractor(String regex) implements Serializable {
  /** Named groups an extractor may use, and the version_mismatch.csv columns they fill. */
  public static final List<String> FIELDS =
      List.of("solution", "foundVersion", "requiredVersion", "tableMap");

  public Pattern compiled() {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The message as extractors see it: whitespace runs collapsed, trimmed. */
  public static String flatten(String message) {
    return message.replaceAll("\\s+", " ").strip();
  }
}
