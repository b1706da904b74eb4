package org.dwlogs.run;

/**
 * One input file's counts, as in the manifest's {@code inputs} and the page's data quality:
 * records read, malformed records, and among the records the truncated ones, those without a
 * timestamp, and those kept despite invalid UTF-8 or control characters.
 */
public record FileCounts(long records, long malformed, long truncated,
    long recordsWithoutTimestamp, long invalidUtf8, long controlChars) {
  /** A file nothing was counted of. */
  public static final FileCounts NONE = new FileCounts(0, 0, 0, 0, 0, 0);
}
