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
    // SnakeYAML's message interleaves what went wrong (unindented lines) with indented
    // locations and a snippet of the file; keep the former, on one line.
    String what = e.getOriginalMessage() == null ? "" : String.join(", ",
        e.getOriginalMessage().lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .map(String::strip).toList());
    String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : String.format(" at line %d, column %d", e.getLocation().getLineNr(),
            e.getLocation().getColumnNr());
    return new ConfigException(file + ": not valid YAML" + where + ": " + what, e);
  }
}
