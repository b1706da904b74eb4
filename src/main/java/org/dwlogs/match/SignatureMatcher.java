package org.dwlogs.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.Extractor;
import org.dwlogs.signatures.Signature;

/**
 * Runs every catalog query against one record at a time. A {@link LiteralPrefilter} first
 * dismisses records that no query can match (most of a log); a candidate's message is
 * analysed once into a {@link MemoryIndex}, then each query is scored against it. Not
 * thread-safe: build one per partition (queries compile in microseconds).
 *
 * <p>Two rules then decide what counts, so that one error is counted once and only as what it
 * is: a {@code generic} entry counts only when the record is in dual-write context
 * ({@link DualWriteContext}), and an entry that another matching entry {@code overrides} does
 * not count (the more specific entry wins).
 */
public final class SignatureMatcher {
  private final List<Compiled> compiled;
  private final LogAnalyzer analyzer = new LogAnalyzer();
  private final MemoryIndex index = new MemoryIndex();
  private final LiteralPrefilter prefilter;
  /** The pre-filter that also locates markers, for the last markers asked for. */
  private LiteralPrefilter marked;
  private final boolean[] candidates;
  private final DualWriteContext context;

  private record Compiled(Signature signature, Query query, List<Pattern> extractors) {}

  /** A matcher with the bundled configuration's dual-write context rule. */
  public SignatureMatcher(Catalog catalog) {
    this(catalog, DualWriteContext.bundled());
  }

  public SignatureMatcher(Catalog catalog, DualWriteContext context) {
    this.context = context;
    QueryCompiler compiler = new QueryCompiler(analyzer);
    List<Compiled> out = new ArrayList<>();
    for (Signature s : catalog.signatures()) {
      try {
        out.add(new Compiled(s, compiler.compile(s.query()),
            s.extractors().stream().map(Extractor::compiled).toList()));
      } catch (ParseException e) {
        // The catalog was validated when loaded; reaching this is a bug, not a user error.
        throw new IllegalStateException("catalog entry " + s.issueId() + " no longer compiles", e);
      }
    }
    this.compiled = List.copyOf(out);
    this.prefilter = LiteralPrefilter.of(compiled.stream().map(Compiled::query).toList());
    this.candidates = new boolean[compiled.size()];
  }

