package org.dwlogs.signatures;

import java.io.Serializable;
import java.util.List;

/**
 * One documented issue the job recognises. {@code inferred} entries look for a symptom the
 * documentation describes without quoting a message; {@code inferredReason} says why.
 */
public record Signature(
    String issueId,
    String title,
    String query,
    String remedy,
    String requiredRole,
    String docSection,
    boolean inferred,
    String inferredReason,
    List<Extractor> extractors) implements Serializable {

  public Signature {
    extractors = List.copyOf(extractors);
  }
}
