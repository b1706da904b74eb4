package org.dwlogs;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV report as read back by a consumer: its header and its rows keyed by column name. */
public record ReportCsv(List<String> header, List<Map<String, String>> rows) {

  /** Reads a report with an RFC 4180 parser (no backslash escapes), as BI tools do. */
  public static ReportCsv read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVReader csv = new CSVReaderBuilder(in)
            .withCSVParser(new RFC4180ParserBuilder().build())
            .build()) {
      List<String[]> all = csv.readAll();
      if (all.isEmpty()) {
        throw new IllegalStateException(file + " has no header row");
      }
      List<String> header = List.of(all.get(0));
      List<Map<String, String>> rows = new ArrayList<>();
      for (String[] cells : all.subList(1, all.size())) {
        if (cells.length != header.size()) {
          throw new IllegalStateException(file + ": row " + Arrays.toString(cells) + " has "
              + cells.length + " cells, header has " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
          row.put(header.get(i), cells[i]);
        }
        rows.add(row);
      }
      return new ReportCsv(header, List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvException e) {
      throw new IllegalStateException(file + ": not valid CSV: " + e.getMessage(), e);
    }
  }

  /** The rows as {@code key -> value}, where key joins the key columns with '|'. */
  public Map<String, String> column(String value, String... keyColumns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      String key = String.join("|", Arrays.stream(keyColumns).map(row::get).toList());
      if (out.put(key, row.get(value)) != null) {
        throw new IllegalStateException("two rows with key " + key);
      }
    }
    return out;
  }

  /** The sum of a numeric column. */
  public long sum(String column) {
    return rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum();
  }
}
