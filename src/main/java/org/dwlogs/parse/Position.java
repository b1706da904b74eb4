package org.dwlogs.parse;

import java.io.Serializable;

/**
 * Where a record starts in its file. Text and JSON Lines records know their byte offset (in
 * the decompressed stream for gzip files); CSV rows know their 1-based line number.
 */
public record Position(Kind kind, long value) implements Serializable {
  /** What {@link #value} counts. */
  public enum Kind { OFFSET, LINE }

  public static Position offset(long offset) {
    return new Position(Kind.OFFSET, offset);
  }

  public static Position line(long line) {
    return new Position(Kind.LINE, line);
  }

  @Override
  public String toString() {
    return (kind == Kind.OFFSET ? "offset " : "line ") + value;
  }
}
