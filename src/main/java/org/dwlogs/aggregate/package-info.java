/**
 * Counting: from parsed and matched records to the report tables, in one pass. On the
 * executors, {@code PartitionScan} folds each partition into a {@code RunSummary} (per-file
 * counters, and per report key the occurrences and distinct IDs of matched records and
 * unmatched errors: it grows with those, not with the input) and the distinct session and
 * activity IDs of all its records, held compactly by {@code DistinctIds} (a canonical GUID is
 * two longs). {@code ScanAggregation} merges them in one Spark action: one shuffle brings the
 * summaries together and each hash bucket of IDs to one task, so that only bucket sizes reach
 * the driver; the malformed records ride the same shuffle and are read back from it, sorted,
 * for the quarantine. {@code ReportTables} reads the sorted tables off the merged summary in
 * the driver. {@code ErrorPatterns} masks the variable parts of unmatched errors so that they
 * group.
 */
package org.dwlogs.aggregate;
