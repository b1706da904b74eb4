package org.dwlogs.ingest;

import java.util.Locale;

/**
 * The input formats, chosen per file by extension ({@code .gz} aside) unless overridden; a
 * {@code .json} file is JSON Lines or a JSON document as its first bytes say (see
 * {@link JsonShape}).
 */
public enum LogFormat {
  /** Text logs with multi-line records: any extension other than the ones below. */
  TEXT("text"),
  /** One JSON object per line: {@code .jsonl}, {@code .ndjson}, and {@code .json} by sniffing. */
  JSONL("jsonl"),
  /**
   * One JSON document: an array of records, or an object whose records are in its
   * {@code value} array (OData, the Dataverse Web API), or a single record object.
   */
  JSON("json"),
  /** A header row, then records; quoted fields may span lines: {@code .csv}. */
  CSV("csv");

  private final String label;

  LogFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The format a file name implies. */
  public static LogFormat forFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return JSONL;
    }
    if (n.endsWith(".csv")) {
      return CSV;
    }
    return TEXT;
  }

  /** True for a name whose content decides between JSON Lines and a JSON document. */
  public static boolean maybeJsonDocument(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".json.gz");
  }

  /** The format named by {@code --format}: text, jsonl, json or csv. */
  public static LogFormat ofLabel(String label) {
    for (LogFormat f : values()) {
      if (f.label.equalsIgnoreCase(label.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + label + "' (expected text, jsonl, json or csv)");
  }

  @Override
  public String toString() {
    return label;
  }
}
