package org.dwlogs.match;

import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;

/** A catalog entry that matched a record, with the fields its extractors pulled out. */
public record Match(String issueId, Map<String, String> fields) {
  public Match {
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  public String field(String name) {
    return fields.get(name);
  }
}
