package org.dwlogs.parse;

import java.io.Serializable;

/**
 * The outcome of parsing one raw record: a {@link LogRecord}, a {@link Malformed}, or (on the
 * report job's byte path) a {@link NoiseRecord}.
 */
public sealed interface Parsed extends Serializable permits LogRecord, Malformed, NoiseRecord {
  /** The file the record came from. */
  String source();

  /** Where in the file the record starts: see {@link Position}. */
  Position position();
}
