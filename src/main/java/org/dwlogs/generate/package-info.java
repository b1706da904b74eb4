/**
 * The synthetic log generator behind {@code dwlogs generate}: realistic text, JSON Lines and CSV
 * logs of a given size, deterministic from a seed, with their true counts kept while writing
 * ({@code Truth}), never by reading the output back, so tests and the benchmark can check the
 * reports against them. Plain Java, no Spark; files are written in parallel threads, each from
 * its own seeded random numbers ({@code LogFileWriter}).
 */
package org.dwlogs.generate;
