/**
 * Counting: from parsed and matched records to the report tables. {@code ReportRows} runs on
 * the executors, inside each partition: it folds the noise (records that match nothing and are
 * not errors) into per-file counts and distinct IDs, and keeps as rows only the matched
 * records, unmatched errors and malformed records. {@code ReportTables} turns those rows into
 * the report tables as Spark aggregations with exact distinct counts and a total order, which
 * the driver streams into the writers of {@code report}. {@code ErrorPatterns} masks the
 * variable parts of unmatched errors so that they group.
 */
package org.dwlogs.aggregate;
