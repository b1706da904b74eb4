package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.parse.JsonLineParser;
import org.dwlogs.parse.LogRecord;
import org.dwlogs.parse.Malformed;
import org.dwlogs.parse.Parsed;
import org.dwlogs.parse.Position;
import org.dwlogs.parse.RecordParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON documents as the Dataverse Web API and export tools write them, read record by record:
 * the hand-written files under {@code src/test/resources/dualwrite-inputs/json-documents}.
 */
class JsonDocumentIteratorTest {
  private static final String MAP_401 =
      "Response status code does not indicate success: 401 (Unauthorized).";
  private static final JobConfig CONFIG = ConfigLoader.bundled();

  @TempDir
  Path tmp;

  static Path resource(String name) {
    return Path.of("src/test/resources/dualwrite-inputs", name);
  }

  private static List<Parsed> read(Path file, int maxRecordBytes) {
    JsonLineParser json = new JsonLineParser(new RecordParser(CONFIG, ZoneOffset.UTC),
        CONFIG.fields());
    List<Parsed> out = new ArrayList<>();
    new JsonDocumentIterator(file.toUri().toString(), new Configuration(), json, maxRecordBytes)
        .forEachRemaining(out::add);
    return out;
  }

  private static List<Parsed> read(Path file) {
    return read(file, CONFIG.text().maxRecordBytes());
  }

  private static long offsetOf(Path file, String text) throws IOException {
    String s = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    int at = s.indexOf(text);
    assertThat(at).as("%s holds %s", file, text).isGreaterThanOrEqualTo(0);
    return at;
  }

  @Test
  void readsEveryRecordOfAnODataPluginTraceResponse() throws IOException {
    Path file = resource("json-documents/plugintracelog-odata.json");
    List<Parsed> parsed = read(file);

    assertThat(parsed).hasSize(3).allMatch(p -> p instanceof LogRecord);
    LogRecord first = (LogRecord) parsed.get(0);
    assertThat(first.position())
        .isEqualTo(Position.offset(offsetOf(file, "{\n      \"@odata.etag\": \"W/\\\"48211907")));
    assertThat(first.timestampMillis())
        .isEqualTo(Instant.parse("2026-11-20T01:02:03Z").toEpochMilli());
    assertThat(first.component())
        .isEqualTo("Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PostCommitPlugin");
    // exceptiondetails, then messageblock: both are message text.
    assertThat(first.message()).startsWith("Unhandled exception:").contains(MAP_401)
        .contains("DualWrite: sending payload to finance and operations");
    assertThat(first.sessionId()).isEqualTo("2b1e7f3c-90aa-4d5e-8c1b-7a6f5e4d3c21");
    // The other plug-in trace columns are context.
    assertThat(first.otherFields()).contains("Create", "account",
        "c3a1d2e4-1111-4a2b-9c3d-5e6f7a8b9c01", "412").doesNotContain(MAP_401);
    LogRecord second = (LogRecord) parsed.get(1);
    assertThat(second.message())
        .isEqualTo("DualWrite: outbound payload sent to finance and operations in 811 ms");
    // The zero GUID written first in the text is no session: the real one after it is.
    assertThat(((LogRecord) parsed.get(2)).sessionId())
        .isEqualTo("2b1e7f3c-90aa-4d5e-8c1b-7a6f5e4d3c22");
  }

  @Test
  void aBrokenElementIsQuarantinedAndTheElementsAfterItAreRead() throws IOException {
    Path file = resource("json-documents/records-array-broken.json");
    List<Parsed> parsed = read(file);

    assertThat(parsed).hasSize(5);
    assertThat(parsed.stream().filter(p -> p instanceof LogRecord)).hasSize(4);
    Malformed broken = (Malformed) parsed.get(2);
    assertThat(broken.kind()).isEqualTo(Malformed.Kind.INVALID_JSON);
    assertThat(broken.position())
        .isEqualTo(Position.offset(offsetOf(file, "{\"timestamp\": \"2026-11-20T02:00:02Z\"")));
    assertThat(broken.reason()).contains("read on at the next element, offset "
        + offsetOf(file, "{\"timestamp\": \"2026-11-20T02:00:03Z\""));
    assertThat(broken.raw()).startsWith("{\"timestamp\": \"2026-11-20T02:00:02Z\", \"level\": ERROR")
        .endsWith("{\"deep\": \"}]\"}]}}");
    LogRecord after = (LogRecord) parsed.get(3);
    assertThat(after.position())
        .isEqualTo(Position.offset(offsetOf(file, "{\"timestamp\": \"2026-11-20T02:00:03Z\"")));
    assertThat(after.sessionId()).isEqualTo("9a8b7c6d-0001-4e5f-8a9b-0c1d2e3f4a02");
    assertThat(((LogRecord) parsed.get(4)).sessionId()).isNull(); // "N/A"
  }

