package org.dwlogs.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How log records are recognised and read: the text layout, timestamp forms, level words,
 * JSON/CSV field aliases and the ID notations. Loaded from {@code conf/dwlogs.yaml} by
 * {@link ConfigLoader}; immutable and serializable, so it travels to executors as is.
 *
 * <p>Precedence, highest first: command-line options, the file given with {@code --config},
 * the bundled {@code conf/dwlogs.yaml}. A {@code --config} file replaces the bundled one whole.
 */
public record JobConfig(
    TextLayout text,
    List<String> timestampFormats,
    Map<String, String> levels,
    List<String> errorLevels,
    FieldAliases fields,
    IdNotations ids,
    ContextRule context) implements Serializable {

  public JobConfig {
    timestampFormats = List.copyOf(timestampFormats);
    levels = Map.copyOf(levels);
    errorLevels = List.copyOf(errorLevels);
  }

  /** Layout of plain-text logs. */
  public record TextLayout(String recordStart, String header, int maxRecordBytes)
      implements Serializable {}

  /** Field names of JSON Lines and CSV inputs, per logical field. */
  public record FieldAliases(
      List<String> timestamp,
      List<String> level,
      List<String> message,
      List<String> session,
      List<String> activity,
      List<String> component) implements Serializable {

    public FieldAliases {
      timestamp = List.copyOf(timestamp);
      level = List.copyOf(level);
      message = List.copyOf(message);
      session = List.copyOf(session);
      activity = List.copyOf(activity);
      component = List.copyOf(component);
    }
  }

  /** Regular expressions, each with a named group {@code id}, that find IDs in message text. */
  public record IdNotations(List<String> session, List<String> activity) implements Serializable {
    public IdNotations {
      session = List.copyOf(session);
      activity = List.copyOf(activity);
    }
  }

  /**
   * What puts a record in dual-write context: case-insensitive regular expressions searched in
   * its message, component, other fields and file path. Generic catalog entries need it.
   */
  public record ContextRule(List<String> dualWrite) implements Serializable {
    public ContextRule {
      dualWrite = List.copyOf(dualWrite);
    }
  }
}
