package org.dwlogs.cli;

/** Exit codes schedulers can rely on; documented in the README. */
public final class ExitCodes {
  /** The run finished and published its reports. */
  public static final int OK = 0;
  /** A bad option, configuration or catalog; nothing was read. */
  public static final int USAGE = 1;
  /** An input path that does not exist or cannot be read, or an output that cannot be written. */
  public static final int INPUT = 2;
  /** More malformed records than {@code --max-malformed-ratio} allows. */
  public static final int TOO_MANY_MALFORMED = 3;
  /** Anything else: a bug or an environment failure; the stack trace is printed. */
  public static final int INTERNAL = 4;
  /** {@code dwlogs nightly} only: another run on the same output root holds the lock. */
  public static final int LOCKED = 5;
  /**
   * With {@code --fail-on}: the reports are published, and an issue is new or rising against
   * the earlier runs; {@code alerts.csv} lists them.
   */
  public static final int ALERT = 6;

  private ExitCodes() {}
}
