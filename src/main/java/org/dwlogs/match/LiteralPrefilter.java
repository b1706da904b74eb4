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
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Dismisses records that no catalog query can match, before any analysis: a cheap
 * case-insensitive substring test for literals derived from the queries themselves.
 *
 * <p>Each query becomes a disjunction of alternatives, each a conjunction of groups of
 * literals ("contains one of these, and one of those"): a term query needs its term; a
 * phrase needs each of its terms; a boolean query with required clauses needs what each of
 * them needs; one with only optional clauses needs what one of them needs. A record is a
 * candidate for a query when its lowercased text satisfies every group of one alternative.
 *
 * <p>This never dismisses a record a query would match: the analyser only lowercases and
 * splits text, so a token of the analysed message is a substring of the lowercased message.
 * The exceptions are the tokens the analyser writes itself while spelling out contractions
 * ("not", "can", "will"), which are never used. Where a shape would multiply alternatives
 * (required clauses that are themselves disjunctions of conjunctions), their alternatives are
 * merged into one looser group: still never wrong, only less selective. A query whose shape
 * gives no literals (a wildcard, say) switches the pre-filter off: every record is then a
 * candidate.
 *
 * <p>So that the cost does not grow with the catalog, one automaton goes first: the union of
 * every alternative's <em>anchor</em> (its first group, the most selective: longest literals
 * first), run once over the text with Lucene's {@link CharacterRunAutomaton}, case-folded per
 * code point, stopping at the first hit. A record in which no anchor occurs cannot satisfy any
 * alternative and is dismissed after one pass, whatever the number of queries; only the others
 * are tested query by query.
 */
public final class LiteralPrefilter {
  /** Tokens the analyser can produce that need not appear in the raw text. */
  private static final Set<String> SYNTHETIC = Set.of("not", "can", "will");

  /** Per query, its alternatives; per alternative, its groups; per group, its literals. */
  private final String[][][][] queries;
  /** Accepts as soon as one anchor literal has been read; null when disabled. */
  private final CharacterRunAutomaton anchors;

  private LiteralPrefilter(String[][][][] queries) {
    this.queries = queries;
    this.anchors = queries == null ? null : anchorAutomaton(queries);
  }

  /** Any text, then one of the anchors: an Aho-Corasick-like DFA over all of them. */
  private static CharacterRunAutomaton anchorAutomaton(String[][][][] queries) {
    java.util.Set<String> literals = new java.util.TreeSet<>();
    for (String[][][] q : queries) {
      for (String[][] alternative : q) {
        literals.addAll(List.of(alternative[0]));
      }
    }
    List<Automaton> each = literals.stream().map(Automata::makeString).toList();
    Automaton any = Operations.concatenate(Automata.makeAnyString(), Operations.union(each));
    return new CharacterRunAutomaton(Operations.determinize(any, DETERMINIZE_WORK_LIMIT),
        DETERMINIZE_WORK_LIMIT);
  }

  /** Generous: a few hundred literals make an automaton of some thousand states. */
  private static final int DETERMINIZE_WORK_LIMIT = 1_000_000;

