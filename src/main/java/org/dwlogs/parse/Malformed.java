package org.dwlogs.parse;

import java.util.Locale;

/**
 * A raw record that could not be parsed, kept with its kind, a reason a person can act on,
 * and its raw text (cut to {@link #MAX_RAW_CHARS}). Malformed records are counted per file
 * and written to the quarantine; they never stop the run.
 *
 * <p>{@code timestampHint} (epoch milliseconds, or null) is the time the record is counted
 * at in a run with a time window: the nearest readable timestamp before it in its file (see
 * {@code ingest.TimestampHints}), so that each malformed record falls in exactly one day.
 */
public record Malformed(String source, Position position, Kind kind, String reason, String raw,
    Long timestampHint) implements Parsed {

  /** A malformed record without a timestamp hint. */
  public Malformed(String source, Position position, Kind kind, String reason, String raw) {
    this(source, position, kind, reason, raw, null);
  }

  /** This record, counted at {@code millis}. */
  public Malformed withTimestampHint(Long millis) {
    return new Malformed(source, position, kind, reason, raw, millis);
  }

  /** Raw text kept per malformed record, in characters. */
  public static final int MAX_RAW_CHARS = 4096;

  /** What was wrong; {@link #label()} names it in the manifest and the quarantine. */
  public enum Kind {
    /** Lines of a text log before its first record start. */
    ORPHAN_LINES,
    /** One line of a text log in which no known layout finds a record start. */
    NO_RECORD_START,
    /** A text record whose first line does not match the configured header. */
    BAD_HEADER,
    /** A text record whose timestamp cannot be read. */
    BAD_TIMESTAMP,
    /** A JSON Lines line that is not a JSON object. */
    INVALID_JSON,
    /** A JSON object without any message field. */
    NO_MESSAGE,
    /** A CSV row whose field count differs from the header's. */
    CSV_FIELD_COUNT,
    /** A CSV quoted field that is never closed. */
    CSV_UNBALANCED_QUOTES,
    /** A CSV header without a message column: no row of the file can be read. */
    CSV_NO_MESSAGE_COLUMN,
    /** A file that could not be read, or not to its end (corrupt gzip, no permission). */
    UNREADABLE_FILE,
    /**
     * A record whose parsing, ID extraction or matching failed with an exception: a value no
     * rule foresaw. The record is set aside so that one value never fails the run.
     */
    PARSE_FAILURE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Malformed of(String source, Position position, Kind kind, String reason,
      String raw) {
    String kept = raw == null ? "" : raw;
    if (kept.length() > MAX_RAW_CHARS) {
      kept = kept.substring(0, MAX_RAW_CHARS);
    }
    return new Malformed(source, position, kind, reason, kept);
  }

  /** A {@link Kind#PARSE_FAILURE}: the reason names the exception's class and message. */
  public static Malformed failure(String source, Position position, Throwable failure,
      String raw) {
    String message = failure.getMessage();
    return of(source, position, Kind.PARSE_FAILURE, failure.getClass().getName()
        + (message == null ? "" : ": " + message), raw);
  }
}
