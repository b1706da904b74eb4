package org.dwlogs.job;

/** More malformed records than {@code --max-malformed-ratio} allows; nothing was published. */
public class TooManyMalformedException extends RuntimeException {
  public TooManyMalformedException(String message) {
    super(message);
  }
}