  /**
   * True when one of the anchors occurs in {@code text}, ignoring case (always when disabled).
   * A text with no anchor can satisfy no query; anchors are tokens, so none can span two
   * texts joined by punctuation and a space.
   */
  public boolean anyAnchor(String text) {
    if (anchors == null) {
      return true;
    }
    int state = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      state = anchors.step(state, Character.toLowerCase(c));
      if (state < 0) {
        return false; // cannot happen after "any text", kept for safety
      }
      if (anchors.isAccept(state)) {
        return true;
      }
    }
    return false;
  }

  /** The pre-filter of a set of queries; disabled when one of them gives no literals. */
  public static LiteralPrefilter of(Collection<Query> queries) {
    List<String[][][]> all = new ArrayList<>();
    for (Query q : queries) {
      Optional<List<List<Set<String>>>> alternatives = alternatives(q);
      if (alternatives.isEmpty() || alternatives.get().stream().anyMatch(List::isEmpty)) {
        return disabled();
      }
      all.add(alternatives.get().stream()
          .map(groups -> groups.stream()
              // Longest literals first: the likelier a group is to fail, the sooner we stop.
              .sorted(Comparator.comparingInt(LiteralPrefilter::shortest).reversed())
              .map(g -> g.toArray(String[]::new))
              .toArray(String[][]::new))
          .toArray(String[][][]::new));
    }
    return new LiteralPrefilter(all.toArray(String[][][][]::new));
  }

  /** A pre-filter that lets every record through. */
  public static LiteralPrefilter disabled() {
    return new LiteralPrefilter(null);
  }

  public boolean enabled() {
    return queries != null;
  }

  /** Per query, its alternatives, each a list of groups of literals; empty when disabled. */
  public List<List<List<List<String>>>> alternatives() {
    if (queries == null) {
      return List.of();
    }
    List<List<List<List<String>>>> out = new ArrayList<>();
    for (String[][][] q : queries) {
      List<List<List<String>>> alts = new ArrayList<>();
      for (String[][] alt : q) {
        List<List<String>> groups = new ArrayList<>();
        for (String[] g : alt) {
          groups.add(List.of(g));
        }
        alts.add(groups);
      }
      out.add(alts);
    }
    return out;
  }

  /** False only when no catalog query can match {@code text}. */
  public boolean mayMatch(String text) {
    if (queries == null) {
      return true;
    }
    if (!anyAnchor(text)) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String[][][] query : queries) {
      if (anyAlternative(lower, query)) {
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
    if (!anyAnchor(text)) {
      java.util.Arrays.fill(out, false);
      return 0;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int count = 0;
    for (int i = 0; i < queries.length; i++) {
      out[i] = anyAlternative(lower, queries[i]);
      if (out[i]) {
        count++;
      }
    }
    return count;
  }

  private static boolean anyAlternative(String lower, String[][][] alternatives) {
    for (String[][] groups : alternatives) {
      if (allGroups(lower, groups)) {
        return true;
      }
    }
    return false;
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
   * The alternatives a record matching {@code q} satisfies one of (each: one literal of every
   * group); empty when the query's shape says nothing.
   */
  static Optional<List<List<Set<String>>>> alternatives(Query q) {
    if (q instanceof BoostQuery b) {
      return alternatives(b.getQuery());
    }
    if (q instanceof TermQuery t) {
      return single(t.getTerm());
    }
    if (q instanceof PrefixQuery p) {
      return single(p.getPrefix());
    }
    if (q instanceof PhraseQuery p) {
      List<Set<String>> groups = new ArrayList<>();
      for (Term t : p.getTerms()) {
        if (usable(t.text())) {
          groups.add(Set.of(t.text()));
        }
      }
      return groups.isEmpty() ? Optional.empty() : Optional.of(List.of(groups));
    }
    if (q instanceof BooleanQuery b) {
      return booleanQuery(b);
    }
    return Optional.empty();
  }

  private static Optional<List<List<Set<String>>>> booleanQuery(BooleanQuery b) {
    List<Set<String>> required = new ArrayList<>();
    List<List<Set<String>>> optional = new ArrayList<>();
    boolean hasRequired = false;
    boolean optionalUnknown = false;
    int optionalCount = 0;
    for (BooleanClause c : b.clauses()) {
      switch (c.getOccur()) {
        case MUST, FILTER -> {
          hasRequired = true;
          alternatives(c.getQuery()).ifPresent(alts -> required.addAll(asGroups(alts)));
        }
        case SHOULD -> {
          optionalCount++;
          Optional<List<List<Set<String>>>> alts = alternatives(c.getQuery());
          if (alts.isEmpty()) {
            optionalUnknown = true;
          } else {
            optional.addAll(alts.get());
          }
        }
        case MUST_NOT -> { } // excluding something never adds a requirement
      }
    }
    if (hasRequired) {
      // Optional clauses beside required ones do not have to match.
      return required.isEmpty() ? Optional.empty() : Optional.of(List.of(required));
    }
    if (optionalCount == 0 || optionalUnknown || b.getMinimumNumberShouldMatch() > 1) {
      return Optional.empty();
    }
    return Optional.of(optional);
  }

  /**
   * The groups one required clause adds to a conjunction: its own groups when it has one
   * alternative; else one group, the union of one group per alternative (its most selective).
   */
  private static List<Set<String>> asGroups(List<List<Set<String>>> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    Set<String> union = new LinkedHashSet<>();
    for (List<Set<String>> groups : alternatives) {
      union.addAll(groups.stream().max(Comparator.comparingInt(LiteralPrefilter::shortest))
          .orElseThrow());
    }
    return List.of(union);
  }

  private static int shortest(Set<String> group) {
    return group.stream().mapToInt(String::length).min().orElse(0);
  }

  private static Optional<List<List<Set<String>>>> single(Term t) {
    return usable(t.text()) ? Optional.of(List.of(List.of(Set.of(t.text())))) : Optional.empty();
  }

  private static boolean usable(String term) {
    return !term.isEmpty() && !SYNTHETIC.contains(term);
  }
}
