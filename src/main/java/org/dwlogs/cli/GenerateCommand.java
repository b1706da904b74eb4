package org.dwlogs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dwlogs.generate.LogGenerator;
import org.dwlogs.generate.Sizes;
import org.dwlogs.generate.Truth;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code dwlogs generate}: writes realistic logs of a given size with their true counts. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpWidth = 100,
    description = {"Writes realistic dual-write logs of a given size, for benchmarks and tests.",
        "",
        "Text logs (multi-line records, stack traces, several timestamp forms and offsets),",
        "JSON Lines and CSV files, some gzip, over five UTC days: mostly INFO and DEBUG noise,",
        "warnings with stack traces, the catalog's documented messages and their variants at",
        "--error-rate, near-misses and unknown errors. The same seed and size write the same",
        "bytes. The true counts, kept while writing, go to DIR/_truth/truth.json (dwlogs skips",
        "names that start with _ when it reads DIR)."},
    footer = {"", "Example: dwlogs generate --size 1g --output /tmp/logs-1g",
        "         dwlogs report --input /tmp/logs-1g --output /tmp/reports-1g",
        "", "Exit codes: 0 done, 1 usage error, 2 output problem, 4 internal error."})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--size", required = true, paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Total size on disk, e.g. 500k, 20m, 1g, 2g (binary units; within a few %%). "
          + "At least 16k.")
  long size;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Folder to write to; it must be empty or missing unless --overwrite is given.")
  Path output;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the random numbers; the same seed and size write the same bytes "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--error-rate", paramLabel = "R", defaultValue = "" + LogGenerator.DEFAULT_ERROR_RATE,
      converter = ErrorRateConverter.class,
      description = "Share of records that are documented (catalog) errors, 0 to 0.01 "
          + "(default: ${DEFAULT-VALUE}). Near-misses and unknown errors add about 0.5%%.")
  double errorRate;

  @Option(names = "--threads", paramLabel = "N", converter = ThreadsConverter.class,
      description = "Files written at once (default: the number of CPUs, at most 4). "
          + "Does not change the output.")
  Integer threads;

  @Option(names = "--overwrite",
      description = "Delete what DIR holds before writing.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new ParameterException(spec.commandLine(), "--output " + output + " is not a folder");
    }
    if (!LogGenerator.isEmptyFolder(output)) {
      if (!overwrite) {
        throw new ParameterException(spec.commandLine(), "--output " + output
            + " is not empty; give --overwrite to replace what it holds");
      }
      LogGenerator.clear(output);
    }
    int n = threads == null ? LogGenerator.Options.defaultThreads() : threads;
    var err = spec.commandLine().getErr();
    long start = System.nanoTime();
    Truth truth = new LogGenerator(new LogGenerator.Options(output, size, seed, errorRate, n)).generate();
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf(Locale.ROOT, "dwlogs: wrote %s in %d files, %d records, to %s in %.1f s (%.0f MB/s, %d threads); "
            + "truth in %s%n",
        Sizes.format(truth.totalBytes()), ((Number) truth.asMap().get("total_files")).intValue(),
        truth.totalRecords(), output, seconds, truth.totalBytes() / 1e6 / seconds, n,
        output.resolve(Truth.FOLDER).resolve(Truth.FILE));
    return ExitCodes.OK;
  }

  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long bytes;
      try {
        bytes = Sizes.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (bytes < LogGenerator.MIN_SIZE) {
        throw new TypeConversionException("'" + value + "' is too small: at least 16k");
      }
      return bytes;
    }
  }

  static final class ErrorRateConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return ReportCommand.parseShare(value, LogGenerator.MAX_ERROR_RATE,
          String.valueOf(LogGenerator.MAX_ERROR_RATE),
          "catalog errors stay well under 1% of records");
    }
  }

  static final class ThreadsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.strip());
        if (n >= 1 && n <= 64) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("must be a whole number from 1 to 64: '" + value + "'");
    }
  }
}
