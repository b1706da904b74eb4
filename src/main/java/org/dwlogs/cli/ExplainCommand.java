package org.dwlogs.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.config.SourceFiles;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.ingest.InputLister;
import org.dwlogs.ingest.LogFormat;
import org.dwlogs.job.RecordLookup;
import org.dwlogs.match.DualWriteContext;
import org.dwlogs.match.Explainer;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.report.Cells;
import org.dwlogs.signatures.Catalog;
import org.dwlogs.signatures.CatalogLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dwlogs explain TEXT...} or {@code explain --file F [--line N | --offset N]}: how the
 * catalog sees one message or one record of a log file (see {@link Explainer}).
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpWidth = 100,
    description = {"Explains how the catalog sees one message or one log record.",
        "",
        "Prints the record as parsed (with --file), the analysed tokens of its message, whether",
        "it is in dual-write context, each entry whose pre-filter it passes with whether its",
        "query matches (else the first clause that fails), is generic or overridden, and the",
        "entries that count it, with their extracted fields. Exit 0 whether or not anything",
        "matches; 1 on usage errors; 2 for a missing file, line or offset."})
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "TEXT",
      description = "The message, as the job sees it after parsing (words are joined by spaces).")
  List<String> text;

  @Option(names = "--file", paramLabel = "FILE",
      description = "Instead of TEXT: a log file (any supported format, .gz too; a local path "
          + "or a Hadoop file system URI), read by the job's own readers.")
  String file;

  @Option(names = "--line", paramLabel = "N",
      description = "With --file: the record that holds line N (1-based; default: the first "
          + "record that parses).")
  Long line;

  @Option(names = "--offset", paramLabel = "N",
      description = "With --file: the record that holds byte N (0-based; of the decompressed "
          + "stream for .gz), as the quarantine names positions.")
  Long offset;

  @Option(names = "--context", paramLabel = "TEXT",
      description = "With TEXT: the record's other text (component, other fields, file path) "
          + "that can put it in dual-write context.")
  String context;

  @Option(names = "--entry", paramLabel = "ID",
      description = "Also explain this entry when the pre-filter dismisses it (repeatable).")
  List<String> entries = new ArrayList<>();

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Signature catalog replacing the bundled conf/signatures.yaml.")
  String catalog;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job configuration replacing the bundled conf/dwlogs.yaml (layout, aliases, "
          + "context.dual_write rule).")
  String config;

  @Option(names = "--format", paramLabel = "FORMAT", converter = ReportCommand.FormatConverter.class,
      description = "With --file: read it in this format, as report --format does "
          + "(default: by extension).")
  LogFormat format;

  @Option(names = "--timezone", paramLabel = "ZONE", converter = ReportCommand.ZoneConverter.class,
      description = "With --file: zone of timestamps written without one (default: UTC).")
  ZoneId timezone;

  @Override
  public Integer call() {
    checkUsage();
    JobConfig job = config == null ? ConfigLoader.bundled() : ConfigLoader.load(SourceFiles.of(config));
    Catalog signatures = catalog == null ? CatalogLoader.bundled()
        : CatalogLoader.load(SourceFiles.of(catalog));
    Explainer explainer = new Explainer(signatures, new DualWriteContext(job.context().dualWrite()));
    for (String id : entries) {
      if (!explainer.ids().contains(id)) {
        throw new ParameterException(spec.commandLine(), "--entry " + id + ": no such entry in "
            + signatures.source());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (file == null) {
      String message = String.join(" ", text);
      block(out, "message", message, "");
      Map<String, String> parts = new LinkedHashMap<>();
      if (context != null) {
        parts.put("--context", context);
      }
      explainer.explain(message, context, parts, entries).forEach(out::println);
      return ExitCodes.OK;
    }
    InputFile input = inputFile();
    Position at = line != null ? Position.line(line) : offset != null ? Position.offset(offset) : null;
    Parsed parsed = RecordLookup.find(input, job, timezone == null ? ZoneId.of("UTC") : timezone, at);
    String header = "record: " + input.display() + ", " + parsed.position()
        + " (" + input.format().label() + ")";
    if (parsed instanceof Malformed m) {
      out.println(header + ": malformed (" + m.kind().label() + "): " + m.reason());
      block(out, "raw", m.raw(), "  ");
      out.println("the job sets malformed records aside in the quarantine and matches nothing in them");
      return ExitCodes.OK;
    }
    LogRecord r = (LogRecord) parsed;
    out.println(header);
    out.println("  timestamp: " + orNone(r.timestampMillis() == null ? null : Cells.timestamp(r.timestampMillis())));
    out.println("  level: " + orNone(r.level()));
    out.println("  component: " + orNone(r.component()));
    out.println("  session: " + orNone(r.sessionId()));
    out.println("  activity: " + orNone(r.activityId()));
    if (r.truncated()) {
      out.println("  truncated: yes (cut at text.max_record_bytes)");
    }
    block(out, "other fields", r.otherFields(), "  ");
    block(out, "message", r.message(), "  ");
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("the file path", r.source());
    if (r.component() != null) {
      parts.put("the component", r.component());
    }
    if (r.otherFields() != null) {
      parts.put("the other fields", r.otherFields());
    }
    // As the job matches it: a bracketed component the header took off is put back in front.
    explainer.explain(SignatureMatcher.matchText(r), SignatureMatcher.contextOf(r), parts, entries)
        .forEach(out::println);
    return ExitCodes.OK;
  }

  private void checkUsage() {
    boolean hasText = text != null && !text.isEmpty();
    if (hasText == (file != null)) {
      throw new ParameterException(spec.commandLine(), hasText
          ? "give the message as TEXT or a record with --file, not both"
          : "missing the message: give it as TEXT, or a record with --file FILE");
    }
    if (line != null && offset != null) {
      throw new ParameterException(spec.commandLine(), "--line and --offset are mutually exclusive");
    }
    if (file == null && (line != null || offset != null || format != null || timezone != null)) {
      throw new ParameterException(spec.commandLine(),
          "--line, --offset, --format and --timezone apply to --file only");
    }
    if (file != null && context != null) {
      throw new ParameterException(spec.commandLine(),
          "--context applies to TEXT only: a record from --file brings its own context");
    }
    if (line != null && line < 1) {
      throw new ParameterException(spec.commandLine(), "--line must be 1 or more: " + line);
    }
    if (offset != null && offset < 0) {
      throw new ParameterException(spec.commandLine(), "--offset must be 0 or more: " + offset);
    }
  }

  private InputFile inputFile() {
    List<InputFile> files = InputLister.list(List.of(file), SourceFiles.hadoopConfiguration(), format);
    if (files.size() != 1 || !files.get(0).display().equals(file)) {
      throw new ParameterException(spec.commandLine(), "--file must name one log file; " + file
          + " is a folder");
    }
    return files.get(0);
  }

  /** A value on its label's line, or its lines below the label when it has several. */
  private static void block(PrintWriter out, String label, String value, String indent) {
    if (value == null || value.isEmpty()) {
      out.println(indent + label + ": (none)");
    } else if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      out.println(indent + label + ": " + value);
    } else {
      out.println(indent + label + ":");
      value.lines().forEach(l -> out.println(indent + "    " + l));
    }
  }

  private static String orNone(String value) {
    return value == null ? "(none)" : value;
  }
}
