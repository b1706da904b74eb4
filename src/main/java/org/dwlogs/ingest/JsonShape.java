package org.dwlogs.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells a {@code .json} file holding one JSON document from one holding JSON Lines, by its
 * first value: a document starts with {@code [} (an array of records), or with an object
 * that has a {@code value} array (OData) or that runs over more than one line (a
 * pretty-printed document). A first object that ends on the line where it starts is the
 * first line of JSON Lines. Only the first value is read, as a stream; a file that is not
 * JSON at all stays JSON Lines, whose lines are then quarantined one by one.
 */
final class JsonShape {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonShape() {}

  static LogFormat sniff(InputStream in) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return LogFormat.JSON;
      }
      if (first != JsonToken.START_OBJECT) {
        return LogFormat.JSONL;
      }
      int line = p.currentTokenLocation().getLineNr();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (p.currentTokenLocation().getLineNr() != line) {
          return LogFormat.JSON;
        }
        if (t == JsonToken.END_OBJECT) {
          return LogFormat.JSONL; // the first object ended on its own line
        }
        if (t == JsonToken.FIELD_NAME) {
          boolean value = "value".equals(p.currentName());
          JsonToken v = p.nextToken();
          if (value && v == JsonToken.START_ARRAY) {
            return LogFormat.JSON;
          }
          p.skipChildren();
        }
      }
      return LogFormat.JSONL;
    } catch (IOException e) {
      return LogFormat.JSONL; // not JSON from the start (or unreadable): read as lines
    }
  }
}
