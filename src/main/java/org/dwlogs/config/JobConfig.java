package org.dwlogs.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
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

  /**
   * How plain-text logs are read. {@code recordStart} and {@code header} are the first layout
   * tried, named {@value #DEFAULT_LAYOUT}; {@code layouts} are tried after it, in order (an
   * absent key is an empty list, so a configuration written before layouts existed still
   * works: its one layout is then used for every text file). See {@link #layoutsInOrder()}.
   */
  public record TextLayout(String recordStart, String header, int maxRecordBytes,
      @JacksonInject(value = NO_LAYOUTS, useInput = OptBoolean.TRUE) List<Layout> layouts)
      implements Serializable {
    /** The name of the layout given by {@code text.record_start} and {@code text.header}. */
    public static final String DEFAULT_LAYOUT = "default";
    /** Jackson injection id of the value of an absent {@code layouts} key. */
    public static final String NO_LAYOUTS = "dwlogs.text.no-layouts";

    public TextLayout {
      layouts = layouts == null ? List.of() : List.copyOf(layouts);
    }

    public TextLayout(String recordStart, String header, int maxRecordBytes) {
      this(recordStart, header, maxRecordBytes, List.of());
    }

    /** Every layout in the order detection tries them: the default one first. */
    public List<Layout> layoutsInOrder() {
      List<Layout> all = new java.util.ArrayList<>();
      all.add(new Layout(DEFAULT_LAYOUT, recordStart, header));
      all.addAll(layouts);
      return List.copyOf(all);
    }

    /** The layout named {@code name}, or null. */
    public Layout layout(String name) {
      return layoutsInOrder().stream().filter(l -> l.name().equals(name)).findFirst()
          .orElse(null);
    }
  }

  /**
   * One named text layout: a line matching {@code recordStart} starts a record, whose first
   * line {@code header} splits into the named groups ts, level, component and message.
   */
  public record Layout(String name, String recordStart, String header) implements Serializable {}

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
