/**
 * {@code report.html}: one self-contained page of a run, written on the driver from the rows
 * the CSV reports were written from ({@code PageData} keeps them as they stream by), so its
 * numbers are theirs. No script and nothing to load; every log value goes through
 * {@code Html.text}; the charts are inline SVG ({@code Svg}).
 */
package org.dwlogs.report.html;
