package org.dwlogs.parse;

/**
 * A record the report job read only as far as its reports need it: no catalog entry can
 * match it (the pre-filter dismissed its raw bytes) and its level is not an error level, so
 * all that counts of it is that it was read, its timestamp, its data-quality flags and the
 * IDs it carries. It has no message: the byte path of the reader never decodes one. Only the
 * report job asks for these; the index build and {@code explain} read every record whole.
 */
public record NoiseRecord(String source, long offset, Long timestampMillis, boolean truncated,
    boolean invalidUtf8, boolean controlChars, String sessionId, String activityId)
    implements Parsed {

  @Override
  public Position position() {
    return Position.offset(offset);
  }
}
