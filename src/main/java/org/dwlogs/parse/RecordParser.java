package org.dwlogs.parse;

import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dwlogs.config.JobConfig;

/**
 * Turns raw records of every format into {@link LogRecord}s or {@link Malformed}s. Plain Java,
 * no Spark: built once per partition from the configuration, used for every record.
 */
public final class RecordParser {
  private final Pattern header;
  /** Names the header in reasons: the key for the default layout, else the layout. */
  private final String headerKey;
  private final TimestampParser timestamps;
  private final Levels levels;
  private final IdExtractor ids;

  /** A parser whose text records have the default layout ({@code text.header}). */
  public RecordParser(JobConfig config, ZoneId zone) {
    this(config, zone, config.text().layoutsInOrder().get(0), false);
  }

  /** A parser whose text records have {@code layout}, slash dates read day first or not. */
  public RecordParser(JobConfig config, ZoneId zone, JobConfig.Layout layout, boolean dayFirst) {
    this.header = Pattern.compile(layout.header());
    this.headerKey = JobConfig.TextLayout.DEFAULT_LAYOUT.equals(layout.name()) ? "text.header"
        : "the header of layout " + layout.name();
    this.timestamps = new TimestampParser(config.timestampFormats(), zone, dayFirst);
    this.levels = new Levels(config.levels());
    this.ids = new IdExtractor(config.ids().session(), config.ids().activity());
  }

  public IdExtractor ids() {
    return ids;
  }

  /**
   * Parses a text record: its first line holds timestamp, level, optional {@code [component]}
   * and the start of the message; the following lines continue the message.
   */
  public Parsed parseText(String source, Position position, String text, boolean truncated) {
    int newline = text.indexOf('\n');
    // Match the first line in place: the message is then the rest of the text, uncopied.
    Matcher m = header.matcher(text).region(0, newline < 0 ? text.length() : newline);
    if (!m.matches()) {
      return Malformed.of(source, position, Malformed.Kind.BAD_HEADER,
          "first line does not match " + headerKey, text);
    }
    Long ts = timestamps.parse(m.group("ts"));
    if (ts == null) {
      return Malformed.of(source, position, Malformed.Kind.BAD_TIMESTAMP,
          "unreadable timestamp '" + m.group("ts") + "'", text);
    }
    String level = null;
    String component = group(m, "component");
    String message;
    String word = group(m, "level");
    if (word != null && levels.canonical(word) != null) {
      level = levels.canonical(word);
      message = text.substring(m.start("message"));
    } else if (word != null) {
      // Not a level word: it is the start of the message, brackets and all.
      message = text.substring(m.start("level"));
      component = null;
    } else {
      message = text.substring(m.start("message"));
    }
    return record(source, position, ts, level, component, message, null, null, truncated);
  }

  /** Builds a record from named fields (JSON Lines and CSV); blank values count as absent. */
  public LogRecord fromFields(String source, Position position, String timestamp, String level,
      String component, String message, String session, String activity) {
    return fromFields(source, position, timestamp, level, component, message, session, activity,
        false, null);
  }

  /** As above, for a record that was cut at the bound and carries other fields. */
  public LogRecord fromFields(String source, Position position, String timestamp, String level,
      String component, String message, String session, String activity, boolean truncated,
      String otherFields) {
    LogRecord r = record(source, position, timestamps.parse(timestamp), levels.canonical(level),
        blankToNull(component), message, session, activity, truncated);
    return otherFields == null ? r : new LogRecord(r.source(), r.position(), r.timestampMillis(),
        r.level(), r.component(), r.message(), r.sessionId(), r.activityId(), r.truncated(),
        otherFields);
  }

  private LogRecord record(String source, Position position, Long ts, String level,
      String component, String message, String sessionField, String activityField,
      boolean truncated) {
    String session = IdExtractor.normalize(sessionField);
    String activity = IdExtractor.normalize(activityField);
    if (session == null) {
      session = ids.sessionId(message);
    }
    if (activity == null) {
      activity = ids.activityId(message);
    }
    if (component != null && (session == null || activity == null)) {
      // An ID may be written in the component brackets: "ERROR [SessionId=...] message".
      if (session == null) {
        session = ids.sessionId(component);
      }
      if (activity == null) {
        activity = ids.activityId(component);
      }
      if (ids.removeNotations(component).isBlank()) {
        component = null; // the brackets held only IDs, no component name
      }
    }
    return new LogRecord(source, position, ts, level, component, message, session, activity,
        truncated);
  }

  private static String group(Matcher m, String name) {
    try {
      return blankToNull(m.group(name));
    } catch (IllegalArgumentException e) {
      return null; // the configured header has no such group
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
