/**
 * How we look: {@code SignatureMatcher} runs every catalog query against one record. A
 * {@code LiteralPrefilter} dismisses records that no query can match (one {@code LiteralScanner}
 * pass says which of the queries' literals occur, whatever the size of the catalog); a candidate is analysed
 * once ({@code LogAnalyzer}, the one analyser of dwlogs) into a Lucene {@code MemoryIndex} and
 * the remaining queries ({@code QueryCompiler}) are run against it, then the counting rules
 * apply (generic entries only in {@code DualWriteContext}, overridden entries not beside the
 * more specific one). Plain Java: one matcher is built per task thread on the executors
 * ({@code SignatureMatcher.forThisThread}), from the broadcast catalog. {@code Explainer} and {@code CatalogCheck} serve {@code explain}
 * and {@code catalog validate} on the driver.
 */
package org.dwlogs.match;
