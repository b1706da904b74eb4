package org.dwlogs.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads and validates {@link JobConfig}; every failure names the file and the key. */
public final class ConfigLoader {
  /** Class-path location of the configuration bundled from {@code conf/}. */
  public static final String BUNDLED = "dwlogs-conf/dwlogs.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          // The one optional key: text.layouts, absent in configurations older than it.
          .setInjectableValues(new InjectableValues.Std()
              .addValue(JobConfig.TextLayout.NO_LAYOUTS, List.of()));

  private ConfigLoader() {}

  /** Loads the configuration bundled in the jar. */
  public static JobConfig bundled() {
    return load(SourceFiles.bundled(BUNDLED));
  }

  /** Loads and validates a configuration file. */
  public static JobConfig load(SourceFiles.Source source) {
    JobConfig config;
    try (InputStream in = source.open()) {
      config = YAML.readValue(in, JobConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(String.format("%s: unknown key '%s' at %s (known keys: %s)",
          source.name(), e.getPropertyName(), path(e), e.getKnownPropertyIds()));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JsonParseException syntax) {
        // A YAML syntax error met while binding a value: databind wraps the parser's error.
        throw ConfigException.yamlSyntax(source.name(), syntax);
      }
      throw new ConfigException(String.format("%s: %s at %s",
          source.name(), e.getOriginalMessage(), path(e)));
    } catch (JsonProcessingException e) {
      throw ConfigException.yamlSyntax(source.name(), e);
    } catch (IOException e) {
      throw new ConfigException(source.name() + ": cannot read: " + e.getMessage(), e);
    }
    validate(source.name(), config);
    return config;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".", "'", "'"));
  }

  private static void validate(String file, JobConfig config) {
    layout(file, "text", config.text().recordStart(), config.text().header());
    java.util.Set<String> names = new java.util.HashSet<>();
    names.add(JobConfig.TextLayout.DEFAULT_LAYOUT);
    for (int i = 0; i < config.text().layouts().size(); i++) {
      JobConfig.Layout l = config.text().layouts().get(i);
      String key = "text.layouts[" + i + "]";
      if (l.name() == null || !l.name().matches("[A-Za-z0-9_.-]+") || !names.add(l.name())) {
        throw new ConfigException(String.format("%s: %s.name must be a unique word of letters,"
            + " digits, '_', '.' or '-' (and not '%s'): %s", file, key,
            JobConfig.TextLayout.DEFAULT_LAYOUT, l.name()));
      }
      layout(file, key, l.recordStart(), l.header());
    }
    if (config.text().maxRecordBytes() < 1024) {
      throw new ConfigException(file + ": text.max_record_bytes must be at least 1024: "
          + config.text().maxRecordBytes());
    }
    for (int i = 0; i < config.timestampFormats().size(); i++) {
      String format = config.timestampFormats().get(i);
      try {
        DateTimeFormatter.ofPattern(format, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(String.format("%s: timestamp_formats[%d] '%s' is not a java.time pattern: %s",
            file, i, format, e.getMessage()));
      }
    }
    for (String level : config.errorLevels()) {
      if (!config.levels().containsValue(level)) {
        throw new ConfigException(String.format("%s: error_levels names '%s', which no entry of levels reports",
            file, level));
      }
    }
    idPatterns(file, "ids.session", config.ids().session());
    idPatterns(file, "ids.activity", config.ids().activity());
    for (int i = 0; i < config.context().dualWrite().size(); i++) {
      regex(file, "context.dual_write[" + i + "]", config.context().dualWrite().get(i));
    }
  }

  private static void layout(String file, String key, String recordStart, String header) {
    if (recordStart == null || header == null) {
      throw new ConfigException(file + ": " + key + " needs record_start and header");
    }
    Pattern h = regex(file, key + ".header", header);
    regex(file, key + ".record_start", recordStart);
    if (!h.pattern().contains("(?<ts>") || !h.pattern().contains("(?<message>")) {
      throw new ConfigException(file + ": " + key + ".header needs the named groups 'ts' and 'message'");
    }
  }

  private static void idPatterns(String file, String key, List<String> patterns) {
    for (int i = 0; i < patterns.size(); i++) {
      Pattern p = regex(file, key + "[" + i + "]", patterns.get(i));
      if (!p.pattern().contains("(?<id>")) {
        throw new ConfigException(String.format("%s: %s[%d] has no named group 'id': %s",
            file, key, i, p.pattern()));
      }
    }
  }

  private static Pattern regex(String file, String key, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(String.format("%s: %s is not a valid regular expression: %s at index %d",
          file, key, e.getDescription(), e.getIndex()));
    }
  }
}
