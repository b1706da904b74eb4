package org.dwlogs.config;

/** A configuration or catalog file that cannot be used; the message names the file and the problem. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** One line for a YAML syntax error: file, line, column and the parser's first line. */
  public static ConfigException yamlSyntax(String file,
      com.fasterxml.jackson.core.JsonProcessingException e) {
    String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines()
        .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : String.format(" at line %d, column %d", e.getLocation().getLineNr(),
            e.getLocation().getColumnNr());
    return new ConfigException(file + ": not valid YAML" + where + ": " + what, e);
  }
}
