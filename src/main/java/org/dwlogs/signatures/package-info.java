/**
 * What we look for: the catalog of documented issues, loaded from {@code conf/signatures.yaml}
 * (or a user's file) by {@code CatalogLoader}, which validates every entry before any log is
 * read. {@code Catalog} holds the sorted {@code Signature}s with the file's SHA-256; it is
 * immutable and serializable, broadcast to the executors where {@code match} compiles it.
 * {@code MessagesFile} reads the messages a catalog must recognise; {@code CatalogMarkdown}
 * lists the catalog for the README.
 */
package org.dwlogs.signatures;
