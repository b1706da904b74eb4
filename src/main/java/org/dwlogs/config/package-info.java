/**
 * How records are recognised and read: {@code JobConfig}, loaded and validated from
 * {@code conf/dwlogs.yaml} (or a user's file, see {@code SourceFiles}) by {@code ConfigLoader},
 * every error naming the file and the key. Immutable and serializable, it is built once on the
 * driver and travels as is to the executors, where {@code ingest} and {@code parse} read with it.
 */
package org.dwlogs.config;
