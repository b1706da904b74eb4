/**
 * The Spark driver of a report: {@code ReportJob.run()} reads as its stages (list, sniff,
 * read-parse-match, then one stage per table, the page, the manifest, publish). Each stage is
 * timed for the manifest's {@code timings_ms} and labels its Spark jobs with its name, which the
 * Spark UI and {@code ProgressListener}'s console lines show. The scan (reading, parsing,
 * matching, aggregating) runs on the executors, once, as one Spark action that merges compact
 * per-partition aggregates; the driver reads every table off the merged aggregate and writes
 * the files, and streams the quarantine from the scan's shuffle.
 * {@code ReportExtras} writes the trends, alerts and page; {@code RunResult} is what a run
 * returns; {@code RecordLookup} finds one record as the job reads it (for {@code explain}).
 */
package org.dwlogs.job;
