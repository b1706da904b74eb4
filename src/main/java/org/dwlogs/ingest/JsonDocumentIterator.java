package org.dwlogs.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.dwlogs.parse.JsonLineParser;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;

/**
 * Streams the records of one JSON document with Jackson's streaming parser, one element at a
 * time, never the document whole: the elements of a top-level array, or of the {@code value}
 * array of a top-level object (OData, the Dataverse Web API); a top-level object without a
 * {@code value} array is one record, and so is each top-level value after it. Each record's position is its byte offset in the file
 * (in the decompressed stream for gzip files).
 *
 * <p>An element with a syntax error is quarantined with its offset, and reading goes on at
 * the next element: from the broken element's start, the bytes are scanned (strings and
 * nesting counted) for the comma that ends it at the array's level, and a new parser starts
 * at the object after it. When no next element is found, the rest of the document is quarantined with the
 * broken element, with its size in bytes. An element longer than {@code maxRecordBytes}
 * is kept with its message cut there, and flagged truncated.
 */
final class JsonDocumentIterator extends NextIterator<Parsed> {
  /** Resyncs after broken elements, per file; past this the rest is quarantined whole. */
  static final int MAX_RESYNCS = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] ARRAY_AND_OBJECT = "[{".getBytes(StandardCharsets.US_ASCII);

  private final String path;
  private final Configuration hadoop;
  private final JsonLineParser records;
  private final int maxRecordBytes;
  private JsonParser parser;
  /** The file offset of byte 0 of {@link #parser}'s input. */
  private long base;
  private int resyncs;
  /** Where the element being read starts, or -1 between elements. */
  private long elementStart = -1;
  /** Where the last element read ends, or -1. */
  private long lastElementEnd = -1;
  private boolean inArray;
  private boolean finished;
  private Parsed pending;

  JsonDocumentIterator(String path, Configuration hadoop, JsonLineParser records,
      int maxRecordBytes) {
    this.path = path;
    this.hadoop = hadoop;
    this.records = records;
    this.maxRecordBytes = maxRecordBytes;
    try {
      parser = JSON.createParser(open(path, hadoop, 0));
    } catch (IOException e) {
      unreadable(0, e);
    }
  }

  /** The file's decompressed bytes from {@code offset} on. */
  static InputStream open(String path, Configuration hadoop, long offset) throws IOException {
    Path p = new Path(path);
    InputStream raw = p.getFileSystem(hadoop).open(p);
    CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(p);
    InputStream in = codec == null ? raw : codec.createInputStream(raw);
    in.skipNBytes(offset);
    return in;
  }

  @Override
  protected Parsed computeNext() {
    while (pending == null && !finished) {
      try {
        if (inArray) {
          nextElement();
        } else {
          findRecords();
        }
      } catch (JsonProcessingException e) {
        broken(e);
      } catch (IOException e) {
        unreadable(parser == null ? 0 : base + parser.currentLocation().getByteOffset(), e);
      }
    }
    Parsed out = pending;
    pending = null;
    return out;
  }

  /** Reads up to the first record: into the records array, or the whole single object. */
  private void findRecords() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      close(); // an empty file holds no records
      return;
    }
    long start = offset();
    if (first == JsonToken.START_ARRAY) {
      enterArray();
      return;
    }
    if (first != JsonToken.START_OBJECT) {
      pending = Malformed.of(path, Position.offset(start), Malformed.Kind.INVALID_JSON,
          "a JSON document must be an array or an object, found " + first, "");
      close();
      return;
    }
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      boolean value = "value".equals(parser.currentName());
      if (parser.nextToken() == JsonToken.START_ARRAY && value) {
        enterArray();
        return;
      }
      parser.skipChildren();
    }
    // An object without a value array is a record, and so is each top-level value after it
    // (pretty-printed objects one after another): read them from the start, one by one.
    parser.close();
    base = start;
    parser = JSON.createParser(open(path, hadoop, start));
    enterArray();
  }

  /** From here on each value read is a record: an element of the array, or a top-level value. */
  private void enterArray() {
    inArray = true;
  }

  private void nextElement() throws IOException {
    elementStart = -1;
    JsonToken t = parser.nextToken();
    if (t == null || t == JsonToken.END_ARRAY) {
      close(); // what follows the records array is not read
      return;
    }
    long start = offset();
    elementStart = start;
    JsonNode node = parser.readValueAsTree();
    long end = base + parser.currentLocation().getByteOffset();
    lastElementEnd = end;
    pending = record(start, node, span(start, end));
  }

  private boolean span(long start, long end) {
    return end - start > maxRecordBytes;
  }

  private Parsed record(long start, JsonNode node, boolean truncated) {
    Parsed parsed = records.parse(path, Position.offset(start), node, truncated,
        () -> node == null ? "" : node.toString());
    if (truncated && parsed instanceof LogRecord r && r.message().length() > maxRecordBytes) {
      return new LogRecord(r.source(), r.position(), r.timestampMillis(), r.level(),
          r.component(), r.message().substring(0, maxRecordBytes), r.sessionId(),
          r.activityId(), true, r.otherFields());
    }
    return parsed;
  }

  private long offset() {
    return base + parser.currentTokenLocation().getByteOffset();
  }

  /** A syntax error: quarantines the broken element and goes on at the next one. */
  private void broken(JsonProcessingException e) {
    long at = e.getLocation() != null && e.getLocation().getByteOffset() >= 0
        ? base + e.getLocation().getByteOffset() : base;
    // Scan from where the parser's state is known: the broken element's start, or the end
    // of the element before it when the error fell between two elements.
    long start = elementStart >= 0 ? elementStart : lastElementEnd >= 0 ? lastElementEnd : at;
    String why = "invalid JSON at offset " + at + ": " + e.getOriginalMessage();
    closeParser();
    if (!inArray || ++resyncs > MAX_RESYNCS) {
      rest(start, why);
      return;
    }
    try {
      Resync r = resync(start);
      if (r.next < 0) {
        pending = Malformed.of(path, Position.offset(start), Malformed.Kind.INVALID_JSON,
            why + "; no element after it, the rest of the document (" + r.skipped
                + " bytes) is quarantined with it", r.raw);
        close();
        return;
      }
      pending = Malformed.of(path, Position.offset(start), Malformed.Kind.INVALID_JSON,
          why + "; read on at the next element, offset " + r.next, r.raw);
      InputStream rest = open(path, hadoop, r.next + 1); // past the element's '{'
      parser = JSON.createParser(new SequenceInputStream(
          new ByteArrayInputStream(ARRAY_AND_OBJECT), rest));
      base = r.next - 1;
      lastElementEnd = -1;
      parser.nextToken(); // the '[' put before the element: the records array again
    } catch (IOException io) {
      unreadable(at, io);
    }
  }

  /** Where the next element starts (or -1), the bytes skipped and the raw text kept. */
  private record Resync(long next, long skipped, String raw) {}

  /**
   * Scans from {@code start}, at the records array's level outside any string, counting
   * strings and nesting, for the comma that ends the broken element and the object after it.
   */
  private Resync resync(long start) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (InputStream in = new java.io.BufferedInputStream(open(path, hadoop, start))) {
      long pos = start;
      int depth = 0;
      int b;
      boolean inString = false;
      boolean comma = false;
      int rawAtComma = 0;
      while ((b = in.read()) >= 0) {
        long here = pos++;
        keep(raw, b);
        if (inString) {
          if (b == '\\') {
            keep(raw, in.read());
            pos++;
          } else if (b == '"') {
            inString = false;
          }
          continue;
        }
        if (comma && !Character.isWhitespace(b)) {
          if (b == '{') {
            return new Resync(here, here - start, text(raw, rawAtComma));
          }
          comma = false;
        }
        switch (b) {
          case '"' -> inString = true;
          case '{', '[' -> depth++;
          case '}', ']' -> {
            if (--depth < 0) {
              return new Resync(-1, here - start, text(raw, raw.size())); // the array ended
            }
          }
          case ',' -> {
            comma = depth == 0;
            rawAtComma = raw.size() - 1; // the broken element ends before its comma
          }
          default -> { }
        }
      }
      return new Resync(-1, pos - start, text(raw, raw.size()));
    }
  }

  private static void keep(ByteArrayOutputStream raw, int b) {
    if (b >= 0 && raw.size() < Malformed.MAX_RAW_CHARS) {
      raw.write(b);
    }
  }

  private static String text(ByteArrayOutputStream raw, int length) {
    return new String(raw.toByteArray(), 0, Math.min(length, raw.size()), StandardCharsets.UTF_8)
        .strip();
  }

  /** The document cannot be read past {@code start}: quarantines the rest as one entry. */
  private void rest(long start, String why) {
    pending = Malformed.of(path, Position.offset(start), Malformed.Kind.INVALID_JSON,
        why + "; the rest of the document from offset " + start + " could not be read", "");
    close();
  }

  private void unreadable(long at, IOException e) {
    pending = Malformed.of(path, Position.offset(at), Malformed.Kind.UNREADABLE_FILE,
        "file could not be read to its end: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()), "");
    close();
  }

  private void closeParser() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // nothing more to read from it either way
      }
    }
  }

  private void close() {
    finished = true;
    closeParser();
  }
}
