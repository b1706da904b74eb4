package org.dwlogs.parse;

/**
 * One parsed log record. {@code timestampMillis} is UTC epoch milliseconds, or null when the
 * record carried no readable timestamp; {@code level} is the canonical level word (see
 * {@code levels} in the configuration) or null; IDs are lowercase without braces, or null.
 * {@code otherFields} holds the values of a JSON or CSV record's other fields (those not read
 * as timestamp, level, component, message or IDs), one per line, or null: catalog entries
 * whose text is generic look there for dual-write context.
 */
public record LogRecord(
    String source,
    Position position,
    Long timestampMillis,
    String level,
    String component,
    String message,
    String sessionId,
    String activityId,
    boolean truncated,
    String otherFields) implements Parsed {

  /** A record without other fields (text logs). */
  public LogRecord(String source, Position position, Long timestampMillis, String level,
      String component, String message, String sessionId, String activityId, boolean truncated) {
    this(source, position, timestampMillis, level, component, message, sessionId, activityId,
        truncated, null);
  }
}
