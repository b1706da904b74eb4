package org.dwlogs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes realistic dual-write logs of a given size, deterministically, with their true
 * counts. Plain Java, no Spark. The output mixes text logs (multi-line records, stack traces,
 * {@code Session ID:} lines, four timestamp forms, local offsets), JSON Lines and CSV (quoted
 * multi-line fields), some gzip files; the documented messages of the catalog with their
 * variants at the error rate, near-misses and unknown errors among INFO and DEBUG noise.
 *
 * <p>Each file is written by one task from its own seeded random numbers, so the bytes depend
 * only on the seed and the size, not on the number of threads or their timing. The counts
 * are kept while writing, per file, and merged into {@code _truth/truth.json}.
 */
public final class LogGenerator {
  /** Default share of records that are documented (catalog) errors. */
  public static final double DEFAULT_ERROR_RATE = 0.002;
  /** The catalog error rate must stay well under 1% of records. */
  public static final double MAX_ERROR_RATE = 0.01;
  /** The smallest size: one record of each of the ten kinds of file, roughly. */
  public static final long MIN_SIZE = 16 * 1024;

  /** Relative frequency of each catalog entry among catalog errors (others: 5). */
  private static final Map<String, Double> ISSUE_WEIGHTS = Map.of(
      "map-create-401", 20.0, "link-403-tokenexchange", 20.0, "stop-map-403-forbidden", 10.0,
      "initial-sync-lookup-metadata", 15.0, "solution-version-mismatch", 15.0,
      "login-refused", 8.0, "module-unavailable", 6.0, "parallel-import-advisory", 6.0);

  /**
   * What to write: {@code sizeBytes} on disk in total (within a few %), under {@code output};
   * {@code threads} only changes the speed.
   */
  public record Options(Path output, long sizeBytes, long seed, double errorRate, int threads) {
    public Options {
      if (sizeBytes < MIN_SIZE) {
        throw new IllegalArgumentException("size must be at least " + MIN_SIZE + " bytes: " + sizeBytes);
      }
      if (!(errorRate >= 0 && errorRate <= MAX_ERROR_RATE)) {
        throw new IllegalArgumentException("error rate must be between 0 and " + MAX_ERROR_RATE + ": " + errorRate);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
    }

    public static int defaultThreads() {
      return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
  }

  private final Options options;
  private final LogFileWriter.Observer observer;

  public LogGenerator(Options options) {
    this(options, null);
  }

  LogGenerator(Options options, LogFileWriter.Observer observer) {
    this.options = options;
    this.observer = observer;
  }

  /** The files this run writes, relative to the output folder, in order. */
  public List<String> plannedFiles() {
    return FileSpec.plan(options.sizeBytes(), options.seed()).stream().map(FileSpec::path).toList();
  }

  /** Writes the files and {@code _truth/truth.json}; returns the truth. */
  public Truth generate() throws IOException {
    Path root = options.output();
    Files.createDirectories(root);
    org.dwlogs.signatures.Catalog catalog = org.dwlogs.signatures.CatalogLoader.bundled();
    MessageTemplates templates = MessageTemplates.bundled().forCatalog(catalog);
    java.util.Set<String> generic = new java.util.HashSet<>();
    catalog.signatures().stream().filter(org.dwlogs.signatures.Signature::generic)
        .forEach(s -> generic.add(s.issueId()));
    List<String> issues = new ArrayList<>(templates.byIssue().keySet());
    double[] weights = new double[issues.size()];
    double sum = 0;
    for (int i = 0; i < issues.size(); i++) {
      sum += ISSUE_WEIGHTS.getOrDefault(issues.get(i), 5.0);
      weights[i] = sum;
    }
    Ids ids = new Ids(options.seed());
    List<FileSpec> files = FileSpec.plan(options.sizeBytes(), options.seed());
    List<LogFileWriter> writers = new ArrayList<>();
    for (FileSpec f : files) {
      writers.add(new LogFileWriter(root, f, ids, templates, issues, generic, weights,
          options.errorRate(), observer));
    }
    List<Truth.Tally> tallies = new ArrayList<>();
    if (options.threads() == 1 || observer != null) {
      for (LogFileWriter w : writers) {
        tallies.add(w.call());
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
        Thread t = new Thread(r, "dwlogs-generate");
        t.setDaemon(true);
        return t;
      });
      try {
        // Largest files first, so the pool finishes together; results are kept in file order.
        List<Future<Truth.Tally>> futures = new ArrayList<>(java.util.Collections.nCopies(files.size(), null));
        files.stream().sorted(Comparator.comparingLong(FileSpec::targetBytes).reversed()
                .thenComparingInt(FileSpec::index))
            .forEach(f -> futures.set(f.index(), pool.submit(writers.get(f.index()))));
        for (Future<Truth.Tally> f : futures) {
          tallies.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("size_bytes", options.sizeBytes());
    parameters.put("seed", options.seed());
    parameters.put("error_rate", options.errorRate());
    Truth truth = new Truth(parameters, files, tallies);
    truth.write(root);
    return truth;
  }

  /** True when {@code dir} is missing or empty. */
  public static boolean isEmptyFolder(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes everything inside {@code dir}, keeping the folder. */
  public static void clear(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }
}
