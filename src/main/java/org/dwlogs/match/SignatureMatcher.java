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
 */
public final class SignatureMatcher {
  private final List<Compiled> compiled;
  private final LogAnalyzer analyzer = new LogAnalyzer();
  private final MemoryIndex index = new MemoryIndex();
  private final LiteralPrefilter prefilter;
  private final boolean[] candidates;

  private record Compiled(Signature signature, Query query, List<Pattern> extractors) {}

  public SignatureMatcher(Catalog catalog) {
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

  public LiteralPrefilter prefilter() {
    return prefilter;
  }

  /**
   * The entries whose query matches {@code message}, in catalog order. Only the queries the
   * pre-filter leaves standing are searched, and only when one is left is the message
   * analysed at all.
   */
  public List<Match> match(String message) {
    if (message == null || message.isEmpty() || prefilter.mayMatchEach(message, candidates) == 0) {
      return List.of();
    }
    index.reset();
    index.addField(LogAnalyzer.MESSAGE_FIELD, message, analyzer);
    List<Match> matches = null;
    for (int i = 0; i < compiled.size(); i++) {
      Compiled c = compiled.get(i);
      if (candidates[i] && index.search(c.query()) > 0f) {
        if (matches == null) {
          matches = new ArrayList<>(1);
        }
        matches.add(new Match(c.signature().issueId(), extract(c.extractors(), message)));
      }
    }
    return matches == null ? List.of() : matches;
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
