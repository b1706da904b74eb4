package org.dwlogs.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One file to write: its path under the output folder, layout, size on disk to reach, the
 * time range its records cover and the seed of its own random numbers.
 */
record FileSpec(int index, String path, Layout layout, long targetBytes, long fromMillis,
    long toMillis, long seed) {

  /** First instant of the generated logs: 2026-11-18T00:00:00Z. */
  static final long START = 1_794_960_000_000L;
  static final long DAY = 86_400_000L;
  /** The logs cover five UTC days. */
  static final int DAYS = 5;

  /**
   * The files for {@code totalBytes}: each layout gets its share, cut into parts no larger
   * than its maximum; the parts of a layout are consecutive slices of the five days.
   */
  static List<FileSpec> plan(long totalBytes, long seed) {
    List<FileSpec> out = new ArrayList<>();
    long end = START + DAYS * DAY;
    for (Layout layout : Layout.values()) {
      long bytes = Math.max(1, Math.round(totalBytes * layout.share));
      long max = layout.maxFileMiB * (1L << 20);
      int parts = (int) Math.max(1, (bytes + max - 1) / max);
      for (int p = 0; p < parts; p++) {
        long from = START + (end - START) * p / parts;
        long to = START + (end - START) * (p + 1) / parts;
        long target = bytes * (p + 1) / parts - bytes * p / parts;
        String path = String.format("%s-%03d%s", layout.stem, p, layout.extension);
        int index = out.size();
        out.add(new FileSpec(index, path, layout, target, from, to,
            Ids.mix(seed * 0x9E3779B97F4A7C15L + index + 1)));
      }
    }
    return out;
  }
}
