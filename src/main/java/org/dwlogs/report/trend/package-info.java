/**
 * Comparing a run with earlier ones: {@code TrendInput} reads the earlier runs' issue counts
 * (nightly day folders or a baseline folder), {@code Trends} computes each issue's
 * {@code Trend} and {@code Status} over the runs that exist, and {@code FailOn} and
 * {@code Alerts} pick and name what {@code --fail-on} alerts on. Plain Java on the driver.
 */
package org.dwlogs.report.trend;
