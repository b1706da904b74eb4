package org.dwlogs.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dwlogs.config.JobConfig.FieldAliases;
import org.dwlogs.parse.FieldIndex.Field;

/**
 * Turns the named fields of a JSON object or CSV row into a record: the first alias with a
 * value gives each field; the message joins every message field (see {@link #message}); the
 * values left over become the record's other fields.
 */
final class FieldRecords {
  /** The other fields are cut here, in characters: they are context, not the record. */
  static final int MAX_OTHER_FIELDS_CHARS = 8192;

  /** Application Insights' numeric {@code severityLevel}, as level words. */
  private static final List<String> SEVERITY_LEVELS =
      List.of("Verbose", "Information", "Warning", "Error", "Critical");
  private static final String SEVERITY_LEVEL = FieldIndex.key("severityLevel");
  private static final String ITEM_TYPE = FieldIndex.key("itemType");
  /** The parts of an Application Insights exception detail that are message text. */
  private static final List<String> DETAIL_TEXT = List.of("outerMessage", "message", "innermostMessage");

  /** Names compared per parser: JSON records repeat the same keys, so they are kept. */
  private static final int MAX_CACHED_KEYS = 4096;

  private final RecordParser records;
  private final FieldAliases aliases;
  private final Map<String, String> keys = new HashMap<>();

  FieldRecords(RecordParser records, FieldAliases aliases) {
    this.records = records;
    this.aliases = aliases;
  }

  /** {@link FieldIndex#key} of a name, cached. */
  String key(String name) {
    String k = keys.get(name);
    if (k == null) {
      if (keys.size() >= MAX_CACHED_KEYS) {
        keys.clear(); // names that never repeat (generated keys): start over
      }
      k = FieldIndex.key(name);
      keys.put(name, k);
    }
    return k;
  }

  /** The record, or null when no message field is present at all. */
  LogRecord record(String source, Position position, NamedFields fields, boolean truncated) {
    Set<String> used = new HashSet<>();
    String message = message(fields, used);
    if (message == null) {
      return null;
    }
    String level = level(fields, used);
    return records.fromFields(source, position, value(fields, Field.TIMESTAMP, used), level,
        value(fields, Field.COMPONENT, used), message, id(fields, Field.SESSION, used),
        id(fields, Field.ACTIVITY, used), truncated, otherFields(fields, used));
  }

  /** True when the names (a CSV header's, as compared) hold a message field. */
  boolean hasMessageField(Set<String> keys) {
    return aliases.message().stream().map(FieldIndex::key).anyMatch(keys::contains);
  }

  /**
   * Every message field present, in alias order, one per line, each text once: so an
   * exception's {@code outerMessage}, {@code innermostMessage} and its {@code details} are
   * all matched. A {@code details} array (or a JSON string of one) adds each detail's
   * {@code outerMessage}, {@code message}, {@code innermostMessage} and its
   * {@code parsedStack} frames as {@code at <method>} lines. Null when no field is present.
   */
  private String message(NamedFields fields, Set<String> used) {
    Set<String> parts = new LinkedHashSet<>();
    boolean present = false;
    for (String alias : aliases.message()) {
      String key = key(alias);
      JsonNode v = fields.get(key);
      if (v == null || !used.add(key)) {
        continue;
      }
      present = true;
      JsonNode structured = NamedFields.structured(v);
      if (structured != null && isExceptionDetails(structured)) {
        addDetails(structured, parts);
      } else if (structured != null && structured.isArray() && structured.isEmpty()) {
        continue; // no exception details: nothing to add
      } else {
        addText(text(v), parts);
      }
    }
    return present ? String.join("\n", parts) : null;
  }

  /**
   * True for an array of exception details: objects with a message or a stack. Any other
   * value (a message that only looks like JSON, say) is kept as its text.
   */
  private static boolean isExceptionDetails(JsonNode value) {
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode detail : value) {
      if (!detail.isObject()) {
        return false;
      }
      NamedFields d = NamedFields.ofJson(detail);
      boolean text = DETAIL_TEXT.stream().anyMatch(n -> d.get(FieldIndex.key(n)) != null);
      if (!text && d.get(FieldIndex.key("parsedStack")) == null) {
        return false;
      }
    }
    return true;
  }

  private static void addDetails(JsonNode details, Set<String> parts) {
    for (JsonNode detail : details) {
      NamedFields d = NamedFields.ofJson(detail);
      for (String name : DETAIL_TEXT) {
        addText(text(d.get(FieldIndex.key(name))), parts);
      }
      JsonNode stack = d.get(FieldIndex.key("parsedStack"));
      if (stack != null && stack.isArray()) {
        StringBuilder frames = new StringBuilder();
        for (JsonNode frame : stack) {
          JsonNode method = frame.isObject() ? frame.get("method") : frame;
          if (method != null && !method.isNull()) {
            frames.append(frames.length() == 0 ? "" : "\n").append("at ").append(text(method));
          }
        }
        addText(frames.toString(), parts);
      }
    }
  }

  private static void addText(String text, Set<String> parts) {
    if (text != null && !text.isBlank()) {
      parts.add(text);
    }
  }

  /** The level word; App Insights' numeric severityLevel 0-4 and an exception item read too. */
  private String level(NamedFields fields, Set<String> used) {
    for (String alias : aliases.level()) {
      String key = key(alias);
      String v = text(fields.get(key));
      if (v == null || v.isBlank()) {
        continue;
      }
      used.add(key);
      String s = v.strip();
      if (key.equals(SEVERITY_LEVEL) && s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '4') {
        return SEVERITY_LEVELS.get(s.charAt(0) - '0');
      }
      return s;
    }
    // App Insights exceptions default to severity Error when no level was sent.
    String itemType = text(fields.get(ITEM_TYPE));
    return itemType != null && itemType.strip().equalsIgnoreCase("exception") ? "Error" : null;
  }

  private String value(NamedFields fields, Field field, Set<String> used) {
    String fallback = null;
    for (String alias : FieldIndex.aliases(aliases, field)) {
      String key = key(alias);
      for (JsonNode node : fields.values(key)) {
        String v = text(node);
        used.add(key);
        if (!v.isBlank()) {
          return v;
        }
        fallback = v; // present but blank: a record with an empty value, not a missing field
      }
    }
    return fallback;
  }

  /** The first ID field holding an ID: a placeholder ({@code N/A}, the zero GUID) is none. */
  private String id(NamedFields fields, Field field, Set<String> used) {
    for (String alias : FieldIndex.aliases(aliases, field)) {
      String key = key(alias);
      for (JsonNode node : fields.values(key)) {
        String v = text(node);
        used.add(key);
        if (IdExtractor.normalize(v) != null) {
          return v;
        }
      }
    }
    return null;
  }

  /** The values not read as anything else, one per line, cut at the bound; null when none. */
  private static String otherFields(NamedFields fields, Set<String> used) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : fields.all().entrySet()) {
      if (used.contains(e.getKey()) || NamedFields.DIMENSIONS.contains(e.getKey())) {
        continue; // customDimensions' entries are fields of their own
      }
      String v = text(e.getValue());
      if (v == null || v.isBlank()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(v.strip());
      if (out.length() >= MAX_OTHER_FIELDS_CHARS) {
        out.setLength(MAX_OTHER_FIELDS_CHARS);
        break;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
