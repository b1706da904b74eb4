package org.dwlogs.generate;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.dwlogs.generate.Layout.Format;
import org.dwlogs.generate.Layout.Stamp;
import org.dwlogs.generate.MessageTemplates.Template;
import org.dwlogs.generate.Truth.Kind;

/**
 * Writes one file from its own seeded random numbers, so its bytes depend only on the seed
 * and its {@link FileSpec}, never on other threads. Counts every record in a
 * {@link Truth.Tally} as it is written.
 */
final class LogFileWriter implements Callable<Truth.Tally> {
  /** Share of records that are errors no catalog entry describes, near-misses included. */
  static final double NEAR_MISS_RATE = 0.002;
  static final double UNKNOWN_ERROR_RATE = 0.003;
  static final double WARN_RATE = 0.05;
  static final double INFO_RATE = 0.55;
  static final double DEBUG_RATE = 0.33;

  private static final String[] SESSION_NOTATIONS =
      {"Session ID: ", "SessionId=", "sessionId: ", "session=", "session_id=", "SESSION_ID="};
  private static final String[] ACTIVITY_NOTATIONS = {"Root activity ID: ", "activityId=",
      "ActivityId: ", "activity=", "activity_id=", "Root Activity ID: "};
  private static final Ids.Style[] STYLES = Ids.Style.values();

  /** Canonical levels, in the order of the word tables below. */
  private static final int ERROR = 0, FATAL = 1, CRITICAL = 2, WARN = 3, INFO = 4, DEBUG = 5, TRACE = 6;
  private static final String[] CANONICAL = {"ERROR", "FATAL", "CRITICAL", "WARN", "INFO", "DEBUG", "TRACE"};
  private static final String[][] WORDS = {
      {"ERROR", "FATAL", "CRITICAL", "WARN", "INFO", "DEBUG", "TRACE"},
      {"ERROR", "FATAL", "CRITICAL", "WARNING", "INFO", "DEBUG", "TRACE"},
      {"Error", "Fatal", "Critical", "Warning", "Information", "Debug", "Verbose"},
      {"error", "fatal", "critical", "warn", "info", "debug", "trace"}};
  /** Rarer spellings that conf/dwlogs.yaml also reads. */
  private static final String[] ODD_WORDS = {"Err", "fatal", "CRIT", "warning", "information", "Debug", "VERBOSE"};

  /** What the generator knows of a record, for tests that check it against the job's parser. */
  record Written(String file, Format format, String levelWord, String level, String message,
      String sessionField, String activityField, String issue, String session, String activity,
      long timestamp, String template, String raw) {}

  /** Receives every record as written; tests only. */
  interface Observer {
    void written(Written record);
  }

  private final FileSpec spec;
  private final Layout layout;
  private final Ids ids;
  private final MessageTemplates templates;
  /** Entries whose text other products write too: their records go out in dual-write context. */
  private final java.util.Set<String> genericIssues;
  private final List<String> issues;
  private final double[] issueWeights;
  private final double errorRate;
  private final Observer observer;
  private final Path root;
  private final SplittableRandom rng;
  private final Truth.Tally tally;

  private StringBuilder head = new StringBuilder(512);
  private StringBuilder message = new StringBuilder(2048);
  private StringBuilder line = new StringBuilder(4096);
  private final StringBuilder sessionText = new StringBuilder(40);
  private final StringBuilder activityText = new StringBuilder(40);
  private final String[][] stack = new String[1][];
  private long cachedDay = Long.MIN_VALUE;
  private final char[] dayChars = new char[10];
  private long recId = 5_637_144_576L;

  LogFileWriter(Path root, FileSpec spec, Ids ids, MessageTemplates templates, List<String> issues,
      java.util.Set<String> genericIssues, double[] issueWeights, double errorRate,
      Observer observer) {
    this.genericIssues = java.util.Set.copyOf(genericIssues);
    this.root = root;
    this.spec = spec;
    this.layout = spec.layout();
    this.ids = ids;
    this.templates = templates;
    this.issues = issues;
    this.issueWeights = issueWeights;
    this.errorRate = errorRate;
    this.observer = observer;
    this.rng = new SplittableRandom(spec.seed());
    this.tally = new Truth.Tally(issues);
  }

