package org.dwlogs.aggregate;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The report tables as Spark aggregations over {@link ReportRows}. Distinct counts are exact
 * ({@code countDistinct}); every table has a total order, so reruns write identical files.
 * Timestamps stay epoch milliseconds here; the report writer formats them.
 */
public final class ReportTables {
  private ReportTables() {}

  private static Column isRecord() {
    return col("kind").equalTo(ReportRows.KIND_RECORD);
  }

  private static Column firstRow() {
    return isRecord().and(col("match_rank").equalTo(0));
  }

  /** The sum of a counter column: 0, not null, over no rows at all. */
  private static Column sumOf(String counter) {
    return coalesce(sum(col(counter)), lit(0L));
  }

  /** How many rows meet {@code condition}: 0, not null, over no rows at all. */
  private static Column countWhere(Column condition) {
    return coalesce(sum(when(condition, 1L).otherwise(0L)), lit(0L));
  }

  /**
   * Every row but the per-partition distinct-ID rows, which only {@link #totals} reads: what
   * the report tables are computed from.
   */
  public static Dataset<Row> withoutIdRows(Dataset<Row> rows) {
    return rows.filter(col("kind").notEqual(ReportRows.KIND_SESSION)
        .and(col("kind").notEqual(ReportRows.KIND_ACTIVITY)));
  }

  /** Rows of records that matched a catalog entry (one per record and entry). */
  public static Dataset<Row> matched(Dataset<Row> rows) {
    return rows.filter(isRecord().and(col("issue_id").isNotNull()));
  }

  /**
   * One row of run totals: records, malformed, truncated, matched_records,
   * unmatched_error_records, records_without_timestamp, invalid_utf8, control_chars,
   * sessions, activities. Sums of the per-row counters, so noise aggregated per partition
   * and detail rows add up alike; distinct IDs over detail and ID rows.
   */
  public static Row totals(Dataset<Row> rows) {
    return rows.agg(
        sumOf("n_records").as("records"),
        countWhere(col("kind").equalTo(ReportRows.KIND_MALFORMED)).as("malformed"),
        sumOf("n_truncated").as("truncated"),
        countWhere(firstRow().and(col("issue_id").isNotNull())).as("matched_records"),
        countWhere(firstRow().and(col("pattern").isNotNull())).as("unmatched_error_records"),
        sumOf("n_without_ts").as("records_without_timestamp"),
        sumOf("n_invalid_utf8").as("invalid_utf8"),
        sumOf("n_control_chars").as("control_chars"),
        countDistinct(col("session_id")).as("sessions"),
        countDistinct(col("activity_id")).as("activities"))
        .first();
  }

  /**
   * Per source file: source, records, malformed, truncated, records_without_timestamp,
   * invalid_utf8, control_chars (the last two count records kept despite them).
   */
  public static Dataset<Row> perFile(Dataset<Row> rows) {
    return rows.filter(col("source").isNotNull()).groupBy("source").agg(
            sumOf("n_records").as("records"),
            countWhere(col("kind").equalTo(ReportRows.KIND_MALFORMED)).as("malformed"),
            sumOf("n_truncated").as("truncated"),
            sumOf("n_without_ts").as("records_without_timestamp"),
            sumOf("n_invalid_utf8").as("invalid_utf8"),
            sumOf("n_control_chars").as("control_chars"))
        .orderBy("source");
  }

  /** Malformed records per source file and kind: source, malformed_kind, count. */
  public static Dataset<Row> malformedByKind(Dataset<Row> rows) {
    return rows.filter(col("kind").equalTo(ReportRows.KIND_MALFORMED))
        .groupBy("source", "malformed_kind").agg(count(lit(1)).as("count"))
        .orderBy("source", "malformed_kind");
  }

  /** The malformed records themselves, in file order: source, position_kind, position, malformed_kind, reason, raw. */
  public static Dataset<Row> quarantine(Dataset<Row> rows) {
    return rows.filter(col("kind").equalTo(ReportRows.KIND_MALFORMED))
        .select("source", "position_kind", "position", "malformed_kind", "reason", "raw")
        .orderBy("source", "position");
  }

