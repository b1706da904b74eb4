/**
 * Writing the reports, on the driver: {@code CsvReportWriter} writes each table of
 * {@code ReportTable} (its file name and column contract) with {@code Cells}' formatting,
 * {@code ManifestWriter} writes {@code run_manifest.json} from the {@code run} values and the
 * stage timings, and {@code ReportFolder} stages everything in a hidden folder and publishes it
 * atomically. The page ({@code report.html}) and the trends ({@code report.trend}) build on
 * these; this package uses neither, nor the job that drives it.
 */
package org.dwlogs.report;
