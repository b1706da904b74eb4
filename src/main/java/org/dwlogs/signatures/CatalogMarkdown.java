package org.dwlogs.signatures;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The catalog as the README lists it: one table per category, one row per entry with its
 * references, and whether it is generic or inferred. Generated, so the README cannot drift
 * from {@code conf/signatures.yaml} (a test compares them).
 */
public final class CatalogMarkdown {
  public static final String BEGIN = "<!-- catalog-entries:begin (generated from conf/signatures.yaml) -->";
  public static final String END = "<!-- catalog-entries:end -->";

  private CatalogMarkdown() {}

  public static String of(Catalog catalog) {
    Map<String, List<Signature>> byCategory = new TreeMap<>(catalog.signatures().stream()
        .collect(Collectors.groupingBy(s -> s.category() == null ? "(none)" : s.category())));
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    md.append(String.format("%d entries in %d categories.%n", catalog.signatures().size(),
        byCategory.size()));
    byCategory.forEach((category, entries) -> {
      md.append('\n').append("**").append(category).append("** (").append(entries.size())
          .append(")\n\n");
      md.append("| issue_id | references | documented message or symptom |\n");
      md.append("|---|---|---|\n");
      for (Signature s : entries) {
        String notes = (s.generic() ? " *(generic: only in dual-write context)*" : "")
            + (s.inferred() ? " *(inferred)*" : "");
        md.append("| `").append(s.issueId()).append("` | ")
            .append(String.join(", ", s.references())).append(" | ")
            .append(cell(s.title())).append(notes).append(" |\n");
      }
    });
    md.append(END).append('\n');
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }
}
