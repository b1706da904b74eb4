package org.dwlogs.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.dwlogs.config.ConfigException;

/**
 * The search syntax: classic Lucene query-parser syntax over {@code message} by default, with
 * the catalog's settings (the {@link org.dwlogs.match.LogAnalyzer}, AND between terms, split
 * on whitespace), plus:
 *
 * <ul>
 *   <li>keyword fields ({@code level}, {@code component}, {@code session_id},
 *       {@code activity_id}, {@code issue_id}, {@code file}) compared ignoring case;
 *   <li>{@code timestamp:[A TO B]} with days ({@code 2026-11-20}) or ISO-8601 instants with a
 *       zone; a day stands for the whole UTC day, so {@code [2026-11-20 TO 2026-11-20]} is
 *       that day and {@code {2026-11-20 TO *]} starts the day after; {@code timestamp:2026-11-20}
 *       is that day too;
 *   <li>a field that the index does not have is an error, not silently no hits.
 * </ul>
 *
 * Not thread-safe (as QueryParser): one per query.
 */
public final class LogQueryParser extends QueryParser {
  public LogQueryParser() {
    super(IndexFields.MESSAGE, IndexFields.analyzer());
    setDefaultOperator(Operator.AND);
    setSplitOnWhitespace(true);
    setAllowLeadingWildcard(true);
  }

  /**
   * The query, or a {@link QuerySyntaxException} whose one-line message shows where the
   * error is.
   */
  public static Query compile(String query) {
    try {
      return new LogQueryParser().parse(query);
    } catch (ParseException e) {
      throw QuerySyntaxException.of(query, e);
    }
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    check(field);
    if (IndexFields.TIMESTAMP.equals(field)) {
      long[] range = bounds(queryText);
      return LongPoint.newRangeQuery(field, range[0], range[1] - 1);
    }
    return super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    check(field);
    return super.getFieldQuery(field, queryText, slop);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2,
      boolean startInclusive, boolean endInclusive) throws ParseException {
    check(field);
    if (!IndexFields.TIMESTAMP.equals(field)) {
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
    long lower = Long.MIN_VALUE;
    long upper = Long.MAX_VALUE; // exclusive below
    if (part1 != null) {
      long[] b = bounds(part1);
      lower = startInclusive ? b[0] : b[1];
    }
    if (part2 != null) {
      long[] b = bounds(part2);
      upper = endInclusive ? b[1] : b[0];
    }
    if (upper == Long.MIN_VALUE) {
      return new org.apache.lucene.search.MatchNoDocsQuery("empty timestamp range");
    }
    return LongPoint.newRangeQuery(field, lower, upper == Long.MAX_VALUE ? upper : upper - 1);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    check(field);
    noTimestamp(field, "wildcard");
    return super.getWildcardQuery(field, termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    check(field);
    noTimestamp(field, "prefix");
    return super.getPrefixQuery(field, termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    check(field);
    noTimestamp(field, "fuzzy");
    return super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    check(field);
    noTimestamp(field, "regular expression");
    return super.getRegexpQuery(field, termStr);
  }

  private static void check(String field) throws ParseException {
    if (!IndexFields.QUERYABLE.contains(field)) {
      TreeSet<String> known = new TreeSet<>(IndexFields.QUERYABLE);
      known.remove("*");
      throw new ParseException("unknown field '" + field + "' (the index has "
          + String.join(", ", known) + ")");
    }
  }

  private static void noTimestamp(String field, String what) throws ParseException {
    if (IndexFields.TIMESTAMP.equals(field)) {
      throw new ParseException("timestamp takes a day, an instant or a range [A TO B], not a "
          + what + " query");
    }
  }

  /**
   * The interval a bound names, [start, end) in epoch milliseconds: a UTC day is that day; an
   * instant is that millisecond.
   */
  static long[] bounds(String value) throws ParseException {
    String v = value.strip();
    try {
      LocalDate day = LocalDate.parse(v);
      return new long[] {day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
          day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()};
    } catch (DateTimeParseException notADay) {
      try {
        long at = OffsetDateTime.parse(v).toInstant().toEpochMilli();
        return new long[] {at, at + 1};
      } catch (DateTimeParseException notAnOffsetTime) {
        try {
          long at = Instant.parse(v).toEpochMilli();
          return new long[] {at, at + 1};
        } catch (DateTimeParseException e) {
          throw new ParseException("timestamp '" + value + "' is neither a UTC day (2026-11-20)"
              + " nor an ISO-8601 instant with a zone (2026-11-20T06:00:00Z)");
        }
      }
    }
  }

  /** A query that does not parse; the message is one line and says where. */
  public static final class QuerySyntaxException extends ConfigException {
    private QuerySyntaxException(String message, Throwable cause) {
      super(message, cause);
    }

    static QuerySyntaxException of(String query, ParseException e) {
      // QueryParser wraps the error as "Cannot parse '<query>': <error>"; the error's first
      // line holds the position ("at line 1, column 12"), the rest lists expected tokens.
      Throwable error = e.getCause() != null ? e.getCause() : e;
      String first = List.of(String.valueOf(error.getMessage()).split("\\R")).get(0).strip();
      String oneLineQuery = query.replaceAll("\\R", " ");
      return new QuerySyntaxException("query is not valid: " + first + " (in: " + oneLineQuery
          + ")", e);
    }
  }
}
