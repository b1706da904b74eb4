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
  /** The bytes, and where in them the message starts, of the last {@link #mayMatch} scan. */
  private byte[] scanned;
  private int scannedFrom;
  /** The last markers list found equal to the pre-filter's: checked once, not per record. */
  private List<String> agreed;

  /**
   * A sieve with {@code prefilter}. When it locates the hints of the ID notations ({@link
   * LiteralPrefilter#withMarkers} with {@link org.dwlogs.parse.IdExtractor#markers}), its one
   * pass over a message also tells where they are, so the ID search does not read the message
   * again.
   */
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
    scanned = null;
    if (componentFrom < 0 && messageFrom >= text.length()) {
      return false;
    }
    boolean may = componentFrom < 0
        ? prefilter.mayMatchEach(text.bytes(), from + messageFrom, to, candidates) > 0
        : prefilter.mayMatchEach(text.bytes(), from + componentFrom, from + componentTo,
            from + messageFrom, to, candidates) > 0;
    scanned = text.bytes();
    scannedFrom = from + messageFrom;
    return may;
  }

  @Override
  public boolean markersAt(List<String> markers, AsciiText text, int messageFrom, int[] out) {
    // The markers this sieve's pre-filter notes must be the ones asked for, in order.
    int from = text.from() + messageFrom;
    if (scanned != text.bytes() || scannedFrom != from) {
      return false; // the last scan was not of this message
    }
    if (markers != agreed) {
      if (!markers.equals(prefilter.markers())) {
        return false;
      }
      agreed = markers;
    }
    for (int k = 0; k < out.length; k++) {
      int start = prefilter.markerStart(k, from);
      out[k] = start < 0 ? start : start - from;
    }
    return true;
  }

  /**
   * What a task needs to build its sieve: the broadcast catalog, the dual-write context
   * terms and the error levels, as the report job's matcher has them, and the hints of the
   * ID notations ({@link org.dwlogs.parse.IdExtractor#markers}).
   */
  public record Spec(Broadcast<Catalog> catalog, List<String> dualWrite, Set<String> errorLevels,
      List<String> idMarkers) implements Serializable {
    NoiseSieve sieve() {
      return new NoiseSieve(SignatureMatcher.forThisThread(catalog.value(), dualWrite)
          .prefilter(idMarkers), errorLevels);
    }
  }
}
