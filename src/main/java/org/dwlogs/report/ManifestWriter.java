package org.dwlogs.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dwlogs.Version;
import org.dwlogs.ingest.FileSniff;
import org.dwlogs.ingest.InputFile;
import org.dwlogs.run.FileCounts;
import org.dwlogs.run.RunOptions;
import org.dwlogs.run.RunTotals;

/** Writes {@code run_manifest.json}: what was read, what was found, with which settings. */
public final class ManifestWriter {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private ManifestWriter() {}

  /** Everything the manifest reports; {@code perFile} and {@code malformedByKind} are keyed by path. */
  public record Manifest(RunOptions options, List<InputFile> files,
      Map<String, FileCounts> perFile, Map<String, Map<String, Long>> malformedByKind,
      RunTotals totals, Map<String, Object> spark,
      Map<String, Long> timingsMillis, Instant started, Instant finished,
      Map<String, FileSniff> sniffs) {
    /** A manifest without encodings and layouts (records read from an index). */
    public Manifest(RunOptions options, List<InputFile> files,
        Map<String, FileCounts> perFile, Map<String, Map<String, Long>> malformedByKind,
        RunTotals totals, Map<String, Object> spark,
        Map<String, Long> timingsMillis, Instant started, Instant finished) {
      this(options, files, perFile, malformedByKind, totals, spark, timingsMillis, started,
          finished, Map.of());
    }
  }

  /** The manifest's and the console's note on a text file without any record start. */
  public static String noRecordStartNote(long lines) {
    return "no record start found, " + lines + (lines == 1 ? " line" : " lines");
  }

  public static void write(OutputStream out, Manifest m) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dwlogs_version", Version.get());
    root.put("started_at", Cells.timestamp(m.started().toEpochMilli()));
    root.put("finished_at", Cells.timestamp(m.finished().toEpochMilli()));
    root.put("spark", m.spark());
    root.put("parameters", new java.util.TreeMap<>(m.options().parameters()));
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("source", m.options().catalog().source());
    catalog.put("sha256", m.options().catalog().sha256());
    catalog.put("entries", m.options().catalog().signatures().size());
    root.put("catalog", catalog);

    List<Map<String, Object>> inputs = new ArrayList<>();
    for (InputFile f : m.files()) {
      FileCounts stats = m.perFile().getOrDefault(f.path(), FileCounts.NONE);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", f.display());
      entry.put("format", f.format().label());
      entry.put("bytes", f.bytes());
      FileSniff sniff = m.sniffs().get(f.path());
      if (sniff != null) {
        entry.put("encoding", sniff.encodingLabel());
        if (sniff.layout() != null) {
          entry.put("layout", sniff.layout());
        }
        if (sniff.dayFirst()) {
          entry.put("day_first", true);
        }
      }
      entry.put("records", stats.records());
      entry.put("malformed", stats.malformed());
      entry.put("truncated", stats.truncated());
      entry.put("records_without_timestamp", stats.recordsWithoutTimestamp());
      entry.put("invalid_utf8", stats.invalidUtf8());
      entry.put("control_chars", stats.controlChars());
      Map<String, Long> kinds = m.malformedByKind().getOrDefault(f.path(), Map.of());
      entry.put("malformed_by_kind", kinds);
      if (sniff != null && sniff.noRecordStart()) {
        entry.put("note", noRecordStartNote(
            kinds.getOrDefault(org.dwlogs.parse.Malformed.Kind.NO_RECORD_START.label(), 0L)));
      }
      inputs.add(entry);
    }
    root.put("inputs", inputs);

    RunTotals t = m.totals();
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("files", t.files());
    totals.put("bytes", t.bytes());
    totals.put("records", t.records());
    totals.put("malformed", t.malformed());
    totals.put("truncated", t.truncated());
    totals.put("matched_records", t.matchedRecords());
    totals.put("unmatched_error_records", t.unmatchedErrorRecords());
    totals.put("records_without_timestamp", t.recordsWithoutTimestamp());
    totals.put("invalid_utf8", t.invalidUtf8());
    totals.put("control_chars", t.controlChars());
    totals.put("sessions", t.sessions());
    totals.put("activities", t.activities());
    root.put("totals", totals);
    root.put("reports", java.util.stream.Stream.concat(ReportTable.ALL.stream(),
        java.util.stream.Stream.of(ReportTable.QUARANTINE)).map(ReportTable::fileName).toList());
    root.put("timings_ms", m.timingsMillis());
    JSON.writeValue(out, root);
  }
}
