package org.dwlogs.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.MessagesFile;
import org.dwlogs.signatures.Signature;

/**
 * The checks of {@code catalog validate} beyond what loading a catalog checks: queries (or
 * parts of them) that can never match, and documented messages that two entries both count.
 * Each problem is one line naming the entry; the catalog still loads, since a run with it is
 * possible, only wrong.
 */
public final class CatalogCheck {
  private static final LogAnalyzer ANALYZER = new LogAnalyzer();

  private CatalogCheck() {}

  /** A problem with one entry (or a pair of them). */
  public record Problem(String issueId, String text) {
    @Override
    public String toString() {
      return "entry '" + issueId + "': " + text;
    }
  }

  /**
   * Parts of queries that can never match: a term in another field than the message (the
   * analysed message is the only field), a term or prefix that is not a token the analyser
   * writes (analysing its text does not give it back: an apostrophe form such as
   * {@code doesn't*}, which the analyser spells out), a boolean query with nothing but
   * excluded clauses, one that asks more optional clauses than it has, an empty query.
   */
  public static List<Problem> neverMatching(Catalog catalog) {
    QueryCompiler compiler = new QueryCompiler(ANALYZER);
    List<Problem> out = new ArrayList<>();
    for (Signature s : catalog.signatures()) {
      try {
        walk(s.issueId(), compiler.compile(s.query()), out);
      } catch (ParseException e) {
        throw new IllegalStateException("catalog entry " + s.issueId() + " no longer compiles", e);
      }
    }
    return out;
  }

  private static void walk(String id, Query q, List<Problem> out) {
    if (q instanceof BoostQuery b) {
      walk(id, b.getQuery(), out);
    } else if (q instanceof TermQuery t) {
      term(id, t.getTerm(), "term", out);
    } else if (q instanceof PhraseQuery p) {
      if (field(id, p.getField(), p, out)) {
        for (Term t : p.getTerms()) {
          analysed(id, t.text(), "phrase " + p.toString(LogAnalyzer.MESSAGE_FIELD) + " has the term", out);
        }
      }
    } else if (q instanceof PrefixQuery p) {
      prefix(id, p.getPrefix(), out);
    } else if (q instanceof MultiTermQuery m) {
      field(id, m.getField(), m, out);
    } else if (q instanceof MatchNoDocsQuery) {
      out.add(new Problem(id, "the query is empty and never matches"));
    } else if (q instanceof BooleanQuery b) {
      int positive = 0;
      int optional = 0;
      for (BooleanClause c : b.clauses()) {
        if (c.getOccur() != BooleanClause.Occur.MUST_NOT) {
          positive++;
        }
        if (c.getOccur() == BooleanClause.Occur.SHOULD) {
          optional++;
        }
        if (c.getOccur() != BooleanClause.Occur.MUST_NOT) {
          walk(id, c.getQuery(), out);
        }
      }
      if (positive == 0) {
        out.add(new Problem(id, "(" + b.toString(LogAnalyzer.MESSAGE_FIELD)
            + ") only excludes terms, so it never matches: add a term it requires"));
      } else if (b.getMinimumNumberShouldMatch() > optional) {
        out.add(new Problem(id, "(" + b.toString(LogAnalyzer.MESSAGE_FIELD) + ") needs "
            + b.getMinimumNumberShouldMatch() + " of its " + optional + " optional clauses"));
      }
    }
  }

  private static void term(String id, Term t, String what, List<Problem> out) {
    if (field(id, t.field(), new TermQuery(t), out)) {
      analysed(id, t.text(), what, out);
    }
  }

  /** A term can match when analysing its text gives it back, alone. */
  private static void analysed(String id, String term, String what, List<Problem> out) {
    List<String> tokens = tokens(term);
    if (!tokens.equals(List.of(term))) {
      out.add(new Problem(id, what + " '" + term + "', which the analyser never writes "
          + "(it analyses to " + shown(tokens) + ")"));
    }
  }

  /** A prefix can match when it is a token, or begins one (a prefix that ends in a dot, say). */
  private static void prefix(String id, Term t, List<Problem> out) {
    if (!field(id, t.field(), new PrefixQuery(t), out)) {
      return;
    }
    String p = t.text();
    List<String> tokens = tokens(p);
    boolean ok = tokens.equals(List.of(p));
    if (!ok && !p.isEmpty() && !Character.isLetterOrDigit(p.charAt(p.length() - 1))) {
      List<String> longer = tokens(p + "a");
      ok = longer.size() == 1 && longer.get(0).startsWith(p);
    }
    if (!ok) {
      out.add(new Problem(id, "prefix '" + p + "*' begins no token the analyser writes (it "
          + "analyses to " + shown(tokens) + ")"));
    }
  }

  private static boolean field(String id, String field, Query q, List<Problem> out) {
    if (field.equals(LogAnalyzer.MESSAGE_FIELD)) {
      return true;
    }
    out.add(new Problem(id, "'" + q.toString(LogAnalyzer.MESSAGE_FIELD) + "' searches the field '"
        + field + "', but the message is the only field (write ':' inside quotes, or escape it"
        + " as '\\:')"));
    return false;
  }

  private static String shown(List<String> tokens) {
    return tokens.isEmpty() ? "no token" : "'" + String.join(" ", tokens) + "'";
  }

  /** The tokens the analyser writes for {@code text}, in order. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(LogAnalyzer.MESSAGE_FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A text two entries both match, neither overriding the other. */
  public record Overlap(String first, String second, String textOf, String text) {
    @Override
    public String toString() {
      return "entries '" + first + "' and '" + second + "' both match " + textOf + ": \""
          + oneLine(text) + "\"; neither overrides the other, so a record with it counts "
          + "twice (add one to the other's overrides, or make the queries exclusive)";
    }

    private static String oneLine(String s) {
      String flat = s.replaceAll("\\s+", " ").strip();
      return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
  }

  /**
   * Pairs of entries whose queries both match an entry's title or a message of
   * {@code messages} (null for none), where neither overrides the other. Every raw query hit
   * counts here, generic or not: in dual-write context both would count. One line per pair,
   * naming the first text found.
   */
  public static List<Overlap> overlaps(Catalog catalog, MessagesFile messages) {
    SignatureMatcher matcher = new SignatureMatcher(catalog, DualWriteContext.none());
    Map<String, Signature> byId = new LinkedHashMap<>();
    catalog.signatures().forEach(s -> byId.put(s.issueId(), s));
    Map<String, Overlap> pairs = new LinkedHashMap<>();
    for (Signature s : catalog.signatures()) {
      collect(matcher, byId, s.title(), "the title of '" + s.issueId() + "'", pairs);
    }
    if (messages != null) {
      for (MessagesFile.Item item : messages.items()) {
        if (!item.expect().equals(MessagesFile.NONE)) {
          collect(matcher, byId, item.text(), "message '" + item.id() + "'", pairs);
        }
      }
    }
    return List.copyOf(pairs.values());
  }

  private static void collect(SignatureMatcher matcher, Map<String, Signature> byId, String text,
      String textOf, Map<String, Overlap> pairs) {
    List<String> hits = matcher.queryHits(text);
    for (int i = 0; i < hits.size(); i++) {
      for (int j = i + 1; j < hits.size(); j++) {
        String a = hits.get(i);
        String b = hits.get(j);
        if (!byId.get(a).overrides().contains(b) && !byId.get(b).overrides().contains(a)) {
          pairs.putIfAbsent(a + " " + b, new Overlap(a, b, textOf, text));
        }
      }
    }
  }
}
