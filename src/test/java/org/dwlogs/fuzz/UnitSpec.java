package org.dwlogs.fuzz;

import java.util.List;

/**
 * What one generated record is made of: a good record (no damage, no edits), or a record with
 * one kind of bad value ({@code variant} picks which) and byte edits on top.
 */
record UnitSpec(boolean good, int message, Damage damage, int variant, List<Edit> edits) {
  enum Damage {
    NONE, TIMESTAMP, NUMBER, SURROGATE, NESTING, CONTROL, STRAY_QUOTE, WRONG_TYPE, MISSING
  }

  static UnitSpec good(int message) {
    return new UnitSpec(true, message, Damage.NONE, 0, List.of());
  }
}
