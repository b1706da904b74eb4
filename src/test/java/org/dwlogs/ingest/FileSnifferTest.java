package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encoding and layout detection on the hand-written files of {@code dualwrite-inputs/text-shapes/}. */
class FileSnifferTest {
  static final JobConfig CONFIG = ConfigLoader.bundled();
  static final Path SHAPES = Path.of("src/test/resources/dualwrite-inputs/text-shapes");

  static FileSniff sniff(String text, LogFormat format) {
    return FileSniffer.sniff(text.getBytes(StandardCharsets.UTF_8), true, format, CONFIG);
  }

  @ParameterizedTest(name = "{0}: {1}, {2}")
  @CsvSource({
      "utf16le-log4net.log,     utf-16le,     log4net",
      "utf16be-default.log,     utf-16be,     default",
      "windows1252-serilog.log, windows-1252, level_in_brackets",
      "bracketed-timestamp.log, utf-8,        bracketed_timestamp",
      "level-in-brackets.log,   utf-8,        level_in_brackets",
      "nlog-default.log,        utf-8,        nlog",
      "day-first.log,           utf-8,        slash_date",
      "no-record-start.log,     utf-8,        none",
      "concatenated-bom.log,    utf-8-bom,    default"})
  void detectsTheEncodingAndLayoutOfEachShape(String file, String encoding, String layout)
      throws IOException {
    FileSniff s = FileSniffer.sniff(Files.readAllBytes(SHAPES.resolve(file)), true,
        LogFormat.TEXT, CONFIG);
    assertThat(s.encodingLabel()).isEqualTo(encoding);
    assertThat(s.layout()).isEqualTo(layout);
  }

  @Test
  void jsonAndCsvFilesHaveAnEncodingAndNoLayout() throws IOException {
    FileSniff csv = FileSniffer.sniff(Files.readAllBytes(SHAPES.resolve("bom-quoted-header.csv")),
        true, LogFormat.CSV, CONFIG);
    assertThat(csv.encoding()).isEqualTo(TextEncoding.UTF_8_BOM);
    assertThat(csv.layout()).isNull();
    FileSniff jsonl = FileSniffer.sniff(Files.readAllBytes(SHAPES.resolve("windows1252.jsonl")),
        true, LogFormat.JSONL, CONFIG);
    assertThat(jsonl.encodingLabel()).isEqualTo("windows-1252");
  }

  @Test
  void aFileOfUtf8AndWindows1252LinesIsLabelledWithBoth() {
    byte[] bytes = "2026-11-20T01:02:03Z INFO caf\u00e9\n2026-11-20T01:02:04Z INFO caf"
        .getBytes(StandardCharsets.UTF_8);
    byte[] mixed = java.util.Arrays.copyOf(bytes, bytes.length + 2);
    mixed[bytes.length] = (byte) 0xE9;
    mixed[bytes.length + 1] = '\n';
    assertThat(FileSniffer.sniff(mixed, true, LogFormat.TEXT, CONFIG).encodingLabel())
        .isEqualTo("utf-8+windows-1252");
  }

  @Test
  void slashDatesAreDayFirstOnlyWhenAFirstNumberIsOver12AndNoSecondIs() {
    assertThat(sniff("05/11/2026 01:02:03 INFO a\n20/11/2026 01:02:03 INFO b\n", LogFormat.TEXT)
        .dayFirst()).isTrue();
    assertThat(sniff("05/11/2026 01:02:03 INFO a\n11/20/2026 01:02:03 INFO b\n", LogFormat.TEXT)
        .dayFirst()).isFalse();
    assertThat(sniff("05/11/2026 01:02:03 INFO a\n06/11/2026 01:02:03 INFO b\n", LogFormat.TEXT)
        .dayFirst()).isFalse(); // ambiguous: month first, as before
  }

  @Test
  void theDefaultLayoutWinsTiesSoTodaysLogsReadAsBefore() {
    String log = "2026-11-20 01:02:03,456 ERROR [DualWriteSync] failed\nSession ID: x\n";
    assertThat(sniff(log, LogFormat.TEXT).layout()).isEqualTo("default");
  }

  @Test
  void theLayoutThatFindsMoreLevelWordsWinsOverOneThatOnlyFindsTimestamps() {
    // The default header reads "[12]" as a component and loses the level; log4net reads it.
    String log = "2026-11-20 01:02:03,456 [12] ERROR Foo.Bar - failed\n"
        + "2026-11-20 01:02:04,456 [12] INFO Foo.Bar - ok\n";
    assertThat(sniff(log, LogFormat.TEXT).layout()).isEqualTo("log4net");
  }

  @Test
  void aUsersConfigurationWithoutLayoutsHasItsOneLayout() {
    JobConfig.TextLayout old = new JobConfig.TextLayout("^#", "^#(?<ts>\\S+) (?<message>.*)$", 4096);
    assertThat(old.layoutsInOrder()).extracting(JobConfig.Layout::name).containsExactly("default");
  }
}
