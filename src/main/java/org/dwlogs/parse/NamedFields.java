package org.dwlogs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of one JSON object or CSV row by compared name (see {@link FieldIndex#key}),
 * in their order, the first of a name winning. The entries of a {@code customDimensions}
 * object (Application Insights; {@code Properties} in Log Analytics; a JSON object, or a JSON string of one in CSV exports) count
 * as fields of the record too, after its own fields: an ID or timestamp there is found like
 * any other, but a record's own field of the same name, when it has a value, comes first.
 */
final class NamedFields {
  /** Application Insights' {@code customDimensions}; Log Analytics calls it {@code Properties}. */
  static final List<String> DIMENSIONS = List.of(FieldIndex.key("customDimensions"), FieldIndex.key("Properties"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> byKey = new LinkedHashMap<>();
  /** Entries of customDimensions whose name the record has too: looked at after its own. */
  private final Map<String, JsonNode> shadowed = new LinkedHashMap<>();

  private NamedFields() {}

  static NamedFields ofJson(JsonNode object) {
    return ofJson(object, FieldIndex::key);
  }

  /** As above, with {@code key} comparing names (a cache of {@link FieldIndex#key}, say). */
  static NamedFields ofJson(JsonNode object, Function<String, String> key) {
    NamedFields fields = new NamedFields();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      fields.byKey.putIfAbsent(key.apply(e.getKey()), e.getValue());
    }
    fields.addDimensions();
    return fields;
  }

  /** The fields of a CSV row; {@code keys} are the header's names as compared. */
  static NamedFields ofCsv(String[] keys, String[] row) {
    NamedFields fields = new NamedFields();
    for (int i = 0; i < keys.length && i < row.length; i++) {
      if (row[i] != null) {
        fields.byKey.putIfAbsent(keys[i], TextNode.valueOf(row[i]));
      }
    }
    fields.addDimensions();
    return fields;
  }

  /** The value under a compared name, or null; JSON null counts as absent. */
  JsonNode get(String key) {
    JsonNode v = byKey.get(key);
    return v == null || v.isNull() || v.isMissingNode() ? null : v;
  }

  /** The values under a compared name: the record's own, then a customDimensions entry's. */
  List<JsonNode> values(String key) {
    JsonNode own = get(key);
    JsonNode dim = shadowed.get(key);
    if (dim == null || dim.isNull()) {
      return own == null ? List.of() : List.of(own);
    }
    return own == null ? List.of(dim) : List.of(own, dim);
  }

  Map<String, JsonNode> all() {
    return byKey;
  }

  private void addDimensions() {
    for (String key : DIMENSIONS) {
      addDimensions(key);
    }
  }

  private void addDimensions(String key) {
    JsonNode dims = structured(byKey.get(key));
    if (dims == null || !dims.isObject()) {
      return;
    }
    byKey.put(key, dims);
    for (Iterator<Map.Entry<String, JsonNode>> it = dims.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = FieldIndex.key(e.getKey());
      if (byKey.putIfAbsent(name, e.getValue()) != null) {
        shadowed.putIfAbsent(name, e.getValue());
      }
    }
  }

  /**
   * The value as a JSON object or array: as it is, or parsed from a string that holds one
   * (CSV exports write {@code details} and {@code customDimensions} as JSON text); null when
   * it is neither.
   */
  static JsonNode structured(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isContainerNode()) {
      return value;
    }
    if (!value.isTextual()) {
      return null;
    }
    String s = value.asText().strip();
    if (s.length() < 2 || !(s.startsWith("{") && s.endsWith("}") || s.startsWith("[") && s.endsWith("]"))) {
      return null;
    }
    try {
      return JSON.readTree(s);
    } catch (JsonProcessingException | RuntimeException e) {
      return null; // text that only looks like JSON: kept as text
    }
  }
}
