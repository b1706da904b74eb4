package org.dwlogs.signatures;

import java.io.Serializable;
import java.util.List;

/**
 * The loaded, validated catalog: entries sorted by {@code issue_id}, the file it came from
 * and the SHA-256 of its bytes (recorded in the run manifest). Immutable and serializable;
 * broadcast to executors, where each partition compiles its own matcher.
 */
public record Catalog(String source, String sha256, List<Signature> signatures)
    implements Serializable {

  public Catalog {
    signatures = List.copyOf(signatures);
  }
}
