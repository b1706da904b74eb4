package org.dwlogs.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Why a compiled query does not match a message: the first clause that fails, found by
 * testing each clause against the message's {@link MemoryIndex}. Walks down through required
 * clauses to the innermost one that fails, so {@code +"unable to write" +(a b)} names
 * {@code (a b)} when that is what is missing, and a phrase names its absent terms.
 *
 * @param occur how the clause takes part: MUST, MUST_NOT, SHOULD, or "query" for the whole
 * @param clause the clause as {@link Query#toString(String)} writes it
 * @param why what fails about it
 * @param alternatives for a disjunction none of whose clauses matches: why each one fails
 */
public record FailingClause(String occur, String clause, String why,
    List<FailingClause> alternatives) {
  public FailingClause {
    alternatives = List.copyOf(alternatives);
  }

  FailingClause(String occur, String clause, String why) {
    this(occur, clause, why, List.of());
  }

  /** The clause and why it fails, on one line; see {@link #lines} for the alternatives too. */
  @Override
  public String toString() {
    return ("query".equals(occur) ? "" : occur + " ") + clause + " " + why;
  }

  /** This line, then one line per alternative (indented by depth), in query order. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(toString());
    for (FailingClause a : alternatives) {
      a.lines().forEach(l -> out.add("  " + l));
    }
    return out;
  }

  /** The first failing clause, or empty when the query matches. */
  public static Optional<FailingClause> of(Query query, MemoryIndex message) {
    if (matches(query, message)) {
      return Optional.empty();
    }
    return Optional.of(failure("query", query, message));
  }

  private static FailingClause failure(String occur, Query q, MemoryIndex message) {
    if (q instanceof BoostQuery b) {
      return failure(occur, b.getQuery(), message);
    }
    if (q instanceof BooleanQuery b) {
      return booleanFailure(occur, b, message);
    }
    String shown = q.toString(LogAnalyzer.MESSAGE_FIELD);
    if (q instanceof PhraseQuery p) {
      List<String> absent = new ArrayList<>();
      for (Term t : p.getTerms()) {
        if (!matches(new TermQuery(t), message)) {
          absent.add(t.text());
        }
      }
      return new FailingClause(occur, shown, absent.isEmpty()
          ? "does not match (all its terms are there, but not in this order"
              + (p.getSlop() > 0 ? " within " + p.getSlop() + " positions" : "") + ")"
          : "does not match (absent: " + String.join(", ", absent) + ")");
    }
    if (q instanceof TermQuery) {
      return new FailingClause(occur, shown, "does not match (absent)");
    }
    return new FailingClause(occur, shown, "does not match");
  }

  private static FailingClause booleanFailure(String occur, BooleanQuery b, MemoryIndex message) {
    List<BooleanClause> optional = new ArrayList<>();
    boolean required = false;
    for (BooleanClause c : b.clauses()) {
      switch (c.getOccur()) {
        case MUST, FILTER -> {
          required = true;
          if (!matches(c.getQuery(), message)) {
            return failure("MUST", c.getQuery(), message);
          }
        }
        case MUST_NOT -> {
          if (matches(c.getQuery(), message)) {
            return new FailingClause("MUST_NOT", c.getQuery().toString(LogAnalyzer.MESSAGE_FIELD),
                "matches, and excludes the message");
          }
        }
        case SHOULD -> optional.add(c);
      }
    }
    String shown = "(" + b.toString(LogAnalyzer.MESSAGE_FIELD) + ")";
    long matching = optional.stream().filter(c -> matches(c.getQuery(), message)).count();
    int needed = Math.max(b.getMinimumNumberShouldMatch(), required ? 0 : 1);
    if (!optional.isEmpty() && matching < needed) {
      if (optional.size() == 1) {
        return failure("SHOULD", optional.get(0).getQuery(), message);
      }
      List<FailingClause> each = new ArrayList<>();
      for (BooleanClause c : optional) {
        if (!matches(c.getQuery(), message)) {
          each.add(failure("SHOULD", c.getQuery(), message));
        }
      }
      return new FailingClause(occur, shown, needed == 1 ? "does not match (none of its "
          + optional.size() + " optional clauses matches)"
          : "does not match (" + matching + " of its optional clauses match, " + needed + " needed)",
          each);
    }
    if (!required && optional.isEmpty()) {
      return new FailingClause(occur, shown, "never matches (it only excludes)");
    }
    return new FailingClause(occur, shown, "does not match");
  }

  private static boolean matches(Query q, MemoryIndex message) {
    return message.search(q) > 0f;
  }
}
