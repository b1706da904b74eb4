package org.dwlogs.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dwlogs.config.ConfigException;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.match.Match;

/**
 * A messages file: messages a catalog must recognise, each with the one entry it must match
 * (or {@value #NONE}), as {@code src/test/resources/match/messages.yaml} holds them. The test
 * suite and {@code dwlogs catalog test} read it and compare with this one class, so the two
 * cannot judge a message differently.
 *
 * <pre>
 * - id: m401-verbatim                      # unique
 *   source: "DWM-01 seed page"             # optional: where the text comes from
 *   expect: map-create-401                 # an issue_id of the catalog, or none
 *   text: "Response status code does not indicate success: 401 (Unauthorized)."
 *   context: "DualWriteSync"               # optional: component, other fields, file path
 *   extract: {entity: custcustomerv3entity} # optional: report name -> exact value
 * </pre>
 */
public record MessagesFile(String source, List<Item> items) {
  /** The {@code expect} of a message that must match no entry. */
  public static final String NONE = "none";

  private static final Set<String> KEYS = Set.of("id", "source", "expect", "text", "context",
      "extract");

  public MessagesFile {
    items = List.copyOf(items);
  }

  /** One message: see the class comment. {@code context} is null when absent. */
  public record Item(int number, String id, String source, String expect, String text,
      String context, Map<String, String> extract) {
    public Item {
      extract = Collections.unmodifiableMap(new TreeMap<>(extract));
    }

    /** How the matches the matcher returned for this text differ from what it expects. */
    public Optional<Mismatch> compare(List<Match> matches) {
      List<String> got = matches.stream().map(Match::issueId).toList();
      List<String> wanted = expect.equals(NONE) ? List.of() : List.of(expect);
      if (!got.equals(wanted)) {
        return Optional.of(new Mismatch(id, expect, got, List.of()));
      }
      if (extract.isEmpty() || got.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> actual = new TreeMap<>();
      matches.get(0).fields().forEach((group, value) -> actual.put(Extractor.reportName(group), value));
      List<FieldDiff> diffs = new ArrayList<>();
      Set<String> names = new TreeSet<>(extract.keySet());
      names.addAll(actual.keySet());
      for (String name : names) {
        String want = extract.get(name);
        String have = actual.get(name);
        if (want == null ? have != null : !want.equals(have)) {
          diffs.add(new FieldDiff(name, want, have));
        }
      }
      return diffs.isEmpty() ? Optional.empty() : Optional.of(new Mismatch(id, expect, got, diffs));
    }
  }

  /** An extracted value that differs: null stands for "not there". */
  public record FieldDiff(String name, String expected, String got) {
    @Override
    public String toString() {
      return name + ": expected " + quoted(expected) + ", got " + quoted(got);
    }

    private static String quoted(String v) {
      return v == null ? "(none)" : "'" + v + "'";
    }
  }

  /** A message the catalog does not recognise as expected. */
  public record Mismatch(String id, String expected, List<String> got, List<FieldDiff> fields) {
    public Mismatch {
      got = List.copyOf(got);
      fields = List.copyOf(fields);
    }

    /** The report of it: a line for the entries, then one indented line per differing value. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(id + ": expected " + expected + ", got "
          + (got.isEmpty() ? NONE : String.join(", ", got)));
      fields.forEach(f -> out.add("  " + f));
      return out;
    }
  }

  /** Reads and checks a messages file; any problem is one {@link ConfigException} line. */
  public static MessagesFile load(SourceFiles.Source source) {
    String file = source.name();
    JsonNode root;
    try (InputStream in = source.open()) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (JsonProcessingException e) {
      throw ConfigException.yamlSyntax(file, e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the messages file: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new ConfigException(file + ": a messages file is a non-empty list of items "
          + "(id, expect, text)");
    }
    List<Item> items = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      Item item = item(file, i + 1, root.get(i));
      Integer before = seen.putIfAbsent(item.id(), item.number());
      if (before != null) {
        throw new ConfigException(String.format("%s: item %d '%s': duplicate id (also item %d)",
            file, item.number(), item.id(), before));
      }
      items.add(item);
    }
    return new MessagesFile(file, items);
  }

  /** Checks that every {@code expect} names an entry of {@code catalog} (or is none). */
  public MessagesFile checkAgainst(Catalog catalog) {
    Set<String> ids = new TreeSet<>();
    catalog.signatures().forEach(s -> ids.add(s.issueId()));
    for (Item item : items) {
      if (!item.expect().equals(NONE) && !ids.contains(item.expect())) {
        throw new ConfigException(String.format(
            "%s: item %d '%s': expect names '%s', which is no entry of the catalog %s (nor none)",
            source, item.number(), item.id(), item.expect(), catalog.source()));
      }
    }
    return this;
  }

  private static Item item(String file, int number, JsonNode node) {
    String where = "item " + number;
    if (!node.isObject()) {
      throw new ConfigException(file + ": " + where + " is not a mapping");
    }
    if (node.path("id").isValueNode()) {
      where += " '" + node.get("id").asText() + "'";
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new ConfigException(String.format("%s: %s: unknown key '%s' (known: %s)", file,
            where, key, new TreeSet<>(KEYS)));
      }
    }
    String id = required(file, where, node, "id");
    String expect = required(file, where, node, "expect");
    String text = required(file, where, node, "text");
    JsonNode context = node.get("context");
    if (context != null && !context.isNull() && !context.isValueNode()) {
      throw new ConfigException(file + ": " + where + ": context must be a string");
    }
    Map<String, String> extract = new TreeMap<>();
    JsonNode ex = node.get("extract");
    if (ex != null && !ex.isNull()) {
      if (!ex.isObject()) {
        throw new ConfigException(file + ": " + where + ": extract must map names to values");
      }
      List<String> names = Extractor.FIELDS.stream().map(Extractor::reportName).toList();
      for (Iterator<Map.Entry<String, JsonNode>> it = ex.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!names.contains(e.getKey()) || !e.getValue().isValueNode()) {
          throw new ConfigException(String.format("%s: %s: extract %s is not a value the "
              + "extractors fill (known: %s)", file, where, e.getKey(), names));
        }
        extract.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Item(number, id, node.path("source").asText(null), expect, text,
        context == null || context.isNull() ? null : context.asText(), extract);
  }

  private static String required(String file, String where, JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode() || v.isNull() || v.asText().isEmpty()) {
      throw new ConfigException(String.format("%s: %s: missing '%s'", file, where, key));
    }
    return v.asText();
  }
}
