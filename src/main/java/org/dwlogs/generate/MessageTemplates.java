package org.dwlogs.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documented messages, their variants and the near-misses that the generator writes,
 * loaded from {@code dwlogs-generate/messages.yaml} (a copy of the matcher's test corpus).
 * In a template, {@code «S»} and {@code «A»} stand for the record's session and activity ID.
 */
final class MessageTemplates {
  static final String RESOURCE = "dwlogs-generate/messages.yaml";
  static final String SESSION = "\u00abS\u00bb";
  static final String ACTIVITY = "\u00abA\u00bb";

  /**
   * One template. {@code expect} is the catalog entry it matches, or null for a near-miss.
   * {@code parts} alternates literal text with the placeholders {@link #SESSION} and
   * {@link #ACTIVITY}, which are kept as the same String instances.
   */
  record Template(String id, String expect, String text, List<String> parts,
      boolean hasSession, boolean hasActivity, boolean wide) {}

  /**
   * The templates fit for {@code catalog}, and the ids of its generic entries, whose templates
   * the generator writes in dual-write context. Left out: templates of entries the catalog does
   * not have or that another entry would count too in dual-write context, and near-misses that
   * miss only for want of dual-write context (out-of-context forms of generic texts): written
   * in a dual-write file, they would count.
   */
  MessageTemplates forCatalog(org.dwlogs.signatures.Catalog catalog) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    catalog.signatures().forEach(s -> ids.add(s.issueId()));
    org.dwlogs.match.SignatureMatcher inContext = new org.dwlogs.match.SignatureMatcher(catalog,
        new org.dwlogs.match.DualWriteContext(List.of("(?s).")));
    List<Template> kept = new ArrayList<>();
    for (Template t : all) {
      // In dual-write context (where the generator writes), the text must count as expected.
      List<String> counted = inContext.match(t.text(), "").stream()
          .map(org.dwlogs.match.Match::issueId).toList();
      if (t.expect() == null ? counted.isEmpty() : counted.equals(List.of(t.expect()))) {
        kept.add(t);
      }
    }
    return new MessageTemplates(kept);
  }

  private final List<Template> all;
  private final Map<String, List<Template>> byIssue;
  private final List<Template> nearMisses;

  private MessageTemplates(List<Template> all) {
    this.all = List.copyOf(all);
    Map<String, List<Template>> issues = new TreeMap<>();
    List<Template> none = new ArrayList<>();
    for (Template t : all) {
      if (t.expect() == null) {
        none.add(t);
      } else {
        issues.computeIfAbsent(t.expect(), k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, List<Template>> frozen = new LinkedHashMap<>();
    issues.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.byIssue = java.util.Collections.unmodifiableMap(frozen);
    this.nearMisses = List.copyOf(none);
  }

  static MessageTemplates bundled() {
    try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Template> out = new ArrayList<>();
      for (JsonNode e : root) {
        String expect = e.path("expect").asText();
        out.add(of(e.path("id").asText(), "none".equals(expect) ? null : expect,
            e.path("text").asText()));
      }
      return new MessageTemplates(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Template of(String id, String expect, String text) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int s = text.indexOf(SESSION, i);
      int a = text.indexOf(ACTIVITY, i);
      int next = s < 0 ? a : a < 0 ? s : Math.min(s, a);
      if (next < 0) {
        parts.add(text.substring(i));
        break;
      }
      if (next > i) {
        parts.add(text.substring(i, next));
      }
      parts.add(next == s ? SESSION : ACTIVITY);
      i = next + SESSION.length();
    }
    boolean wide = parts.stream().filter(p -> p != SESSION && p != ACTIVITY)
        .anyMatch(p -> p.chars().anyMatch(c -> c > 0xFF));
    return new Template(id, expect, text, List.copyOf(parts), text.contains(SESSION),
        text.contains(ACTIVITY), wide);
  }

  List<Template> all() {
    return all;
  }

  /** The templates of each catalog entry, by issue id (sorted). */
  Map<String, List<Template>> byIssue() {
    return byIssue;
  }

  List<Template> nearMisses() {
    return nearMisses;
  }
}
