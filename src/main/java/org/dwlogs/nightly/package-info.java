/**
 * The scheduled run: {@code NightlyRun} runs {@code job.ReportJob} once per UTC day, in order,
 * each day publishing atomically into its own folder, compared with the days before, then
 * points {@code latest/} at the newest complete day. {@code RunLock} keeps two runs off one
 * output root and {@code RunLog} logs each step. All on the driver; each day's job uses the
 * executors as a report does.
 */
package org.dwlogs.nightly;
