package org.dwlogs.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every id of the troubleshooting series (written by reading the reference, in
 * {@code src/test/resources/match/reference-ids.txt}) is covered by exactly one entry of the
 * bundled catalog, and the catalog names no id the reference does not have.
 */
class ReferenceCoverageTest {
  private static final Catalog CATALOG = CatalogLoader.bundled();

  static List<String> referenceIds() throws IOException {
    try (InputStream in = ReferenceCoverageTest.class.getResourceAsStream("/match/reference-ids.txt")) {
      assertThat(in).as("reference-ids.txt").isNotNull();
      List<String> ids = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        String id = line.replaceFirst("#.*", "").strip();
        if (!id.isEmpty()) {
          ids.add(id);
        }
      }
      return ids;
    }
  }

  @Test
  void theReferenceListHasNoDuplicates() throws IOException {
    List<String> ids = referenceIds();
    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(90);
  }

  @Test
  void everyReferenceIdIsCoveredByExactlyOneEntry() throws IOException {
    Map<String, List<String>> owners = new TreeMap<>();
    for (Signature s : CATALOG.signatures()) {
      for (String ref : s.references()) {
        owners.computeIfAbsent(ref, k -> new ArrayList<>()).add(s.issueId());
      }
    }
    List<String> uncovered = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (String id : referenceIds()) {
      List<String> o = owners.getOrDefault(id, List.of());
      if (o.isEmpty()) {
        uncovered.add(id);
      } else if (o.size() > 1) {
        shared.add(id + " " + o);
      }
    }
    assertThat(uncovered).as("reference ids no entry covers").isEmpty();
    assertThat(shared).as("reference ids covered by more than one entry").isEmpty();
  }

  @Test
  void everyEntryReferenceIsAReferenceId() throws IOException {
    List<String> ids = referenceIds();
    List<String> unknown = new ArrayList<>();
    for (Signature s : CATALOG.signatures()) {
      s.references().stream().filter(r -> !ids.contains(r))
          .forEach(r -> unknown.add(s.issueId() + ": " + r));
      if (!s.inferred()) {
        assertThat(s.references()).as("references of %s", s.issueId()).isNotEmpty();
      }
    }
    assertThat(unknown).as("references not in reference-ids.txt").isEmpty();
  }
}
