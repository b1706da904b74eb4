package org.dwlogs.signatures;

import java.io.Serializable;
import java.util.List;

/**
 * One documented issue the job recognises. {@code inferred} entries look for a symptom the
 * documentation describes without quoting a message; {@code inferredReason} says why.
 *
 * <p>{@code references} are the ids of the reference sections or error codes the entry covers;
 * {@code category} and {@code docUrl} are shown in {@code issue_summary.csv} (null when the
 * catalog gives none). A {@code generic} entry's text is written by other products too, so it
 * counts a record only in dual-write context. When this entry and one it {@code overrides} both
 * match a record, only this one counts.
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
    List<Extractor> extractors,
    String category,
    String docUrl,
    List<String> references,
    boolean generic,
    List<String> overrides) implements Serializable {

  public Signature {
    extractors = List.copyOf(extractors);
    references = List.copyOf(references);
    overrides = List.copyOf(overrides);
  }

  /** An entry with none of the keys added for the whole troubleshooting series. */
  public Signature(String issueId, String title, String query, String remedy, String requiredRole,
      String docSection, boolean inferred, String inferredReason, List<Extractor> extractors) {
    this(issueId, title, query, remedy, requiredRole, docSection, inferred, inferredReason,
        extractors, null, null, List.of(), false, List.of());
  }
}