  /**
   * Per issue: issue_id, occurrences, sessions, activities, records_without_session,
   * first_seen, last_seen. Issues that never matched are absent; the writer adds them.
   */
  public static Dataset<Row> issueSummary(Dataset<Row> matched) {
    return matched.groupBy("issue_id").agg(
            count(lit(1)).as("occurrences"),
            countDistinct(col("session_id")).as("sessions"),
            countDistinct(col("activity_id")).as("activities"),
            countWhere(col("session_id").isNull()).as("records_without_session"),
            min("ts").as("first_seen"),
            max("ts").as("last_seen"))
        .orderBy("issue_id");
  }

  /** day, issue_id, occurrences, sessions; records without a timestamp have no day. */
  public static Dataset<Row> issueDaily(Dataset<Row> matched) {
    return matched.filter(col("day").isNotNull())
        .groupBy("day", "issue_id").agg(
            count(lit(1)).as("occurrences"),
            countDistinct(col("session_id")).as("sessions"))
        .orderBy("day", "issue_id");
  }

  /** session_id, issue_id, occurrences, first_seen, last_seen, activity_ids (sorted, ';'). */
  public static Dataset<Row> issueSessions(Dataset<Row> matched) {
    return matched.filter(col("session_id").isNotNull())
        .groupBy("session_id", "issue_id").agg(
            count(lit(1)).as("occurrences"),
            min("ts").as("first_seen"),
            max("ts").as("last_seen"),
            array_join(array_sort(collect_set(col("activity_id"))), ";").as("activity_ids"))
        .orderBy("session_id", "issue_id");
  }

  /** solution, found_version, required_version, table_map, occurrences, sessions. */
  public static Dataset<Row> versionMismatch(Dataset<Row> matched) {
    return matched
        .filter(col("solution").isNotNull()
            .or(col("found_version").isNotNull())
            .or(col("required_version").isNotNull()))
        .groupBy("solution", "found_version", "required_version", "table_map").agg(
            count(lit(1)).as("occurrences"),
            countDistinct(col("session_id")).as("sessions"))
        .orderBy(desc("occurrences"), col("solution").asc_nulls_first(),
            col("found_version").asc_nulls_first(), col("required_version").asc_nulls_first(),
            col("table_map").asc_nulls_first());
  }

  /**
   * issue_id, detail, value, occurrences, sessions: one row per value an extractor pulled out
   * of matched records (entity, table map, field, ...), sorted by issue, detail, then most
   * occurrences first, then value.
   */
  public static Dataset<Row> issueDetails(Dataset<Row> matched) {
    return matched.filter(col("details").isNotNull())
        .select(col("issue_id"), col("session_id"), explode(col("details")).as(new String[] {"detail", "value"}))
        .groupBy("issue_id", "detail", "value").agg(
            count(lit(1)).as("occurrences"),
            countDistinct(col("session_id")).as("sessions"))
        .orderBy(col("issue_id"), col("detail"), desc("occurrences"), col("value"));
  }

  /**
   * pattern, occurrences, sessions, first_seen, last_seen, example: unmatched error-level
   * records by pattern, most frequent first. The example is the first line of the earliest
   * record (ties broken by file and position), so it is the same on every run.
   */
  public static Dataset<Row> unmatchedErrors(Dataset<Row> rows) {
    Column order = struct(coalesce(col("ts"), lit(Long.MAX_VALUE)), col("source"), col("position"));
    return rows.filter(firstRow().and(col("pattern").isNotNull()))
        .groupBy("pattern").agg(
            count(lit(1)).as("occurrences"),
            countDistinct(col("session_id")).as("sessions"),
            min("ts").as("first_seen"),
            max("ts").as("last_seen"),
            min_by(col("example"), order).as("example"))
        .orderBy(desc("occurrences"), col("pattern"));
  }
}
