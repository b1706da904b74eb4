package org.dwlogs.report.trend;

import java.util.Locale;

/** How an issue moved against the earlier days; the rule is in {@link Trends}. */
public enum Status {
  NEW, RISING, FALLING, STEADY, GONE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
