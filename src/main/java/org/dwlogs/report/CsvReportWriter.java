package org.dwlogs.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes one report: UTF-8 without BOM, a header row, RFC 4180 quoting (a field is quoted
 * only when it holds a comma, quote or line break; quotes are doubled), CRLF row ends.
 */
public final class CsvReportWriter implements Closeable {
  private final ICSVWriter csv;
  private final int width;
  private long rows;

  public CsvReportWriter(OutputStream out, ReportTable table) {
    this.csv = new CSVWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
        ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.RFC4180_LINE_END);
    this.width = table.columns().size();
    csv.writeNext(table.header(), false);
  }

  /** Writes one row; it must have as many cells as the header. */
  public void write(String... cells) {
    if (cells.length != width) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + width);
    }
    csv.writeNext(cells, false);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
