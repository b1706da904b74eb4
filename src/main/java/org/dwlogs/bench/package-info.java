/**
 * The benchmark behind {@code dwlogs bench}: on the same files and Spark master, the bare scan,
 * the full report job ({@code job.ReportJob}) and the naive approach (every query against every
 * record), each the median of several runs, plus the index build and searches. Driven from the
 * driver; the work it measures runs on the executors.
 */
package org.dwlogs.bench;
