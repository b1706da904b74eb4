package org.dwlogs.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.lucene.queryparser.classic.ParseException;
import org.dwlogs.config.ConfigException;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.match.LogAnalyzer;
import org.dwlogs.match.QueryCompiler;

/**
 * Loads and validates the signature catalog (YAML). Every problem is reported as one
 * {@link ConfigException} that names the file, the entry and what is wrong, before any log
 * is read: unknown or missing keys, duplicate ids, query syntax errors (with their position),
 * bad regular expressions.
 */
public final class CatalogLoader {
  /** Class-path location of the catalog bundled from {@code conf/}. */
  public static final String BUNDLED = "dwlogs-conf/signatures.yaml";

  private static final Set<String> TOP_KEYS = Set.of("version", "signatures");
  private static final Set<String> ENTRY_KEYS = Set.of("issue_id", "title", "query", "remedy",
      "required_role", "doc_section", "inferred", "inferred_reason", "extractors", "category",
      "doc_url", "references", "generic", "overrides");
  private static final Pattern ISSUE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern CATEGORY = ISSUE_ID;
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private CatalogLoader() {}

  public static Catalog bundled() {
    return load(SourceFiles.bundled(BUNDLED));
  }

  public static Catalog load(SourceFiles.Source source) {
    byte[] bytes;
    try (InputStream in = source.open()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ConfigException(source.name() + ": cannot read the catalog: " + e.getMessage(), e);
    }
    String file = source.name();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ConfigException.yamlSyntax(file, e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the catalog: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(file + ": the catalog must be a mapping with a 'signatures' list");
    }
    checkKeys(file, "the top level", root, TOP_KEYS);
    JsonNode list = root.get("signatures");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new ConfigException(file + ": 'signatures' must be a non-empty list");
    }
    QueryCompiler compiler = new QueryCompiler(new LogAnalyzer());
    List<Signature> signatures = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Signature s = entry(file, i, list.get(i), compiler);
      if (!ids.add(s.issueId())) {
        throw new ConfigException(String.format("%s: entry %d: duplicate issue_id '%s'",
            file, i + 1, s.issueId()));
      }
      signatures.add(s);
    }
    checkReferences(file, signatures);
    checkOverrides(file, signatures);
    signatures.sort(Comparator.comparing(Signature::issueId));
    return new Catalog(file, sha256(bytes), signatures);
  }

  private static Signature entry(String file, int index, JsonNode node, QueryCompiler compiler) {
    String where = "entry " + (index + 1);
    if (!node.isObject()) {
      throw new ConfigException(file + ": " + where + " is not a mapping");
    }
    JsonNode idNode = node.get("issue_id");
    if (idNode != null && idNode.isTextual()) {
      where = where + " '" + idNode.asText() + "'";
    }
    checkKeys(file, where, node, ENTRY_KEYS);
    String issueId = required(file, where, node, "issue_id");
    if (!ISSUE_ID.matcher(issueId).matches()) {
      throw new ConfigException(String.format(
          "%s: %s: issue_id must be lowercase words joined by '-': '%s'", file, where, issueId));
    }
    String query = required(file, where, node, "query");
    try {
      compiler.compile(query);
    } catch (ParseException e) {
      // QueryParser wraps the error as "Cannot parse '<query>': <error with line and column>";
      // the first line of that loses the position when the query itself spans lines.
      Throwable error = e.getCause() != null ? e.getCause() : e;
      throw new ConfigException(String.format("%s: %s: query is not valid Lucene syntax: %s",
          file, where, firstLine(error.getMessage())));
    }
    boolean inferred = node.has("inferred") && node.get("inferred").asBoolean(false);
    String inferredReason = optional(node, "inferred_reason");
    if (inferred && inferredReason == null) {
      throw new ConfigException(String.format(
          "%s: %s: an inferred entry needs inferred_reason (why no documented message is used)",
          file, where));
    }
    List<Extractor> extractors = new ArrayList<>();
    JsonNode ex = node.get("extractors");
    if (ex != null && !ex.isNull()) {
      if (!ex.isArray()) {
        throw new ConfigException(file + ": " + where + ": extractors must be a list of regular expressions");
      }
      for (int j = 0; j < ex.size(); j++) {
        extractors.add(extractor(file, where + " extractors[" + j + "]", ex.get(j)));
      }
    }
    String category = optional(node, "category");
    if (category != null && !CATEGORY.matcher(category).matches()) {
      throw new ConfigException(String.format(
          "%s: %s: category must be lowercase words joined by '-': '%s'", file, where, category));
    }
    String docUrl = optional(node, "doc_url");
    if (docUrl != null && !docUrl.startsWith("https://")) {
      throw new ConfigException(String.format(
          "%s: %s: doc_url must be an https:// address: '%s'", file, where, docUrl));
    }
    List<String> references = strings(file, where, node, "references", REFERENCE);
    List<String> overrides = strings(file, where, node, "overrides", ISSUE_ID);
    if (overrides.contains(issueId)) {
      throw new ConfigException(file + ": " + where + ": an entry cannot override itself");
    }
    JsonNode generic = node.get("generic");
    if (generic != null && !generic.isBoolean()) {
      throw new ConfigException(file + ": " + where + ": generic must be true or false");
    }
    return new Signature(issueId, required(file, where, node, "title"), query,
        required(file, where, node, "remedy"), optional(node, "required_role"),
        required(file, where, node, "doc_section"), inferred, inferredReason, extractors,
        category, docUrl, references, generic != null && generic.asBoolean(), overrides);
  }

  /** An optional list of strings, each matching {@code shape}; empty when absent. */
  private static List<String> strings(String file, String where, JsonNode node, String key,
      Pattern shape) {
    JsonNode list = node.get(key);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new ConfigException(String.format("%s: %s: %s must be a list", file, where, key));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      if (!v.isValueNode() || !shape.matcher(v.asText()).matches()) {
        throw new ConfigException(String.format("%s: %s: %s[%d] is not a valid value: '%s'",
            file, where, key, i, v.isValueNode() ? v.asText() : v.toString()));
      }
      if (out.contains(v.asText())) {
        throw new ConfigException(String.format("%s: %s: %s lists '%s' twice",
            file, where, key, v.asText()));
      }
      out.add(v.asText());
    }
    return out;
  }

  /** A reference id is covered by one entry only: two would count one error twice. */
  private static void checkReferences(String file, List<Signature> signatures) {
    java.util.Map<String, String> owner = new java.util.HashMap<>();
    for (Signature s : signatures) {
      for (String ref : s.references()) {
        String other = owner.putIfAbsent(ref, s.issueId());
        if (other != null) {
          throw new ConfigException(String.format(
              "%s: entries '%s' and '%s' both cover reference '%s'", file, other, s.issueId(), ref));
        }
      }
    }
  }

  /** Overrides name existing entries and never form a cycle (A over B over A). */
  private static void checkOverrides(String file, List<Signature> signatures) {
    java.util.Map<String, Signature> byId = new java.util.HashMap<>();
    signatures.forEach(s -> byId.put(s.issueId(), s));
    for (Signature s : signatures) {
      for (String target : s.overrides()) {
        if (!byId.containsKey(target)) {
          throw new ConfigException(String.format(
              "%s: entry '%s': overrides names '%s', which is no entry of the catalog",
              file, s.issueId(), target));
        }
      }
    }
    for (Signature s : signatures) {
      java.util.Deque<String> todo = new java.util.ArrayDeque<>(s.overrides());
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String id = todo.pop();
        if (id.equals(s.issueId())) {
          throw new ConfigException(String.format(
              "%s: entry '%s': overrides form a cycle back to itself", file, s.issueId()));
        }
        if (seen.add(id)) {
          todo.addAll(byId.get(id).overrides());
        }
      }
    }
  }

  private static Extractor extractor(String file, String where, JsonNode node) {
    if (!node.isTextual()) {
      throw new ConfigException(file + ": " + where + ": must be a regular expression string");
    }
    Extractor extractor = new Extractor(node.asText());
    Pattern p;
    try {
      p = extractor.compiled();
    } catch (PatternSyntaxException e) {
      throw new ConfigException(String.format("%s: %s: bad regular expression: %s at index %d",
          file, where, e.getDescription(), e.getIndex()));
    }
    java.util.regex.Matcher groups = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(p.pattern());
    boolean any = false;
    while (groups.find()) {
      any = true;
      if (!Extractor.FIELDS.contains(groups.group(1))) {
        throw new ConfigException(String.format(
            "%s: %s: unknown group name '%s' (known: %s)", file, where, groups.group(1),
            Extractor.FIELDS));
      }
    }
    if (!any) {
      throw new ConfigException(file + ": " + where + ": has no named group (known: "
          + Extractor.FIELDS + ")");
    }
    return extractor;
  }

  private static void checkKeys(String file, String where, JsonNode node, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new ConfigException(String.format("%s: %s: unknown key '%s' (known: %s)",
            file, where, key, known.stream().sorted().toList()));
      }
    }
  }

  private static String required(String file, String where, JsonNode node, String key) {
    String value = optional(node, key);
    if (value == null) {
      throw new ConfigException(String.format("%s: %s: missing field '%s'", file, where, key));
    }
    return value;
  }

  private static String optional(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
      return null;
    }
    return v.asText().strip();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
