package org.dwlogs.run;

/** A report run's totals, as in the manifest's {@code totals} and the console summary. */
public record RunTotals(long files, long bytes, long records, long malformed, long truncated,
    long matchedRecords, long unmatchedErrorRecords, long recordsWithoutTimestamp,
    long invalidUtf8, long controlChars, long sessions, long activities) {

  /** Malformed records as a share of everything read (records and malformed). */
  public double malformedRatio() {
    long all = records + malformed;
    return all == 0 ? 0 : malformed / (double) all;
  }
}
