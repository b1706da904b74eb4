package org.dwlogs.run;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.dwlogs.config.JobConfig;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.signatures.Catalog;

/**
 * What a report run runs on. {@code format} overrides the per-file format when not null;
 * {@code maxMalformedRatio} is the share of malformed records above which the run fails
 * without publishing; {@code formulaGuard} neutralises cells that spreadsheets would
 * evaluate as formulas; {@code from} (inclusive) and {@code to} (exclusive), when not null,
 * keep only records timestamped inside that window.
 */
public record RunOptions(List<String> inputs, String output, Catalog catalog, JobConfig config,
    LogFormat format, ZoneId zone, Map<String, Object> parameters, double maxMalformedRatio,
    boolean formulaGuard, Instant from, Instant to) {
  /** Default for {@code --max-malformed-ratio}: fail when over 5% of records are malformed. */
  public static final double DEFAULT_MAX_MALFORMED_RATIO = 0.05;

  public RunOptions {
    inputs = List.copyOf(inputs);
    parameters = Map.copyOf(parameters);
    if (!(maxMalformedRatio >= 0 && maxMalformedRatio <= 1)) {
      throw new IllegalArgumentException("max malformed ratio must be within [0, 1]: " + maxMalformedRatio);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("the window is empty: from " + from + " is not before to " + to);
    }
  }

  /** Options without a time window. */
  public RunOptions(List<String> inputs, String output, Catalog catalog, JobConfig config,
      LogFormat format, ZoneId zone, Map<String, Object> parameters, double maxMalformedRatio,
      boolean formulaGuard) {
    this(inputs, output, catalog, config, format, zone, parameters, maxMalformedRatio,
        formulaGuard, null, null);
  }

  /** Options with the default malformed ratio, the formula guard on and no time window. */
  public RunOptions(List<String> inputs, String output, Catalog catalog, JobConfig config,
      LogFormat format, ZoneId zone, Map<String, Object> parameters) {
    this(inputs, output, catalog, config, format, zone, parameters,
        DEFAULT_MAX_MALFORMED_RATIO, true);
  }
}
