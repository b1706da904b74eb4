package org.dwlogs.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Dismisses records that no catalog query can match, before any analysis: a case-insensitive
 * literal test derived from the queries themselves, in one pass over the text whatever the
 * size of the catalog.
 *
 * <p>Each query becomes a disjunction of alternatives, each a conjunction of groups of
 * literals ("contains one of these, and one of those"): a term query needs its term; a phrase
 * needs its terms in a row (one literal, matched in the folded form of {@link LiteralScanner},
 * so spacing and punctuation between the words do not matter); a phrase with slop needs each
 * of its terms; a boolean query with required clauses needs what each of them needs; one with
 * only optional clauses needs what one of them needs. A record is a candidate for a query when
 * its text satisfies every group of one alternative.
 *
 * <p>This never dismisses a record a query would match: the analyser lowercases and splits
 * text, so consecutive tokens of the analysed message are, folded, a substring of the folded
 * message. The exceptions are the tokens the analyser writes itself while spelling out
 * contractions ("not", "can", "will"): a phrase is cut into two literals around them. Where a
 * shape would multiply alternatives (required clauses that are themselves disjunctions of
 * conjunctions), their alternatives are merged into one looser group: still never wrong, only
 * less selective. A query whose shape gives no literals (a wildcard, say) switches the
 * pre-filter off: every record is then a candidate.
 *
 * <p>Every distinct literal of every query goes into one {@link LiteralScanner}, which reports
 * in one pass which literals occur; only the groups of those literals are then looked at, so a
 * record of noise costs one pass and a few counter updates, not a test per query. Not
 * thread-safe (it keeps per-text counters): one per matcher.
 */
public final class LiteralPrefilter {
  /** Tokens the analyser can produce that need not appear in the raw text. */
  private static final Set<String> SYNTHETIC = Set.of("not", "can", "will");
  /** StandardTokenizer cuts longer tokens in pieces that no separator divides. */
  private static final int MAX_TOKEN_LENGTH = 255;

  /** Per query, its alternatives; per alternative, its groups; per group, its literals (for display). */
  private final List<List<List<List<String>>>> shown;
  private final LiteralScanner scanner;
  private final LiteralScanner.Hits hits;
  /** Per literal, the groups it satisfies. */
  private final int[][] groupsOf;
  private final int[] alternativeOfGroup;
  private final int[] groupsInAlternative;
  private final int[] queryOfAlternative;
  private final int queryCount;
  /** The marker words ({@link #withMarkers}) and their literal ids in the scanner. */
  private final List<String> markers;
  private final int[] markerLiteral;
  // Per-text counters, cleared by moving to the next epoch.
  private final int[] groupSeen;
  private final int[] alternativeSeen;
  private final int[] groupsMet;
  private int epoch;

  private LiteralPrefilter(List<List<List<List<String>>>> shown) {
    this(shown, List.of());
  }

  private LiteralPrefilter(List<List<List<List<String>>>> shown, List<String> markers) {
    this.shown = shown;
    this.queryCount = shown == null ? 0 : shown.size();
    this.markers = List.copyOf(markers);
    this.markerLiteral = new int[markers.size()];
    if (shown == null) {
      scanner = null;
      hits = null;
      groupsOf = null;
      alternativeOfGroup = groupsInAlternative = queryOfAlternative = null;
      groupSeen = alternativeSeen = groupsMet = null;
      return;
    }
    Map<String, Integer> ids = new LinkedHashMap<>();
    List<String> literals = new ArrayList<>();
    List<List<Integer>> groupsOfLiteral = new ArrayList<>();
    List<Integer> alternativeOf = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    List<Integer> queryOf = new ArrayList<>();
    for (int q = 0; q < shown.size(); q++) {
      for (List<List<String>> alternative : shown.get(q)) {
        int a = sizes.size();
        sizes.add(alternative.size());
        queryOf.add(q);
        for (List<String> group : alternative) {
          int g = alternativeOf.size();
          alternativeOf.add(a);
          for (String literal : group) {
            int id = ids.computeIfAbsent(LiteralScanner.foldedKey(literal), k -> {
              literals.add(literal);
              groupsOfLiteral.add(new ArrayList<>());
              return literals.size() - 1;
            });
            List<Integer> postings = groupsOfLiteral.get(id);
            if (postings.isEmpty() || postings.get(postings.size() - 1) != g) {
              postings.add(g);
            }
          }
        }
      }
    }
    for (int k = 0; k < markers.size(); k++) {
      String marker = markers.get(k);
      // Only a word of symbols that stand for themselves spans its own length before its end.
      if (marker.isEmpty() || !marker.chars()
          .allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        throw new IllegalArgumentException(
            "a marker must be lowercase ASCII letters, digits or _: '" + marker + "'");
      }
      // A marker may also be a query literal; one that is not satisfies no group.
      markerLiteral[k] = ids.computeIfAbsent(LiteralScanner.foldedKey(marker), key -> {
        literals.add(marker);
        groupsOfLiteral.add(new ArrayList<>());
        return literals.size() - 1;
      });
    }
    this.scanner = LiteralScanner.of(literals);
    this.hits = scanner.newHits();
    this.groupsOf = groupsOfLiteral.stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    this.alternativeOfGroup = alternativeOf.stream().mapToInt(Integer::intValue).toArray();
    this.groupsInAlternative = sizes.stream().mapToInt(Integer::intValue).toArray();
    this.queryOfAlternative = queryOf.stream().mapToInt(Integer::intValue).toArray();
    this.groupSeen = new int[alternativeOfGroup.length];
    this.alternativeSeen = new int[groupsInAlternative.length];
    this.groupsMet = new int[groupsInAlternative.length];
  }

