package org.dwlogs.parse;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dwlogs.config.JobConfig;

/**
 * Turns raw records of every format into {@link LogRecord}s or {@link Malformed}s. Plain Java,
 * no Spark: built once per partition from the configuration, used for every record; not
 * thread-safe.
 */
public final class RecordParser {
  private final Pattern header;
  /**
   * The header without its final {@code (?<message>.*)$}, when it ends so, or null: on a
   * first line of ASCII (no line terminator in it) that tail always matches the rest of the
   * line, so finding where the message starts need not read the message.
   */
  private final Pattern headerToMessage;
  /** Names the header in reasons: the key for the default layout, else the layout. */
  private final String headerKey;
  private final TimestampParser timestamps;
  private final Levels levels;
  private final IdExtractor ids;
  /** Where the ID markers are in a noise record's message ({@link NoiseTest#markersAt}). */
  private final int[] markerAt;
  /** The byte path's header matcher, reused for every record (a parser is one task's). */
  private Matcher noiseHeader;

  /** A parser whose text records have the default layout ({@code text.header}). */
  public RecordParser(JobConfig config, ZoneId zone) {
    this(config, zone, config.text().layoutsInOrder().get(0), false);
  }

  /** A parser whose text records have {@code layout}, slash dates read day first or not. */
  public RecordParser(JobConfig config, ZoneId zone, JobConfig.Layout layout, boolean dayFirst) {
    this.header = Pattern.compile(layout.header());
    this.headerToMessage = headerToMessage(layout.header());
    this.headerKey = JobConfig.TextLayout.DEFAULT_LAYOUT.equals(layout.name()) ? "text.header"
        : "the header of layout " + layout.name();
    this.timestamps = new TimestampParser(config.timestampFormats(), zone, dayFirst);
    this.levels = new Levels(config.levels());
    this.ids = new IdExtractor(config.ids().session(), config.ids().activity());
    this.markerAt = new int[ids.markers().size()];
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

  /**
   * What the byte path asks of a record before it counts it as noise (see {@link #parseNoise}).
   */
  public interface NoiseTest {
    /** True when {@code level} (canonical) makes the record an error whatever its text. */
    boolean isError(String level);

    /**
     * True when a catalog entry may match the record whose message is {@code text} from
     * {@code messageFrom} on, with the component {@code text[componentFrom, componentTo)} in
     * front ({@code componentFrom < 0}: none).
     */
    boolean mayMatch(AsciiText text, int componentFrom, int componentTo, int messageFrom);

    /**
     * After {@link #mayMatch} said no: where each of {@code markers} first occurs in the
     * message {@code text[messageFrom, ...)}, ignoring case, put in {@code out} as an index in
     * the message (-1: absent; another negative value: not known). False when this test did
     * not locate these markers at all.
     */
    default boolean markersAt(List<String> markers, AsciiText text, int messageFrom, int[] out) {
      return false;
    }
  }

  /**
   * The text record in ASCII {@code text}, whose first line ends at {@code firstLineEnd}, as
   * a {@link NoiseRecord}, read in place exactly as
   * {@link #parseText} reads it, when it is well formed, not at an error level and
   * {@code test} says no catalog entry can match it; else null, and the caller parses it
   * whole. Most records of a log are such noise: none of them is copied to a string.
   */
  public NoiseRecord parseNoise(String source, long offset, AsciiText text, int firstLineEnd,
      boolean truncated, NoiseTest test) {
    int length = text.length();
    if (noiseHeader == null) {
      noiseHeader = (headerToMessage == null ? header : headerToMessage).matcher("");
    }
    Matcher m = noiseHeader.reset(text).region(0, firstLineEnd);
    if (!(headerToMessage == null ? m.matches() : m.lookingAt())) {
      return null;
    }
    Long ts = timestamps.parse(m.group("ts"));
    if (ts == null) {
      return null;
    }
    int[] word = strippedGroup(m, text, "level");
    String level = word == null ? null : levels.canonical(text, word[0], word[1]);
    int messageFrom;
    int[] component = null;
    if (word != null && level == null) {
      messageFrom = m.start("level"); // not a level word: the message starts there
    } else {
      messageFrom = m.start("message");
      component = strippedGroup(m, text, "component");
    }
    if (messageFrom < 0 || (level != null && test.isError(level))) {
      return null;
    }
    if (test.mayMatch(text, component == null ? -1 : component[0],
        component == null ? -1 : component[1], messageFrom)) {
      return null;
    }
    AsciiText message = text.subSequence(messageFrom, length);
    String session;
    String activity;
    if (test.markersAt(ids.markers(), text, messageFrom, markerAt)) {
      session = ids.sessionId(message, markerAt);
      activity = ids.activityId(message, markerAt);
    } else {
      session = ids.sessionId(message);
      activity = ids.activityId(message);
    }
    if (component != null && (session == null || activity == null)) {
      CharSequence c = text.subSequence(component[0], component[1]);
      session = session == null ? ids.sessionId(c) : session;
      activity = activity == null ? ids.activityId(c) : activity;
    }
    return new NoiseRecord(source, offset, ts, truncated, false, false, session, activity);
  }

  private static final String MESSAGE_TAIL = "(?<message>.*)$";

  private static Pattern headerToMessage(String header) {
    if (!header.endsWith(MESSAGE_TAIL) || RegexHints.hasTopLevelAlternation(header)) {
      return null;
    }
    String head = header.substring(0, header.length() - MESSAGE_TAIL.length());
    int backslashes = 0;
    while (backslashes < head.length() && head.charAt(head.length() - 1 - backslashes) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return null; // the tail's parenthesis is an escaped, literal one
    }
    try {
      return Pattern.compile(head + "(?<message>)");
    } catch (java.util.regex.PatternSyntaxException e) {
      return null;
    }
  }

  /**
   * Where the group is in {@code text} (the matcher's) without its surrounding white space
   * (as {@link String#strip} sees it); null when absent or blank.
   */
  private static int[] strippedGroup(Matcher m, CharSequence text, String name) {
    int from;
    int to;
    try {
      from = m.start(name);
      to = m.end(name);
    } catch (IllegalArgumentException e) {
      return null; // the configured header has no such group
    }
    if (from < 0) {
      return null;
    }
    int start = from;
    int end = to;
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : new int[] {start, end};
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
