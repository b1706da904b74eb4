package org.dwlogs.report.html;

import java.util.regex.Pattern;
import org.dwlogs.report.trend.Status;

/** The page's table cells and badges: our own class names around escaped values. */
final class Tags {
  private static final Pattern TIMESTAMP_BREAK = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T)");

  private Tags() {}

  /** A cell whose class names its CSV column (a constant of ours) and whose text is escaped. */
  static String td(String column, String value) {
    String text = Html.text(value);
    if (column.equals("first_seen") || column.equals("last_seen")) {
      text = TIMESTAMP_BREAK.matcher(text).replaceFirst("$1<wbr>"); // date and time may wrap apart
    }
    return "<td class=\"" + column + "\">" + text + "</td>";
  }

  static String tdNum(String column, String value) {
    return "<td class=\"num " + column + "\">" + Html.text(value) + "</td>";
  }

  static String badge(Status s) {
    return "<span class=\"badge " + s.label() + "\">" + s.label() + "</span>";
  }
}