  /** Per task thread, the last few matchers built: a catalog compiles once per thread, not per partition. */
  private static final ThreadLocal<Map<MatcherKey, SignatureMatcher>> PER_THREAD =
      ThreadLocal.withInitial(() -> new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MatcherKey, SignatureMatcher> eldest) {
          return size() > 4;
        }
      });

  private record MatcherKey(Catalog catalog, List<String> dualWrite) {}

  /**
   * This thread's matcher of {@code catalog} with the dual-write context rule
   * {@code dualWrite}, built on first use. A Spark task thread runs many partitions one after
   * another; compiling a hundred queries and their pre-filter for each would cost more than
   * matching a small partition. The matcher is not thread-safe, hence one per thread.
   */
  public static SignatureMatcher forThisThread(Catalog catalog, List<String> dualWrite) {
    return PER_THREAD.get().computeIfAbsent(new MatcherKey(catalog, List.copyOf(dualWrite)),
        k -> new SignatureMatcher(k.catalog(), new DualWriteContext(k.dualWrite())));
  }

  public LiteralPrefilter prefilter() {
    return prefilter;
  }

  /**
   * This matcher's pre-filter also locating {@code markers} ({@link
   * LiteralPrefilter#withMarkers}): built once for a list, then the same one (like the
   * matcher, one thread's).
   */
  public LiteralPrefilter prefilter(List<String> markers) {
    if (marked == null || !marked.markers().equals(markers)) {
      marked = prefilter.withMarkers(markers);
    }
    return marked;
  }

  public DualWriteContext context() {
    return context;
  }

  /**
   * The entries that count a parsed record: its message, with the bracketed component that a
   * text header took off put back in front (a message written as {@code [DWDVEV1001] Missing
   * ...} in a layout without a component loses its code to the component group), in the
   * record's dual-write context ({@link #contextOf}). The pre-filter reads the component and
   * the message where they are, so noise costs no copy.
   */
  public List<Match> matchRecord(org.dwlogs.parse.LogRecord r) {
    String message = r.message() == null ? "" : r.message();
    if (r.component() == null && message.isEmpty()) {
      return List.of();
    }
    int candidateCount = r.component() == null ? prefilter.mayMatchEach(message, candidates)
        : prefilter.mayMatchEach(r.component(), message, candidates);
    if (candidateCount == 0) {
      return List.of();
    }
    return search(matchText(r), message, () -> contextOf(r));
  }

  /** The text a record is matched on: its message, with a bracketed component in front. */
  public static String matchText(org.dwlogs.parse.LogRecord r) {
    return r.component() == null ? r.message() : "[" + r.component() + "] " + r.message();
  }

  /** The text beside the message that can put a record in dual-write context. */
  public static String contextOf(org.dwlogs.parse.LogRecord r) {
    StringBuilder sb = new StringBuilder(r.source() == null ? "" : r.source());
    if (r.component() != null) {
      sb.append('\n').append(r.component());
    }
    if (r.otherFields() != null) {
      sb.append('\n').append(r.otherFields());
    }
    return sb.toString();
  }

  /** The entries that count {@code message} of a record with no other text: see {@link #match(String, String)}. */
  public List<Match> match(String message) {
    return match(message, null);
  }

  /**
   * The entries that count a record, in catalog order: those whose query matches
   * {@code message}, less generic entries when neither the message nor {@code context} (the
   * record's component, other fields and file path) names dual-write, less entries that
   * another of them overrides. Only the queries the pre-filter leaves standing are searched,
   * and only when one is left is the message analysed at all.
   */
  public List<Match> match(String message, String context) {
    return match(message, message, () -> context);
  }

  private List<Match> match(String message, String extractFrom,
      java.util.function.Supplier<String> context) {
    if (message == null || message.isEmpty() || prefilter.mayMatchEach(message, candidates) == 0) {
      return List.of();
    }
    return search(message, extractFrom, context);
  }

  /**
   * Searches {@code message} with the queries the pre-filter marked in {@link #candidates};
   * extractors read {@code extractFrom} (the message proper). The context is built only when
   * a generic entry's query matches: most records never need it.
   */
  private List<Match> search(String message, String extractFrom,
      java.util.function.Supplier<String> context) {
    index.reset();
    index.addField(LogAnalyzer.MESSAGE_FIELD, message, analyzer);
    List<Compiled> hits = null;
    Boolean inContext = null;
    for (int i = 0; i < compiled.size(); i++) {
      Compiled c = compiled.get(i);
      if (candidates[i] && index.search(c.query()) > 0f) {
        if (c.signature().generic()) {
          if (inContext == null) {
            inContext = this.context.test(message, context.get());
          }
          if (!inContext) {
            continue;
          }
        }
        if (hits == null) {
          hits = new ArrayList<>(1);
        }
        hits.add(c);
      }
    }
    if (hits == null) {
      return List.of();
    }
    List<Match> matches = new ArrayList<>(hits.size());
    for (Compiled c : hits) {
      if (!overridden(c, hits)) {
        matches.add(new Match(c.signature().issueId(), extract(c.extractors(), extractFrom)));
      }
    }
    return matches;
  }

  /**
   * The entries whose query matches {@code message}, in catalog order, before the dual-write
   * context and override rules: what {@code catalog validate} and {@code explain} look at.
   */
  public List<String> queryHits(String message) {
    if (message == null || message.isEmpty() || prefilter.mayMatchEach(message, candidates) == 0) {
      return List.of();
    }
    index.reset();
    index.addField(LogAnalyzer.MESSAGE_FIELD, message, analyzer);
    List<String> hits = new ArrayList<>();
    for (int i = 0; i < compiled.size(); i++) {
      if (candidates[i] && index.search(compiled.get(i).query()) > 0f) {
        hits.add(compiled.get(i).signature().issueId());
      }
    }
    return hits;
  }

  private static boolean overridden(Compiled c, List<Compiled> hits) {
    if (hits.size() == 1) {
      return false;
    }
    for (Compiled other : hits) {
      if (other != c && other.signature().overrides().contains(c.signature().issueId())) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> extract(List<Pattern> extractors, String message) {
    if (extractors.isEmpty()) {
      return Map.of();
    }
    String flat = Extractor.flatten(message);
    Map<String, String> fields = new HashMap<>();
    for (Pattern p : extractors) {
      Matcher m = p.matcher(flat);
      if (m.find()) {
        for (String group : Extractor.FIELDS) {
          if (p.pattern().contains("(?<" + group + ">") && m.group(group) != null) {
            fields.putIfAbsent(group, m.group(group).strip());
          }
        }
      }
    }
    return fields;
  }
}
