/**
 * The values a report run is made of, shared by the packages that run it ({@code job},
 * {@code nightly}, {@code cli}, {@code bench}) and those that report it ({@code report},
 * {@code report.html}): {@code RunOptions} (what a run runs on) and {@code RunTotals} (what it
 * counted). Records only, with no behaviour beyond checks and derived values, so that
 * {@code report} can read them without depending on {@code job}. Built on the driver.
 */
package org.dwlogs.run;
