package org.dwlogs.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes one report: UTF-8 without BOM, a header row, RFC 4180 quoting (a field is quoted
 * only when it holds a comma, quote or line break; quotes are doubled), CRLF row ends.
 *
 * <p>With the formula guard on, a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '}, so that Excel and Power BI
 * show it as text instead of evaluating it (CSV injection). Log messages are attacker-
 * controlled text; our own cells (counts, ids, ISO timestamps) never start with those.
 */
public final class CsvReportWriter implements Closeable {
  private final ICSVWriter csv;
  private final int width;
  private final boolean formulaGuard;
  private final Consumer<String[]> tee;
  private long rows;

  /** A writer with the formula guard on. */
  public CsvReportWriter(OutputStream out, ReportTable table) {
    this(out, table, true);
  }

  public CsvReportWriter(OutputStream out, ReportTable table, boolean formulaGuard) {
    this(out, table, formulaGuard, null);
  }

  /**
   * A writer that also hands every row, as given (before the formula guard), to {@code tee}
   * when not null: the HTML page is built from the very cells the CSV files hold.
   */
  public CsvReportWriter(OutputStream out, ReportTable table, boolean formulaGuard,
      Consumer<String[]> tee) {
    this.tee = tee;
    this.csv = new CSVWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
        ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.RFC4180_LINE_END);
    this.width = table.columns().size();
    this.formulaGuard = formulaGuard;
    csv.writeNext(table.header(), false);
  }

  /** Writes one row; it must have as many cells as the header. */
  public void write(String... cells) {
    if (cells.length != width) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + width);
    }
    if (tee != null) {
      tee.accept(cells.clone());
    }
    if (formulaGuard) {
      for (int i = 0; i < cells.length; i++) {
        cells[i] = neutralise(cells[i]);
      }
    }
    csv.writeNext(cells, false);
    rows++;
  }

  /** The cell, prefixed with {@code '} when a spreadsheet would read it as a formula. */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell : cell;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