  @Test
  void aBrokenEscapeInAStringCostsOnlyItsElement() throws IOException {
    Path file = Files.writeString(tmp.resolve("escape.json"),
        "[{\"message\":\"a\"},{\"message\":\"bad \\x escape, {\\\"not\\\": 1}\"},{\"message\":\"c\"}]");
    List<Parsed> parsed = read(file);
    assertThat(parsed).hasSize(3);
    assertThat(((LogRecord) parsed.get(0)).message()).isEqualTo("a");
    assertThat(((Malformed) parsed.get(1)).raw()).isEqualTo("{\"message\":\"bad \\x escape, {\\\"not\\\": 1}\"}");
    assertThat(((Malformed) parsed.get(1)).position()).isEqualTo(Position.offset(17));
    assertThat(((LogRecord) parsed.get(2)).message()).isEqualTo("c");
  }

  @Test
  void aMissingCommaBetweenElementsCostsTheElementAfterIt() throws IOException {
    Path file = Files.writeString(tmp.resolve("comma.json"),
        "[{\"message\":\"a\"} {\"message\":\"b\"},{\"message\":\"c\"}]");
    List<Parsed> parsed = read(file);
    assertThat(parsed).hasSize(3);
    assertThat(((LogRecord) parsed.get(0)).message()).isEqualTo("a");
    assertThat(((Malformed) parsed.get(1)).raw()).isEqualTo("{\"message\":\"b\"}");
    assertThat(((LogRecord) parsed.get(2)).message()).isEqualTo("c");
  }

  @Test
  void aDocumentCutInTheMiddleKeepsItsRecordsAndNamesTheRest() throws IOException {
    byte[] whole = Files.readAllBytes(resource("json-documents/records-array-broken.json"));
    String s = new String(whole, StandardCharsets.UTF_8);
    int cut = s.indexOf("{\"timestamp\": \"2026-11-20T02:00:03Z\"") + 40;
    Path file = Files.write(tmp.resolve("cut.json"), s.substring(0, cut).getBytes(StandardCharsets.UTF_8));

    List<Parsed> parsed = read(file);

    assertThat(parsed).hasSize(4);
    assertThat(parsed.subList(0, 2)).allMatch(p -> p instanceof LogRecord);
    Malformed broken = (Malformed) parsed.get(2);
    assertThat(broken.reason()).contains("read on at the next element");
    Malformed rest = (Malformed) parsed.get(3);
    assertThat(rest.kind()).isEqualTo(Malformed.Kind.INVALID_JSON);
    assertThat(rest.position().value()).isEqualTo(s.indexOf("{\"timestamp\": \"2026-11-20T02:00:03Z\""));
    assertThat(rest.reason()).contains("no element after it, the rest of the document (40 bytes)");
  }

