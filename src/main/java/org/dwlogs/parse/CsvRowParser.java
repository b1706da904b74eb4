package org.dwlogs.parse;

import org.dwlogs.config.JobConfig.FieldAliases;
import org.dwlogs.parse.FieldIndex.Field;

/** Parses the rows of one CSV file, whose header row names the fields. */
public final class CsvRowParser {
  private final RecordParser records;
  private final int width;
  private final int[][] columns;

  public CsvRowParser(RecordParser records, FieldAliases aliases, String[] header) {
    this.records = records;
    this.width = header.length;
    this.columns = FieldIndex.columns(aliases, header);
  }

  /** True when the header names a message column; without one no row can be read. */
  public boolean hasMessageColumn() {
    return columns[Field.MESSAGE.ordinal()].length > 0;
  }

  /** The parsed row; null for an empty line, which is not a record. */
  public Parsed parse(String source, Position position, String[] row, String raw) {
    if (row.length == 1 && row[0].isBlank()) {
      return null;
    }
    if (row.length != width) {
      return Malformed.of(source, position, Malformed.Kind.CSV_FIELD_COUNT,
          "expected " + width + " fields as in the header, found " + row.length, raw);
    }
    String message = value(row, Field.MESSAGE);
    return records.fromFields(source, position, value(row, Field.TIMESTAMP),
        value(row, Field.LEVEL), value(row, Field.COMPONENT), message == null ? "" : message,
        value(row, Field.SESSION), value(row, Field.ACTIVITY));
  }

  private String value(String[] row, Field field) {
    for (int i : columns[field.ordinal()]) {
      if (row[i] != null && !row[i].isBlank()) {
        return row[i];
      }
    }
    return null;
  }
}
