/**
 * The persistent Lucene index of the logs: {@code IndexBuilder} reads and parses the inputs as
 * the report job does, and each Spark task writes its partition as one shard; the driver then
 * writes {@code IndexManifest}, which lists only complete shards. {@code Searcher} runs a query
 * over every shard ({@code LogQueryParser} is its syntax), and {@code IndexSource} reads the
 * shards back as parsed records for {@code report --index}, through {@code job.ReportJob}'s
 * {@code Source}.
 */
package org.dwlogs.index;
