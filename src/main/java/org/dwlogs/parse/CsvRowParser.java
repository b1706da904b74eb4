package org.dwlogs.parse;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.dwlogs.config.JobConfig.FieldAliases;

/** Parses the rows of one CSV file, whose header row names the fields. */
public final class CsvRowParser {
  private final FieldRecords fields;
  private final int width;
  private final String[] keys;
  private final boolean hasMessage;

  public CsvRowParser(RecordParser records, FieldAliases aliases, String[] header) {
    this.fields = new FieldRecords(records, aliases);
    this.width = header.length;
    this.keys = Arrays.stream(header).map(FieldIndex::key).toArray(String[]::new);
    Set<String> names = Arrays.stream(keys).collect(Collectors.toSet());
    this.hasMessage = fields.hasMessageField(names);
  }

  /** True when the header names a message column; without one no row can be read. */
  public boolean hasMessageColumn() {
    return hasMessage;
  }

  /** The parsed row; null for an empty line, which is not a record. */
  public Parsed parse(String source, Position position, String[] row, String raw) {
    return parse(source, position, row, raw, false);
  }

  /**
   * The parsed row; null for an empty line. A {@code truncated} row was cut at
   * {@code text.max_record_bytes}: the fields after the cut are empty.
   */
  public Parsed parse(String source, Position position, String[] row, String raw,
      boolean truncated) {
    if (row.length == 1 && row[0].isBlank() && !truncated) {
      return null;
    }
    String[] cells = row;
    if (truncated && row.length < width) {
      cells = Arrays.copyOf(row, width); // the cut took the last fields: they are absent
    } else if (row.length != width) {
      return Malformed.of(source, position, Malformed.Kind.CSV_FIELD_COUNT,
          "expected " + width + " fields as in the header, found " + row.length, raw);
    }
    LogRecord record = fields.record(source, position, NamedFields.ofCsv(keys, cells), truncated);
    if (record == null) {
      // The header names a message column, but the cut (or a missing cell) left it absent.
      record = fields.record(source, position, NamedFields.ofCsv(keys, blankFor(cells)), truncated);
    }
    return record;
  }

  private static String[] blankFor(String[] cells) {
    return Arrays.stream(cells).map(c -> c == null ? "" : c).toArray(String[]::new);
  }
}
