package org.dwlogs.report.trend;

import java.util.Locale;

/** {@code --fail-on}: which statuses make a run exit with code 6 after publishing. */
public enum FailOn {
  NEW, RISING, ANY;

  /** Whether an issue with {@code status} triggers an alert. */
  public boolean triggers(Status status) {
    return switch (this) {
      case NEW -> status == Status.NEW;
      case RISING -> status == Status.RISING;
      case ANY -> status == Status.NEW || status == Status.RISING;
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code new}, {@code rising} or {@code any}, any case. */
  public static FailOn ofLabel(String value) {
    for (FailOn f : values()) {
      if (f.label().equalsIgnoreCase(value.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not one of new, rising, any");
  }
}
