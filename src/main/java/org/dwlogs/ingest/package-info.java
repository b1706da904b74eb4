/**
 * Reading: {@code InputLister} lists the input files on any Hadoop file system (on the driver),
 * {@code FileSniffer} tells each file's encoding and text layout from its first bytes (in the
 * driver on a local master, else a small Spark job), and {@code LogReader} reads them into parsed records, one Spark partition per input
 * split, on the executors. Text and JSON Lines go through the split-safe
 * {@code MultiLineTextInputFormat}; CSV files and JSON documents are streamed whole by one task
 * each. What cannot be read becomes a malformed record, never an exception that stops the run.
 * The text reader keeps an all-ASCII record as bytes (it tells ASCII lines eight bytes at a
 * time, {@code LineBytes}, and a fixed-width record start by hand, {@code FixedStart}); for
 * the report job {@code NoiseSieve} reads such a record of noise in place into a
 * {@code NoiseRecord}, with one pass of the catalog's literal automaton that also locates the
 * ID notations' hints, and leaves every other record to the full parse.
 */
package org.dwlogs.ingest;
