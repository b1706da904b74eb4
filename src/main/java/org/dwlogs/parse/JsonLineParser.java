package org.dwlogs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dwlogs.config.JobConfig.FieldAliases;
import org.dwlogs.parse.FieldIndex.Field;

/** Parses one JSON Lines line into a record, finding fields by their configured aliases. */
public final class JsonLineParser {
  // Trailing tokens fail the line: "{...} junk" or two objects on one line are not one record.
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final RecordParser records;
  private final FieldAliases aliases;

  public JsonLineParser(RecordParser records, FieldAliases aliases) {
    this.records = records;
    this.aliases = aliases;
  }

  /** The parsed line; null for a blank line, which is not a record. */
  public Parsed parse(String source, Position position, String line) {
    if (line.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return Malformed.of(source, position, Malformed.Kind.INVALID_JSON, "invalid JSON: " + e.getOriginalMessage(), line);
    }
    if (node == null || !node.isObject()) {
      return Malformed.of(source, position, Malformed.Kind.INVALID_JSON, "not a JSON object", line);
    }
    Map<String, JsonNode> byKey = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      byKey.putIfAbsent(FieldIndex.jsonKey(e.getKey()), e.getValue());
    }
    String message = value(byKey, Field.MESSAGE);
    if (message == null) {
      return Malformed.of(source, position, Malformed.Kind.NO_MESSAGE,
          "no message field (looked for " + aliases.message() + ")", line);
    }
    return records.fromFields(source, position, value(byKey, Field.TIMESTAMP),
        value(byKey, Field.LEVEL), value(byKey, Field.COMPONENT), message,
        value(byKey, Field.SESSION), value(byKey, Field.ACTIVITY));
  }

  private String value(Map<String, JsonNode> byKey, Field field) {
    List<String> names = FieldIndex.aliases(aliases, field);
    String fallback = null;
    for (String name : names) {
      JsonNode v = byKey.get(FieldIndex.jsonKey(name));
      if (v == null || v.isNull()) {
        continue;
      }
      String text = v.isValueNode() ? v.asText() : v.toString();
      if (!text.isBlank()) {
        return text;
      }
      fallback = text; // present but blank: a record with an empty value, not a missing field
    }
    return fallback;
  }
}