  @Test
  void readsAGzippedDocumentWithOffsetsInTheDecompressedStream() throws IOException {
    Path plain = resource("json-documents/plugintracelog-odata.json");
    Path gz = tmp.resolve("plugintracelog.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(plain));
    }
    List<Parsed> fromGz = read(gz);
    List<Parsed> fromPlain = read(plain);
    assertThat(fromGz).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(fromGz.get(i).position()).isEqualTo(fromPlain.get(i).position());
    }
  }

  @Test
  void anObjectWithoutAValueArrayIsOneRecord() throws IOException {
    Path file = Files.writeString(tmp.resolve("one.json"),
        "{\n  \"timestamp\": \"2026-11-20T01:00:00Z\",\n  \"message\": \"" + MAP_401 + "\"\n}\n");
    List<Parsed> parsed = read(file);
    assertThat(parsed).hasSize(1);
    assertThat(((LogRecord) parsed.get(0)).message()).isEqualTo(MAP_401);
  }

  @Test
  void prettyPrintedObjectsOneAfterAnotherAreOneRecordEach() throws IOException {
    Path file = Files.writeString(tmp.resolve("pretty.json"),
        "{\n  \"message\": \"a\"\n}\n{\n  \"message\": \"b\"\n}\n");
    List<Parsed> parsed = read(file);
    assertThat(parsed).extracting(p -> ((LogRecord) p).message()).containsExactly("a", "b");
    assertThat(parsed).extracting(Parsed::position)
        .containsExactly(Position.offset(0), Position.offset(21));
  }

  @Test
  void anElementOverTheBoundIsKeptCutAndFlaggedTruncated() throws IOException {
    String big = "x".repeat(3000);
    Path file = Files.writeString(tmp.resolve("big.json"), "[{\"message\":\"" + MAP_401 + big
        + "\"},{\"message\":\"small\"}]");
    List<Parsed> parsed = read(file, 1024);
    LogRecord cut = (LogRecord) parsed.get(0);
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.message()).hasSize(1024).startsWith(MAP_401);
    assertThat(((LogRecord) parsed.get(1)).truncated()).isFalse();
  }

  @Test
  void anElementThatIsNoObjectIsMalformedAndTheOthersAreRead() throws IOException {
    Path file = Files.writeString(tmp.resolve("mixed.json"),
        "[{\"message\":\"a\"}, 42, {\"msg\":\"b\"}, {\"other\":1}]");
    List<Parsed> parsed = read(file);
    assertThat(parsed).hasSize(4);
    assertThat(((Malformed) parsed.get(1)).kind()).isEqualTo(Malformed.Kind.INVALID_JSON);
    assertThat(((Malformed) parsed.get(1)).position()).isEqualTo(Position.offset(18));
    assertThat(((Malformed) parsed.get(3)).kind()).isEqualTo(Malformed.Kind.NO_MESSAGE);
  }

  @Test
  void anEmptyDocumentHasNoRecords() throws IOException {
    assertThat(read(Files.writeString(tmp.resolve("empty.json"), "[]"))).isEmpty();
    assertThat(read(Files.writeString(tmp.resolve("odata-empty.json"),
        "{\"@odata.context\":\"x\",\"value\":[]}"))).isEmpty();
  }

  // ------------------------------------------------------------------------ sniffing

  private static LogFormat sniff(String text) throws IOException {
    try (InputStream in = new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
      return JsonShape.sniff(in);
    }
  }

  @Test
  void tellsDocumentsFromJsonLinesByTheirFirstValue() throws IOException {
    assertThat(sniff("[{\"message\":\"a\"}]")).isEqualTo(LogFormat.JSON);
    assertThat(sniff("  \n[\n{\"message\":\"a\"}\n]")).isEqualTo(LogFormat.JSON);
    assertThat(sniff("{\"@odata.context\":\"x\",\"value\":[{\"message\":\"a\"}]}"))
        .isEqualTo(LogFormat.JSON);
    assertThat(sniff("{\n  \"message\": \"a\"\n}")).isEqualTo(LogFormat.JSON);
    assertThat(sniff(Files.readString(resource("json-documents/plugintracelog-odata.json"))))
        .isEqualTo(LogFormat.JSON);
    assertThat(sniff("{\"message\":\"a\"}\n{\"message\":\"b\"}\n")).isEqualTo(LogFormat.JSONL);
    assertThat(sniff("{\"message\":\"a\",\"value\":\"not an array\"}\n")).isEqualTo(LogFormat.JSONL);
    assertThat(sniff("not json\n{\"message\":\"b\"}\n")).isEqualTo(LogFormat.JSONL);
    assertThat(sniff("")).isEqualTo(LogFormat.JSONL);
  }
}
