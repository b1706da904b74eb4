package org.dwlogs.config;

/** A configuration or catalog file that cannot be used; the message names the file and the problem. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