  /**
   * This pre-filter, also noting in each byte scan where the first occurrence of each of
   * {@code markers} is ({@link #markerStart}): a caller that looks for those words next (the
   * hints of the ID notations) need not read the text again. Markers are lowercase words of
   * ASCII letters, digits and {@code _}; they change no query's outcome.
   */
  public LiteralPrefilter withMarkers(List<String> markers) {
    return new LiteralPrefilter(shown, markers);
  }

  /** The markers this pre-filter notes, in the order {@link #markerStart} numbers them. */
  public List<String> markers() {
    return markers;
  }

  /** Where marker {@link #markerStart} gives no answer: the text must be searched. */
  public static final int UNKNOWN = -2;

  /**
   * Where, in the byte array of the last byte scan ({@link #mayMatchEach(byte[], int, int,
   * boolean[])} and the like), marker {@code k} first occurs at or after {@code from}: the index of
   * its first byte, -1 when it does not occur there, or {@link #UNKNOWN} when the scan cannot
   * say (the pre-filter is disabled, or the scan skipped an escape or folded a multi-byte
   * letter, which moves positions, or the first occurrence is before {@code from}).
   */
  public int markerStart(int k, int from) {
    if (shown == null || !hits.positionsExact()) {
      return UNKNOWN;
    }
    int end = hits.firstEnd(markerLiteral[k]);
    if (end < 0) {
      return -1;
    }
    int start = end - markers.get(k).length() + 1;
    return start >= from ? start : UNKNOWN;
  }

  /** The pre-filter of a set of queries; disabled when one of them gives no literals. */
  public static LiteralPrefilter of(Collection<Query> queries) {
    List<List<List<List<String>>>> all = new ArrayList<>();
    for (Query q : queries) {
      Optional<List<List<Set<String>>>> alternatives = alternatives(q);
      if (alternatives.isEmpty() || alternatives.get().stream().anyMatch(List::isEmpty)) {
        return disabled();
      }
      all.add(alternatives.get().stream()
          .map(groups -> withoutWeakGroups(
              groups.stream().map(g -> List.copyOf(new TreeSet<>(g))).toList()))
          .toList());
    }
    return new LiteralPrefilter(List.copyOf(all));
  }

  /**
   * The groups of an alternative without those made only of words that most log lines hold
   * ("is", "was", "ui", "for": what is left of a phrase cut around a contraction, say), as
   * long as another group remains. Dropping a group an alternative needs only lets more
   * records through, so the pre-filter stays sound; it saves counting a group for most lines.
   */
  static List<List<String>> withoutWeakGroups(List<List<String>> groups) {
    if (groups.size() < 2) {
      return groups;
    }
    List<List<String>> strong = groups.stream()
        .filter(g -> !g.stream().allMatch(LiteralPrefilter::isWeak)).toList();
    return strong.isEmpty() ? groups : strong;
  }

  /** A literal of one short or very common word. */
  static boolean isWeak(String literal) {
    return literal.indexOf(' ') < 0 && (literal.length() <= 3 || COMMON_WORDS.contains(literal));
  }

  private static final Set<String> COMMON_WORDS = Set.of("this", "that", "with", "from", "have",
      "been", "were", "will", "when", "into", "there", "which", "table", "record", "records");

  /** A pre-filter that lets every record through. */
  public static LiteralPrefilter disabled() {
    return new LiteralPrefilter(null);
  }

  public boolean enabled() {
    return shown != null;
  }

  /**
   * Per query, its alternatives, each a list of groups of literals (a phrase's words joined
   * by spaces); empty when disabled.
   */
  public List<List<List<List<String>>>> alternatives() {
    return shown == null ? List.of() : shown;
  }

