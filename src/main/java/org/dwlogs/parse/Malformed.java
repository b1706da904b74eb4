package org.dwlogs.parse;

/** A raw record that could not be parsed, kept with the reason and its raw text (cut to a bound). */
public record Malformed(String source, Position position, String reason, String raw)
    implements Parsed {

  /** Raw text kept per malformed record, in characters. */
  public static final int MAX_RAW_CHARS = 4096;

  public static Malformed of(String source, Position position, String reason, String raw) {
    String kept = raw == null ? "" : raw;
    if (kept.length() > MAX_RAW_CHARS) {
      kept = kept.substring(0, MAX_RAW_CHARS);
    }
    return new Malformed(source, position, reason, kept);
  }
}
