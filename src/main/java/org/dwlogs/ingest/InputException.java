package org.dwlogs.ingest;

/** An input the user named that cannot be read: a missing path, say. */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