  /** Counts the bytes that reach the file (after compression). */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Gzip at a fast level: the archive files are a small share, and speed matters more. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16, true);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  @Override
  public Truth.Tally call() throws IOException {
    Path file = root.resolve(spec.path());
    Files.createDirectories(file.getParent());
    Counting disk = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    OutputStream out = layout.gzip ? new FastGzip(disk) : disk;
    try (ByteSink sink = new ByteSink(out)) {
      if (layout.format == Format.CSV) {
        sink.append(layout == Layout.ERRORLOG
            ? "RecId,Created On,Level,Project Name,Table Map,Session ID,Activity ID,Message\r\n"
            : "timestamp,severity,table_map,status,session_id,Root Activity ID,message,duration_ms\n");
      }
      long target = spec.targetBytes();
      long syncEvery = Math.max(4096, Math.min(1 << 18, target * 2));
      long synced = 0;
      while (true) {
        long written = layout.gzip ? disk.count : sink.count();
        if (written >= target) {
          break;
        }
        double progress;
        if (layout.gzip) {
          double ratio = disk.count > 0 ? (double) sink.count() / disk.count : 6.0;
          progress = sink.count() / (target * ratio);
        } else {
          progress = (double) written / target;
        }
        writeRecord(sink, Math.min(progress, 0.9999));
        if (layout.gzip && sink.count() - synced >= syncEvery) {
          // A sync flush makes the deflater emit what it holds, so the size on disk is known.
          sink.flush();
          out.flush();
          synced = sink.count();
        }
      }
    }
    tally.bytes = Files.size(file);
    return tally;
  }

  private void writeRecord(ByteSink sink, double progress) throws IOException {
    long span = spec.toMillis() - spec.fromMillis();
    long ts = spec.fromMillis() + (long) (progress * span) + rng.nextInt(1500);
    if (ts >= spec.toMillis()) {
      ts = spec.toMillis() - 1 - rng.nextInt(1000);
    }
    if (!layout.stamp.millis) {
      ts -= Math.floorMod(ts, 1000L);
    }

    // What the record is: kind, level, component, and its message text or template.
    head.setLength(0);
    stack[0] = null;
    Template template = null;
    int issue = -1;
    int level;
    String component;
    Kind kind;
    double u = rng.nextDouble();
    double sessionChance;
    if (u < errorRate) {
      kind = Kind.CATALOG;
      issue = pickIssue();
      List<Template> list = templates.byIssue().get(issues.get(issue));
      template = list.get(rng.nextInt(list.size()));
      double l = rng.nextDouble();
      level = l < 0.93 ? ERROR : l < 0.95 ? CRITICAL : WARN;
      component = Vocabulary.pick(rng, Vocabulary.COMPONENTS);
      if (genericIssues.contains(template.expect())) {
        component = "DualWriteSync"; // a file without the component (AOS) has it in its path
      }
      if (rng.nextInt(4) == 0) {
        stack[0] = Vocabulary.STACK_ENSURE;
      }
      sessionChance = 0.9;
    } else if ((u -= errorRate) < NEAR_MISS_RATE) {
      kind = Kind.NEAR_MISS;
      List<Template> list = templates.nearMisses();
      template = list.get(rng.nextInt(list.size()));
      level = rng.nextInt(10) == 0 ? WARN : ERROR;
      component = Vocabulary.pick(rng, Vocabulary.NEUTRAL_COMPONENTS);
      sessionChance = 0.75;
    } else if ((u -= NEAR_MISS_RATE) < UNKNOWN_ERROR_RATE) {
      kind = Kind.UNKNOWN_ERROR;
      component = Vocabulary.unknownError(rng, head, stack);
      int l = rng.nextInt(100);
      level = l < 88 ? ERROR : l < 93 ? FATAL : CRITICAL;
      sessionChance = 0.75;
    } else if ((u -= UNKNOWN_ERROR_RATE) < WARN_RATE) {
      kind = Kind.WARN;
      component = Vocabulary.warn(rng, head, stack);
      level = WARN;
      sessionChance = 0.7;
    } else if ((u -= WARN_RATE) < INFO_RATE) {
      kind = Kind.INFO;
      component = Vocabulary.info(rng, head);
      level = INFO;
      sessionChance = 0.6;
    } else if ((u -= INFO_RATE) < DEBUG_RATE) {
      kind = Kind.DEBUG;
      component = Vocabulary.debug(rng, head);
      level = DEBUG;
      sessionChance = 0.5;
    } else {
      kind = Kind.TRACE;
      component = Vocabulary.trace(rng, head);
      level = TRACE;
      sessionChance = 0.3;
    }

    // Its session and activity, by pool index.
    int session = rng.nextDouble() < sessionChance ? pickSession() : -1;
    if (template != null && template.hasSession() && session < 0) {
      session = pickSession();
    }
    int activity;
    double a = rng.nextDouble();
    if (session >= 0) {
      activity = a < 0.8 ? sessionActivity(session) : a < 0.9 ? looseActivity() : -1;
    } else {
      activity = a < 0.5 ? looseActivity() : -1;
    }
    if (template != null && template.hasActivity() && activity < 0) {
      activity = looseActivity();
    }

    // Where the IDs go: text records carry them in the message; JSON and CSV records mostly
    // in their fields, sometimes only in the message, sometimes in both.
    boolean fields;
    boolean inText;
    boolean conflict = false;
    if (layout.format == Format.TEXT) {
      fields = false;
      inText = true;
    } else {
      double m = rng.nextDouble();
      fields = m < 0.70 || m >= 0.93;
      inText = m >= 0.70;
      if (m < 0.70 && template != null && (template.hasSession() || template.hasActivity())) {
        conflict = rng.nextInt(50) == 0; // the message names other IDs: the fields win
      }
    }
    int fieldSession = fields ? session : -1;
    int fieldActivity = fields ? activity : -1;

    // The message: the text, the IDs, the stack trace.
    message.setLength(0);
    if (template != null) {
      int placeholderSession = conflict ? otherSession(session) : session;
      int placeholderActivity = conflict && activity >= 0 ? looseActivity() : activity;
      for (String part : template.parts()) {
        if (part == MessageTemplates.SESSION) {
          ids.appendSession(message, placeholderSession, style());
        } else if (part == MessageTemplates.ACTIVITY) {
          ids.appendActivity(message, placeholderActivity, style());
        } else {
          message.append(part);
        }
      }
    } else {
      message.append(head);
    }
    boolean suffixSession = inText && session >= 0 && (template == null || !template.hasSession());
    boolean suffixActivity = inText && activity >= 0 && (template == null || !template.hasActivity());
    if (suffixSession || suffixActivity) {
      appendIdSuffix(suffixSession ? session : -1, suffixActivity ? activity : -1);
    }
    if (stack[0] != null) {
      for (String s : stack[0]) {
        message.append('\n').append(s);
      }
    }

    String word = rng.nextInt(50) == 0 ? ODD_WORDS[level] : WORDS[layout.words.ordinal()][level];
    boolean errorLevel = level <= CRITICAL;
    int effectiveSession = fieldSession >= 0 ? fieldSession : (inText ? session : -1);
    int effectiveActivity = fieldActivity >= 0 ? fieldActivity : (inText ? activity : -1);
    tally.record(kind, ts, errorLevel, issue, effectiveSession, effectiveActivity);

    line.setLength(0);
    switch (layout.format) {
      case TEXT -> text(ts, word, component);
      case JSONL -> json(ts, word, component, fieldSession, fieldActivity);
      case CSV -> csv(ts, word, component, fieldSession, fieldActivity);
    }
    sink.append(line);

    if (observer != null) {
      observer.written(new Written(spec.path(), layout.format, word, CANONICAL[level],
          message.toString(), fieldSession >= 0 ? ids.session(fieldSession) : null,
          fieldActivity >= 0 ? ids.activity(fieldActivity) : null,
          issue >= 0 ? issues.get(issue) : null,
          effectiveSession >= 0 ? ids.session(effectiveSession) : null,
          effectiveActivity >= 0 ? ids.activity(effectiveActivity) : null, ts,
          template == null ? kind.name() : template.id(), line.toString()));
    }
    if (template != null && template.wide()) {
      // Text beyond Latin-1 turns a StringBuilder to two bytes a char for good: start afresh.
      head = new StringBuilder(512);
      message = new StringBuilder(2048);
      line = new StringBuilder(4096);
    }
  }

  private int pickIssue() {
    double u = rng.nextDouble() * issueWeights[issueWeights.length - 1];
    for (int i = 0; i < issueWeights.length; i++) {
      if (u < issueWeights[i]) {
        return i;
      }
    }
    return issueWeights.length - 1;
  }

  /** A session, the low indexes far more often (a few busy integrations, a long tail). */
  private int pickSession() {
    double u = rng.nextDouble();
    return (int) (Ids.SESSIONS * u * u);
  }

  private int otherSession(int session) {
    return (session + 1 + rng.nextInt(Ids.SESSIONS - 1)) % Ids.SESSIONS;
  }

  private int sessionActivity(int session) {
    int owned = 1 + (int) (Ids.mix(session) & 3);
    return session * Ids.ACTIVITIES_PER_SESSION + rng.nextInt(owned);
  }

  private int looseActivity() {
    return Ids.SESSIONS * Ids.ACTIVITIES_PER_SESSION + rng.nextInt(Ids.LOOSE_ACTIVITIES);
  }

  private Ids.Style style() {
    int r = rng.nextInt(100);
    return r < 70 ? STYLES[0] : r < 85 ? STYLES[1] : r < 93 ? STYLES[2] : STYLES[3];
  }

  /** Session and activity notations after the message: inline, or on their own lines. */
  private void appendIdSuffix(int session, int activity) {
    sessionText.setLength(0);
    activityText.setLength(0);
    if (session >= 0) {
      sessionText.append(Vocabulary.pick(rng, SESSION_NOTATIONS));
      ids.appendSession(sessionText, session, style());
    }
    if (activity >= 0) {
      activityText.append(Vocabulary.pick(rng, ACTIVITY_NOTATIONS));
      ids.appendActivity(activityText, activity, style());
    }
    boolean both = session >= 0 && activity >= 0;
    int shape = rng.nextInt(layout.format == Format.TEXT ? 5 : 4);
    switch (shape) {
      case 0 -> message.append(" (").append(sessionText).append(both ? ", " : "").append(activityText).append(')');
      case 1 -> message.append(" [").append(sessionText).append(both ? "; " : "").append(activityText).append(']');
      case 2 -> message.append(' ').append(sessionText).append(both ? " " : "").append(activityText);
      default -> {
        String indent = shape == 3 ? "" : "    ";
        if (session >= 0) {
          message.append('\n').append(indent).append(sessionText);
        }
        if (activity >= 0) {
          message.append('\n').append(indent).append(activityText);
        }
      }
    }
  }

  // ------------------------------------------------------------------ formats --

  private void text(long ts, String word, String component) {
    stamp(ts, layout.stamp);
    line.append(' ').append(word).append(' ');
    if (layout != Layout.AOS || (message.length() > 0 && message.charAt(0) == '[')) {
      line.append('[').append(component).append("] ");
    }
    line.append(message).append('\n');
  }

  private void json(long ts, String word, String component, int session, int activity) {
    line.append('{');
    switch (layout) {
      case LIVESYNC -> {
        line.append("\"@timestamp\":\"");
        stamp(ts, layout.stamp);
        line.append("\",\"severity\":\"").append(word).append("\",\"component\":\"").append(component)
            .append("\",\"msg\":");
        jsonString(message);
        idField("session_id", session, true);
        idField("activity_id", activity, false);
      }
      case TELEMETRY -> {
        line.append("\"Time\":\"");
        stamp(ts, layout.stamp);
        line.append("\",\"Severity\":\"").append(word).append("\",\"Component\":\"").append(component)
            .append("\",\"Message\":");
        jsonString(message);
        idField("Session", session, true);
        idField("RootActivityId", activity, false);
        line.append(",\"Operation\":\"").append(rng.nextBoolean() ? "LiveSync" : "Export").append('"');
      }
      default -> {
        line.append("\"time\":");
        stamp(ts, layout.stamp);
        line.append(",\"level\":\"").append(word).append("\",\"component\":\"").append(component)
            .append("\",\"message\":");
        jsonString(message);
        idField("sessionId", session, true);
        idField("activityId", activity, false);
      }
    }
    line.append("}\n");
  }

  private void idField(String key, int id, boolean session) {
    if (id < 0) {
      if (rng.nextInt(4) == 0) {
        return;
      }
      line.append(",\"").append(key).append("\":").append(rng.nextBoolean() ? "\"\"" : "null");
      return;
    }
    line.append(",\"").append(key).append("\":\"");
    if (session) {
      ids.appendSession(line, id, style());
    } else {
      ids.appendActivity(line, id, style());
    }
    line.append('"');
  }

  private void jsonString(CharSequence s) {
    line.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }

  private void csv(long ts, String word, String component, int session, int activity) {
    String[] map = Vocabulary.pick(rng, Vocabulary.MAPS);
    if (layout == Layout.ERRORLOG) {
      line.append(recId++).append(',');
      stamp(ts, layout.stamp);
      line.append(',').append(word).append(",DWM-").append(component).append(',');
      csvField(map[0] + " (" + map[1] + ")");
      line.append(',');
      csvId(session, true);
      line.append(',');
      csvId(activity, false);
      line.append(',');
      csvField(message);
      line.append("\r\n");
    } else {
      stamp(ts, layout.stamp);
      line.append(',').append(word).append(',');
      csvField(map[0] + " (" + map[1] + ")");
      line.append(',').append(Vocabulary.STATUSES[rng.nextInt(Vocabulary.STATUSES.length)]).append(',');
      csvId(session, true);
      line.append(',');
      csvId(activity, false);
      line.append(',');
      csvField(message);
      line.append(',').append(rng.nextInt(5000)).append('\n');
    }
  }

  private void csvId(int id, boolean session) {
    if (id >= 0) {
      if (session) {
        ids.appendSession(line, id, style());
      } else {
        ids.appendActivity(line, id, style());
      }
    }
  }

  /** RFC 4180: quoted when the value holds a comma, a quote or a line break; quotes doubled. */
  private void csvField(CharSequence s) {
    boolean quote = false;
    for (int i = 0, n = s.length(); i < n && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(s);
      return;
    }
    line.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }

  // --------------------------------------------------------------- timestamps --

  private void stamp(long ts, Stamp stamp) {
    if (stamp == Stamp.EPOCH_MILLIS) {
      line.append(ts);
      return;
    }
    long local = ts + stamp.offsetMinutes * 60_000L;
    long day = Math.floorDiv(local, FileSpec.DAY);
    if (day != cachedDay) {
      LocalDate d = LocalDate.ofEpochDay(day);
      String s = d.toString();
      s.getChars(0, 10, dayChars, 0);
      cachedDay = day;
    }
    int ms = (int) Math.floorMod(local, FileSpec.DAY);
    line.append(dayChars);
    boolean iso = stamp == Stamp.ISO_Z || stamp == Stamp.PLUS_TWO || stamp == Stamp.MINUS_FIVE
        || stamp == Stamp.ISO_7;
    line.append(iso ? 'T' : ' ');
    two(ms / 3_600_000);
    line.append(':');
    two(ms / 60_000 % 60);
    line.append(':');
    two(ms / 1000 % 60);
    if (stamp.millis) {
      line.append(stamp == Stamp.COMMA_MILLIS ? ',' : '.');
      int f = ms % 1000;
      line.append((char) ('0' + f / 100)).append((char) ('0' + f / 10 % 10)).append((char) ('0' + f % 10));
      if (stamp == Stamp.ISO_7) {
        line.append("0000");
      }
    }
    switch (stamp) {
      case ISO_Z, ISO_7 -> line.append('Z');
      case PLUS_TWO -> line.append("+02:00");
      case MINUS_FIVE -> line.append("-05:00");
      default -> { }
    }
  }

  private void two(int v) {
    line.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
