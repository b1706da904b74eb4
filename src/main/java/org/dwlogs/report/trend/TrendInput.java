package org.dwlogs.report.trend;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dwlogs.ingest.InputException;
import org.dwlogs.report.ReportFolder;
import org.dwlogs.report.ReportTable;

/**
 * What a run is compared with: the earlier runs shown in the page's 30-day charts
 * ({@code history}, oldest first), those the trends are computed over ({@code window}, the
 * last of them is the previous run), the compared days that had no complete report folder
 * ({@code missing}), this run's day (null for {@code report --baseline}) and {@code --fail-on}
 * (null without it).
 */
public record TrendInput(List<EarlierRun> history, List<EarlierRun> window, List<String> missing,
    LocalDate day, FailOn failOn) {
  /** How many days the page's per-issue charts cover, this day included. */
  public static final int CHART_DAYS = 30;
  private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd");

  public TrendInput {
    history = List.copyOf(history);
    window = List.copyOf(window);
    missing = List.copyOf(missing);
  }

  /**
   * The day folders {@code root/dt=D/} of the 29 days before {@code day} that are complete
   * ({@code _SUCCESS}) and hold a readable {@code issue_summary.csv}; the last seven of those
   * days are the window. A folder that cannot be read counts as missing, with a warning.
   */
  public static TrendInput nightly(FileSystem fs, Path root, LocalDate day, FailOn failOn,
      Consumer<String> warn) throws IOException {
    List<EarlierRun> history = new ArrayList<>();
    List<EarlierRun> window = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int back = CHART_DAYS - 1; back >= 1; back--) {
      LocalDate d = day.minusDays(back);
      Path folder = new Path(root, DAY_FOLDER.format(d));
      EarlierRun run = null;
      if (fs.exists(new Path(folder, ReportFolder.SUCCESS))) {
        try {
          run = new EarlierRun(d.toString(), d, read(fs, folder));
        } catch (IOException | InputException e) {
          warn.accept("day " + d + " is left out of the trends: " + e.getMessage());
        }
      }
      if (run != null) {
        history.add(run);
      }
      if (back <= Trends.WINDOW_DAYS) {
        if (run != null) {
          window.add(run);
        } else {
          missing.add(d.toString());
        }
      }
    }
    return new TrendInput(history, window, missing, day, failOn);
  }

  /** One earlier report folder as the only run to compare with. */
  public static TrendInput baseline(FileSystem fs, Path folder, FailOn failOn) throws IOException {
    EarlierRun run = new EarlierRun(folder.getName(), null, read(fs, folder));
    return new TrendInput(List.of(run), List.of(run), List.of(), null, failOn);
  }

  /** issue_id to counts from {@code folder/issue_summary.csv}; issues with none are left out. */
  static Map<String, IssueCounts> read(FileSystem fs, Path folder) throws IOException {
    Path file = new Path(folder, ReportTable.ISSUE_SUMMARY.fileName());
    try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8);
        CSVReader csv = new CSVReaderBuilder(in)
            .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
      String[] header = csv.readNext();
      List<String> columns = header == null ? List.of() : Arrays.asList(header);
      int id = columns.indexOf("issue_id");
      int occurrences = columns.indexOf("occurrences");
      int sessions = columns.indexOf("sessions");
      if (id < 0 || occurrences < 0 || sessions < 0) {
        throw new InputException(file + " has no issue_id, occurrences and sessions columns");
      }
      Map<String, IssueCounts> out = new HashMap<>();
      String[] row;
      while ((row = csv.readNext()) != null) {
        if (row.length != columns.size()) {
          throw new InputException(file + " line " + csv.getLinesRead() + ": " + row.length
              + " cells, the header has " + columns.size());
        }
        IssueCounts c = new IssueCounts(count(file, row[occurrences]), count(file, row[sessions]));
        if (c.occurrences() > 0) {
          out.put(row[id], c);
        }
      }
      return out;
    } catch (FileNotFoundException e) {
      throw new InputException(folder + " has no " + ReportTable.ISSUE_SUMMARY.fileName()
          + ": not a dwlogs report folder");
    } catch (CsvException e) {
      throw new InputException(file + ": not valid CSV: " + e.getMessage());
    }
  }

  private static long count(Path file, String cell) {
    try {
      long n = Long.parseLong(cell);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InputException(file + ": '" + cell + "' is not a count");
  }
}
