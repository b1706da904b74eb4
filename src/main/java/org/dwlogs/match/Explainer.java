package org.dwlogs.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.Extractor;
import org.dwlogs.signatures.Signature;

/**
 * Says, line by line, how the matcher sees one message ({@code dwlogs explain}): its tokens,
 * whether the record is in dual-write context, each entry the pre-filter lets through with
 * whether its query matches (and else its first failing clause), whether it is generic and
 * out of context or overridden, and finally what counts the record: that last list is the
 * {@link SignatureMatcher}'s own answer, not a re-derivation. Lines are plain and stable.
 */
public final class Explainer {
  private final Catalog catalog;
  private final DualWriteContext context;
  private final SignatureMatcher matcher;
  private final List<Query> queries = new ArrayList<>();

  public Explainer(Catalog catalog, DualWriteContext context) {
    this.catalog = catalog;
    this.context = context;
    this.matcher = new SignatureMatcher(catalog, context);
    QueryCompiler compiler = new QueryCompiler(new LogAnalyzer());
    for (Signature s : catalog.signatures()) {
      try {
        queries.add(compiler.compile(s.query()));
      } catch (ParseException e) {
        throw new IllegalStateException("catalog entry " + s.issueId() + " no longer compiles", e);
      }
    }
  }

  /**
   * The explanation of a record with {@code message} and {@code contextText} (its other text
   * as the job passes it to the matcher; null for none). {@code parts} name the pieces of the
   * record that context may be found in, in order (the message is tried first);
   * {@code entries} are entries to explain even when the pre-filter dismisses them.
   */
  public List<String> explain(String message, String contextText, Map<String, String> parts,
      Collection<String> entries) {
    List<String> out = new ArrayList<>();
    List<String> tokens = CatalogCheck.tokens(message);
    out.add("tokens (" + tokens.size() + "): " + String.join(" ", tokens));

    Map<String, String> where = new LinkedHashMap<>();
    where.put("the message", message);
    where.putAll(parts);
    boolean inContext = context.test(message, contextText);
    String hit = context.firstHit(where.values().toArray(String[]::new));
    out.add("dual-write context: " + (inContext
        ? (hit == null ? "yes" : "yes: '" + hit + "' found in " + partOf(hit, where))
        : "no" + (context.regexes().isEmpty() ? " (the configuration has no context.dual_write rule)" : "")));

    List<Signature> all = catalog.signatures();
    boolean[] passes = new boolean[all.size()];
    int passing = matcher.prefilter().mayMatchEach(message, passes);
    out.add("pre-filter: " + passing + " of " + all.size() + " entries may match"
        // alternatives() is empty only when the pre-filter is off (a query gives no literal).
        + (matcher.prefilter().alternatives().isEmpty() ? " (the pre-filter is off: a query gives no literal)" : ""));

    MemoryIndex index = new MemoryIndex();
    index.addField(LogAnalyzer.MESSAGE_FIELD, message, new LogAnalyzer());
    List<Signature> counting = new ArrayList<>();
    Map<Signature, Optional<FailingClause>> shown = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Signature s = all.get(i);
      if (passes[i] || entries.contains(s.issueId())) {
        Optional<FailingClause> failure = FailingClause.of(queries.get(i), index);
        shown.put(s, failure);
        if (failure.isEmpty() && passes[i] && (!s.generic() || inContext)) {
          counting.add(s);
        }
      }
    }
    for (Map.Entry<Signature, Optional<FailingClause>> e : shown.entrySet()) {
      out.add("  " + e.getKey().issueId() + ": " + verdict(e.getKey(), e.getValue(),
          passes[all.indexOf(e.getKey())], inContext, counting));
      e.getValue().ifPresent(f -> f.lines().stream().skip(1).forEach(l -> out.add("    " + l)));
    }

    List<Match> counted = matcher.match(message, contextText);
    if (counted.isEmpty()) {
      out.add("counted: none");
    } else {
      out.add("counted (" + counted.size() + "):");
      for (Match m : counted) {
        List<String> fields = new ArrayList<>();
        m.fields().forEach((group, value) -> fields.add(Extractor.reportName(group) + "=" + value));
        out.add("  " + m.issueId() + (fields.isEmpty() ? "" : ": " + String.join(", ", fields)));
      }
    }
    return out;
  }

  private static String verdict(Signature s, Optional<FailingClause> failure, boolean passes,
      boolean inContext, List<Signature> counting) {
    String dismissed = passes ? "" : "dismissed by the pre-filter; ";
    if (failure.isPresent()) {
      return (s.generic() ? "generic; " : "") + dismissed + "does not match: " + failure.get();
    }
    if (!passes) {
      return "matches, but the pre-filter dismisses it (a pre-filter bug: please report it)";
    }
    if (s.generic() && !inContext) {
      return "matches; generic, and the record is out of dual-write context: not counted";
    }
    List<String> by = counting.stream()
        .filter(o -> o != s && o.overrides().contains(s.issueId()))
        .map(Signature::issueId).toList();
    String generic = s.generic() ? "; generic, in dual-write context" : "";
    if (!by.isEmpty()) {
      return "matches" + generic + "; overridden by " + String.join(", ", by) + ": not counted";
    }
    return "matches" + generic;
  }

  private static String partOf(String regex, Map<String, String> where) {
    DualWriteContext one = new DualWriteContext(List.of(regex));
    for (Map.Entry<String, String> e : where.entrySet()) {
      if (one.test(e.getValue())) {
        return e.getKey();
      }
    }
    return "the record";
  }

  /** The ids of the catalog, to check {@code --entry} values. */
  public Set<String> ids() {
    Set<String> ids = new java.util.TreeSet<>();
    catalog.signatures().forEach(s -> ids.add(s.issueId()));
    return ids;
  }
}
