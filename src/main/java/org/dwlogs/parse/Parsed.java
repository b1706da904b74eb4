package org.dwlogs.parse;

import java.io.Serializable;

/** The outcome of parsing one raw record: a {@link LogRecord} or a {@link Malformed}. */
public sealed interface Parsed extends Serializable permits LogRecord, Malformed {
  /** The file the record came from. */
  String source();

  /** Where in the file the record starts: see {@link Position}. */
  Position position();
}
