package org.dwlogs.parse;

/**
 * One parsed log record. {@code timestampMillis} is UTC epoch milliseconds, or null when the
 * record carried no readable timestamp; {@code level} is the canonical level word (see
 * {@code levels} in the configuration) or null; IDs are lowercase without braces, or null.
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
    boolean truncated) implements Parsed {}
