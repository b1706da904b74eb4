package org.dwlogs.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.dwlogs.match.LiteralPrefilter;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.AsciiText;
import org.dwlogs.parse.NoiseRecord;
import org.dwlogs.parse.RecordParser;
import org.dwlogs.signatures.Catalog;

/**
 * The reader's byte path: tells, from a text record's ASCII bytes, that it is noise (well
 * formed, not at an error level, no catalog entry can match it) and reads it as a
 * {@link NoiseRecord} in place. Everything else (text that is not ASCII, control characters
 * (the reader marks them),
 * a record the pre-filter keeps, an error, anything malformed) is left to the full parse, so
 * the reports are the same either way. One per task thread: the pre-filter keeps state.
 */
public final class NoiseSieve implements RecordParser.NoiseTest {
  private final LiteralPrefilter prefilter;
  private final Set<String> errorLevels;
  private final boolean[] candidates;

  public NoiseSieve(LiteralPrefilter prefilter, Set<String> errorLevels) {
    this.prefilter = prefilter;
    this.errorLevels = errorLevels;
    this.candidates = new boolean[Math.max(1, prefilter.alternatives().size())];
  }

  /** The record as noise, or null when it must be parsed whole. */
  NoiseRecord sieve(String source, RecordChunk chunk, RecordParser parser) {
    AsciiText text = chunk.ascii();
    if (text == null || !prefilter.enabled() || chunk.asciiControl()) {
      return null;
    }
    try {
      return parser.parseNoise(source, chunk.offset(), text, chunk.asciiFirstLine(),
          chunk.truncated(), this);
    } catch (RuntimeException | StackOverflowError e) {
      return null; // the full parse sets the record aside with the reason
    }
  }

  @Override
  public boolean isError(String level) {
    return errorLevels.contains(level);
  }

  @Override
  public boolean mayMatch(AsciiText text, int componentFrom, int componentTo, int messageFrom) {
    int from = text.from();
    int to = from + text.length();
    if (componentFrom < 0) {
      return messageFrom < text.length()
          && prefilter.mayMatchEach(text.bytes(), from + messageFrom, to, candidates) > 0;
    }
    return prefilter.mayMatchEach(text.bytes(), from + componentFrom, from + componentTo,
        from + messageFrom, to, candidates) > 0;
  }

  /**
   * What a task needs to build its sieve: the broadcast catalog, the dual-write context
   * terms and the error levels, as the report job's matcher has them.
   */
  public record Spec(Broadcast<Catalog> catalog, List<String> dualWrite, Set<String> errorLevels)
      implements Serializable {
    NoiseSieve sieve() {
      return new NoiseSieve(
          SignatureMatcher.forThisThread(catalog.value(), dualWrite).prefilter(), errorLevels);
    }
  }
}
