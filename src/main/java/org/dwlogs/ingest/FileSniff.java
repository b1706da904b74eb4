package org.dwlogs.ingest;

import java.io.Serializable;

/**
 * What the first bytes of one input file tell about reading all of it: its encoding (and the
 * label the manifest gives it), and for text logs the layout detected and whether its slash
 * dates are day first. Found once per file on the driver, so every split of a file is read
 * the same way.
 *
 * @param layout the name of the text layout, {@link #NO_LAYOUT} when no layout finds a record
 *     start in the file's first lines, or null for JSON Lines and CSV files
 */
public record FileSniff(TextEncoding encoding, String encodingLabel, String layout,
    boolean dayFirst) implements Serializable {
  /** The layout of a text file in which no known layout finds a record start. */
  public static final String NO_LAYOUT = "none";

  /** How a file that cannot be opened is read (it is then reported as unreadable). */
  static FileSniff unknown(LogFormat format, String defaultLayout) {
    return new FileSniff(TextEncoding.UTF_8, TextEncoding.UTF_8.label(),
        format == LogFormat.TEXT ? defaultLayout : null, false);
  }

  /** True when the file's lines are each malformed: no record start was found. */
  public boolean noRecordStart() {
    return NO_LAYOUT.equals(layout);
  }
}
