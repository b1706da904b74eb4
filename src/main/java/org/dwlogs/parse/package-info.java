/**
 * Parsing: raw records (text, JSON objects, CSV rows) in, a {@code Parsed} out, which is a
 * {@code LogRecord} or a {@code Malformed} with its reason. {@code RecordParser} is built once
 * per partition from the configuration; {@code TimestampParser}, {@code Levels},
 * {@code FieldIndex} and {@code IdExtractor} read the fields. Plain Java, no Spark: the
 * functions run on the executors, and are tested without a session.
 */
package org.dwlogs.parse;
