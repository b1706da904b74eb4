package org.dwlogs.aggregate;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.dwlogs.run.FileCounts;

/** One file's counts within a partial aggregate; {@link #merge} adds another's. */
final class FileTally implements Serializable {
  private static final long serialVersionUID = 1L;
  long records;
  long truncated;
  long withoutTimestamp;
  long invalidUtf8;
  long controlChars;
  long malformed;
  /** Malformed records by kind label. */
  final Map<String, Long> malformedByKind = new TreeMap<>();

  void countRecord(boolean isTruncated, boolean noTimestamp, boolean badUtf8, boolean control) {
    records++;
    truncated += isTruncated ? 1 : 0;
    withoutTimestamp += noTimestamp ? 1 : 0;
    invalidUtf8 += badUtf8 ? 1 : 0;
    controlChars += control ? 1 : 0;
  }

  void countMalformed(String kind) {
    malformed++;
    malformedByKind.merge(kind, 1L, Long::sum);
  }

  void merge(FileTally o) {
    records += o.records;
    truncated += o.truncated;
    withoutTimestamp += o.withoutTimestamp;
    invalidUtf8 += o.invalidUtf8;
    controlChars += o.controlChars;
    malformed += o.malformed;
    o.malformedByKind.forEach((k, v) -> malformedByKind.merge(k, v, Long::sum));
  }

  FileCounts counts() {
    return new FileCounts(records, malformed, truncated, withoutTimestamp, invalidUtf8,
        controlChars);
  }
}
