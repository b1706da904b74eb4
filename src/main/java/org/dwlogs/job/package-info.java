/**
 * The Spark driver of a report: {@code ReportJob.run()} reads as its stages (list, sniff,
 * read-parse-match, then one stage per table, the page, the manifest, publish). Each stage is
 * timed for the manifest's {@code timings_ms} and labels its Spark jobs with its name, which the
 * Spark UI and {@code ProgressListener}'s console lines show. The scan (reading, parsing,
 * matching) runs on the executors, once, into cached rows that every later stage reads; the
 * tables are aggregated on the executors and streamed to the driver, which writes the files.
 * {@code ReportExtras} writes the trends, alerts and page; {@code RunResult} is what a run
 * returns; {@code RecordLookup} finds one record as the job reads it (for {@code explain}).
 */
package org.dwlogs.job;
