package org.dwlogs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.dwlogs.config.JobConfig.FieldAliases;

/**
 * Parses one JSON object (a JSON Lines line, or an element of a JSON document) into a record,
 * finding fields by their configured aliases (see {@link FieldRecords}).
 */
public final class JsonLineParser {
  // Trailing tokens fail the line: "{...} junk" or two objects on one line are not one record.
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final FieldRecords fields;
  private final FieldAliases aliases;

  public JsonLineParser(RecordParser records, FieldAliases aliases) {
    this.fields = new FieldRecords(records, aliases);
    this.aliases = aliases;
  }

  /** The parsed line; null for a blank line, which is not a record. */
  public Parsed parse(String source, Position position, String line) {
    return parse(source, position, line, false);
  }

  /**
   * The parsed line; null for a blank line. A {@code truncated} line was cut at
   * {@code text.max_record_bytes}: the fields before the cut are read (a string cut in the
   * middle keeps its first part) and the record is flagged truncated.
   */
  public Parsed parse(String source, Position position, String line, boolean truncated) {
    if (line.isBlank()) {
      return null;
    }
    String text = line;
    if (truncated) {
      text = JsonRepair.closeCut(line);
      if (text == null) {
        return Malformed.of(source, position, Malformed.Kind.INVALID_JSON,
            "line cut at text.max_record_bytes before any complete field", line);
      }
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Malformed.of(source, position, Malformed.Kind.INVALID_JSON,
          "invalid JSON: " + e.getOriginalMessage(), line);
    }
    return parse(source, position, node, truncated, line);
  }

  /** The record of one JSON value; {@code raw} is quarantined if it is no record. */
  public Parsed parse(String source, Position position, JsonNode node, boolean truncated,
      String raw) {
    return parse(source, position, node, truncated, () -> raw);
  }

  /** As above; the raw text is only made when the value is no record. */
  public Parsed parse(String source, Position position, JsonNode node, boolean truncated,
      Supplier<String> raw) {
    if (node == null || !node.isObject()) {
      return Malformed.of(source, position, Malformed.Kind.INVALID_JSON, "not a JSON object",
          raw.get());
    }
    LogRecord record = fields.record(source, position, NamedFields.ofJson(node, fields::key),
        truncated);
    if (record == null) {
      return Malformed.of(source, position, Malformed.Kind.NO_MESSAGE,
          "no message field (looked for " + aliases.message() + ")", raw.get());
    }
    return record;
  }
}