  /** False only when no catalog query can match {@code text}. */
  public boolean mayMatch(String text) {
    return mayMatchEach(text, new boolean[Math.max(queryCount, 1)]) > 0;
  }

  /**
   * Marks in {@code out} the queries (in the order given to {@link #of}) that may match
   * {@code text}, and returns how many; a query that cannot match is never searched. With the
   * pre-filter disabled every query is marked.
   */
  public int mayMatchEach(String text, boolean[] out) {
    if (shown == null) {
      return markAll(out);
    }
    hits.clear();
    scanner.scan(text, hits);
    return evaluate(out);
  }

  /**
   * As {@link #mayMatchEach(String, boolean[])} for the text {@code [component] message},
   * without building it.
   */
  public int mayMatchEach(String component, String message, boolean[] out) {
    if (shown == null) {
      return markAll(out);
    }
    hits.clear();
    scanner.scan(component, hits);
    scanner.separate(hits);
    scanner.scan(message, hits);
    return evaluate(out);
  }

  /**
   * As {@link #mayMatchEach(String, boolean[])} for the UTF-8 text in {@code bytes[from, to)},
   * without decoding it: a reader can dismiss a line of noise from its bytes.
   */
  public int mayMatchEach(byte[] bytes, int from, int to, boolean[] out) {
    if (shown == null) {
      return markAll(out);
    }
    hits.clear();
    scanner.scan(bytes, from, to, hits);
    return evaluate(out);
  }

  /**
   * As {@link #mayMatchEach(String, String, boolean[])} for the component
   * {@code bytes[componentFrom, componentTo)} (none when {@code componentFrom < 0}) and the
   * message {@code bytes[from, to)}, UTF-8, without decoding them.
   */
  public int mayMatchEach(byte[] bytes, int componentFrom, int componentTo, int from, int to,
      boolean[] out) {
    if (componentFrom < 0) {
      return mayMatchEach(bytes, from, to, out);
    }
    if (shown == null) {
      return markAll(out);
    }
    hits.clear();
    scanner.scan(bytes, componentFrom, componentTo, hits);
    scanner.separate(hits);
    scanner.scan(bytes, from, to, hits);
    return evaluate(out);
  }

  private static int markAll(boolean[] out) {
    Arrays.fill(out, true);
    return out.length;
  }

  /** Marks the queries one of whose alternatives has every group met by the literals found. */
  private int evaluate(boolean[] out) {
    Arrays.fill(out, false);
    if (hits.size() == 0) {
      return 0;
    }
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(groupSeen, 0);
      Arrays.fill(alternativeSeen, 0);
      epoch = 1;
    }
    int marked = 0;
    for (int i = 0; i < hits.size(); i++) {
      for (int g : groupsOf[hits.get(i)]) {
        if (groupSeen[g] == epoch) {
          continue;
        }
        groupSeen[g] = epoch;
        int a = alternativeOfGroup[g];
        if (alternativeSeen[a] != epoch) {
          alternativeSeen[a] = epoch;
          groupsMet[a] = 0;
        }
        if (++groupsMet[a] == groupsInAlternative[a]) {
          int q = queryOfAlternative[a];
          if (!out[q]) {
            out[q] = true;
            marked++;
          }
        }
      }
    }
    return marked;
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
      return phrase(p);
    }
    if (q instanceof BooleanQuery b) {
      return booleanQuery(b);
    }
    return Optional.empty();
  }

  /**
   * Without slop, the runs of consecutive usable terms, each one literal (the words joined by
   * spaces); with slop, each usable term.
   */
  private static Optional<List<List<Set<String>>>> phrase(PhraseQuery p) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    List<Set<String>> groups = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < terms.length; i++) {
      String term = terms[i].text();
      boolean follows = i > 0 && positions[i] == positions[i - 1] + 1;
      if (p.getSlop() > 0 || !usable(term) || !follows) {
        addRun(run, groups);
      }
      if (usable(term)) {
        if (p.getSlop() > 0) {
          groups.add(Set.of(term));
        } else {
          run.append(run.length() == 0 ? "" : " ").append(term);
        }
      }
    }
    addRun(run, groups);
    return groups.isEmpty() ? Optional.empty() : Optional.of(List.of(groups));
  }

  private static void addRun(StringBuilder run, List<Set<String>> groups) {
    if (run.length() > 0) {
      groups.add(Set.of(run.toString()));
      run.setLength(0);
    }
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
    return !SYNTHETIC.contains(term) && term.length() < MAX_TOKEN_LENGTH
        && !LiteralScanner.foldedKey(term).isEmpty();
  }
}
