package org.dwlogs.aggregate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dwlogs.match.Match;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;

/**
 * Flattens parsed and matched records into the rows every report aggregates. A record gives
 * one row per matching catalog entry ({@code match_rank} 0, 1, ...), or one row with a null
 * {@code issue_id} when nothing matched; so counting {@code match_rank = 0} counts records.
 * Only unmatched error-level records carry their text (pattern and example): the rows of
 * noise records are a few IDs wide, which keeps the shuffles small.
 */
public final class ReportRows {
  public static final String KIND_RECORD = "record";
  public static final String KIND_MALFORMED = "malformed";

  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("position", DataTypes.LongType, false)
      .add("position_kind", DataTypes.StringType, false)
      .add("ts", DataTypes.LongType, true)
      .add("day", DataTypes.StringType, true)
      .add("level", DataTypes.StringType, true)
      .add("session_id", DataTypes.StringType, true)
      .add("activity_id", DataTypes.StringType, true)
      .add("issue_id", DataTypes.StringType, true)
      .add("match_rank", DataTypes.IntegerType, false)
      .add("solution", DataTypes.StringType, true)
      .add("found_version", DataTypes.StringType, true)
      .add("required_version", DataTypes.StringType, true)
      .add("table_map", DataTypes.StringType, true)
      .add("pattern", DataTypes.StringType, true)
      .add("example", DataTypes.StringType, true)
      .add("truncated", DataTypes.BooleanType, false)
      .add("invalid_utf8", DataTypes.BooleanType, false)
      .add("control_chars", DataTypes.BooleanType, false)
      .add("malformed_kind", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("raw", DataTypes.StringType, true);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  /** What a decoder puts where bytes were not valid UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private ReportRows() {}

  /** True when the text holds C0 control characters other than tab and line ends, or DEL. */
  static boolean hasControlChars(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /** The rows of one partition's records. */
  public static Iterator<Row> rows(Iterator<Parsed> records, SignatureMatcher matcher,
      IdExtractor ids, Set<String> errorLevels) {
    return new Iterator<>() {
      private final List<Row> buffer = new ArrayList<>(2);
      private int next;

      @Override
      public boolean hasNext() {
        while (next >= buffer.size() && records.hasNext()) {
          buffer.clear();
          next = 0;
          add(records.next(), buffer, matcher, ids, errorLevels);
        }
        return next < buffer.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return buffer.get(next++);
      }
    };
  }

  static void add(Parsed parsed, List<Row> out, SignatureMatcher matcher, IdExtractor ids,
      Set<String> errorLevels) {
    if (parsed instanceof Malformed m) {
      out.add(RowFactory.create(KIND_MALFORMED, m.source(), m.position().value(),
          m.position().kind().name().toLowerCase(java.util.Locale.ROOT), null, null, null, null,
          null, null, 0, null, null, null, null, null, null, false, false, false,
          m.kind().label(), m.reason(), m.raw()));
      return;
    }
    LogRecord r = (LogRecord) parsed;
    String day = r.timestampMillis() == null ? null
        : DAY.format(Instant.ofEpochMilli(r.timestampMillis()));
    String kind = r.position().kind().name().toLowerCase(java.util.Locale.ROOT);
    boolean invalidUtf8 = r.message().indexOf(REPLACEMENT) >= 0;
    boolean controlChars = hasControlChars(r.message());
    List<Match> matches = matcher.match(r.message());
    if (matches.isEmpty()) {
      boolean error = r.level() != null && errorLevels.contains(r.level());
      out.add(RowFactory.create(KIND_RECORD, r.source(), r.position().value(), kind,
          r.timestampMillis(), day, r.level(), r.sessionId(), r.activityId(), null, 0,
          null, null, null, null,
          error ? ErrorPatterns.of(r.message(), ids) : null,
          error ? ErrorPatterns.example(r.message()) : null,
          r.truncated(), invalidUtf8, controlChars, null, null, null));
      return;
    }
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      out.add(RowFactory.create(KIND_RECORD, r.source(), r.position().value(), kind,
          r.timestampMillis(), day, r.level(), r.sessionId(), r.activityId(), m.issueId(), i,
          m.field("solution"), m.field("foundVersion"), m.field("requiredVersion"),
          m.field("tableMap"), null, null, r.truncated(), invalidUtf8, controlChars, null, null,
          null));
    }
  }
}
