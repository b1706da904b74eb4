package org.dwlogs.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Dismisses records that no catalog query can match, before any analysis: a cheap
 * case-insensitive substring test for literals derived from the queries themselves.
 *
 * <p>Each query becomes a conjunction of groups of literals ("contains one of these, and one
 * of those"): a term query needs its term; a phrase needs each of its terms; a boolean query
 * needs everything each required clause needs, or, with only optional clauses, one literal
 * from a group of any of them. A record is a candidate when, for some query, its lowercased
 * text contains a literal of every group.
 *
 * <p>This never dismisses a record a query would match: the analyser only lowercases and
 * splits text, so a token of the analysed message is a substring of the lowercased message.
 * The exceptions are the tokens the analyser writes itself while spelling out contractions
 * ("not", "can", "will"), which are never used. A query whose shape gives no literals (a
 * wildcard, say) switches the pre-filter off: every record is then a candidate.
 */
public final class LiteralPrefilter {
  /** Tokens the analyser can produce that need not appear in the raw text. */
  private static final Set<String> SYNTHETIC = Set.of("not", "can", "will");

  /** Per query, its groups; per group, its literals. Null when disabled. */
  private final String[][][] queries;

  private LiteralPrefilter(String[][][] queries) {
    this.queries = queries;
  }

  /** The pre-filter of a set of queries; disabled when one of them gives no literals. */
  public static LiteralPrefilter of(Collection<Query> queries) {
    List<String[][]> all = new ArrayList<>();
    for (Query q : queries) {
      Optional<List<Set<String>>> groups = groups(q);
      if (groups.isEmpty() || groups.get().isEmpty()) {
        return disabled();
      }
      // Longest literals first: the likelier a group is to fail, the sooner we stop.
      all.add(groups.get().stream()
          .sorted(Comparator.comparingInt(LiteralPrefilter::shortest).reversed())
          .map(g -> g.toArray(String[]::new))
          .toArray(String[][]::new));
    }
    return new LiteralPrefilter(all.toArray(String[][][]::new));
  }

  /** A pre-filter that lets every record through. */
  public static LiteralPrefilter disabled() {
    return new LiteralPrefilter(null);
  }

  public boolean enabled() {
    return queries != null;
  }

  /** Per query, its groups of literals (lowercase); empty when disabled. */
  public List<List<List<String>>> groups() {
    if (queries == null) {
      return List.of();
    }
    List<List<List<String>>> out = new ArrayList<>();
    for (String[][] q : queries) {
      List<List<String>> groups = new ArrayList<>();
      for (String[] g : q) {
        groups.add(List.of(g));
      }
      out.add(groups);
    }
    return out;
  }

  /** False only when no catalog query can match {@code text}. */
  public boolean mayMatch(String text) {
    if (queries == null) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String[][] query : queries) {
      if (allGroups(lower, query)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks in {@code out} the queries (in the order given to {@link #of}) that may match
   * {@code text}, and returns how many; a query that cannot match is never searched. With the
   * pre-filter disabled every query is marked.
   */
  public int mayMatchEach(String text, boolean[] out) {
    if (queries == null) {
      java.util.Arrays.fill(out, true);
      return out.length;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int count = 0;
    for (int i = 0; i < queries.length; i++) {
      out[i] = allGroups(lower, queries[i]);
      if (out[i]) {
        count++;
      }
    }
    return count;
  }

  private static boolean allGroups(String lower, String[][] groups) {
    for (String[] group : groups) {
      if (!anyLiteral(lower, group)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyLiteral(String lower, String[] group) {
    for (String literal : group) {
      if (lower.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The groups a record matching {@code q} satisfies (one literal of each); empty when the
   * query's shape says nothing.
   */
  static Optional<List<Set<String>>> groups(Query q) {
    if (q instanceof BoostQuery b) {
      return groups(b.getQuery());
    }
    if (q instanceof TermQuery t) {
      return single(t.getTerm());
    }
    if (q instanceof PrefixQuery p) {
      return single(p.getPrefix());
    }
    if (q instanceof PhraseQuery p) {
      List<Set<String>> out = new ArrayList<>();
      for (Term t : p.getTerms()) {
        if (usable(t.text())) {
          out.add(Set.of(t.text()));
        }
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
    if (q instanceof BooleanQuery b) {
      return booleanQuery(b);
    }
    return Optional.empty();
  }

  private static Optional<List<Set<String>>> booleanQuery(BooleanQuery b) {
    List<Set<String>> required = new ArrayList<>();
    Set<String> anyOptional = new LinkedHashSet<>();
    boolean hasRequired = false;
    boolean optionalUnknown = false;
    int optionalCount = 0;
    for (BooleanClause c : b.clauses()) {
      switch (c.getOccur()) {
        case MUST, FILTER -> {
          hasRequired = true;
          groups(c.getQuery()).ifPresent(required::addAll);
        }
        case SHOULD -> {
          optionalCount++;
          Optional<List<Set<String>>> g = groups(c.getQuery());
          if (g.isEmpty()) {
            optionalUnknown = true;
          } else {
            // One group of this alternative stands for it: its most selective one.
            anyOptional.addAll(g.get().stream()
                .max(Comparator.comparingInt(LiteralPrefilter::shortest)).orElseThrow());
          }
        }
        case MUST_NOT -> { } // excluding something never adds a requirement
      }
    }
    if (hasRequired) {
      // Optional clauses beside required ones do not have to match.
      return required.isEmpty() ? Optional.empty() : Optional.of(required);
    }
    if (optionalCount == 0 || optionalUnknown || b.getMinimumNumberShouldMatch() < 0) {
      return Optional.empty();
    }
    return Optional.of(List.of(anyOptional));
  }

  private static int shortest(Set<String> group) {
    return group.stream().mapToInt(String::length).min().orElse(0);
  }

  private static Optional<List<Set<String>>> single(Term t) {
    return usable(t.text()) ? Optional.of(List.of(Set.of(t.text()))) : Optional.empty();
  }

  private static boolean usable(String term) {
    return !term.isEmpty() && !SYNTHETIC.contains(term);
  }
}
