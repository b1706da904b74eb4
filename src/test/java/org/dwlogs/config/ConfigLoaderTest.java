package org.dwlogs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static String bundledText() throws IOException {
    try (InputStream in = ConfigLoaderTest.class.getClassLoader()
        .getResourceAsStream(ConfigLoader.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The bundled configuration with one exact piece of text replaced, loaded from a file. */
  private JobConfig loadEdited(String from, String to) throws IOException {
    String text = bundledText();
    assertThat(text).contains(from);
    Path file = dir.resolve("dwlogs.yaml");
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    return ConfigLoader.load(SourceFiles.file(file));
  }

  @Test
  void loadsTheBundledConfiguration() {
    JobConfig config = ConfigLoader.bundled();
    assertThat(config.levels()).containsEntry("WARNING", "WARN").containsEntry("VERBOSE", "TRACE");
  }

  @Test
  void loadsTheBundledFieldAliases() {
    assertThat(ConfigLoader.bundled().fields().message())
        .containsExactly("message", "msg", "exceptiondetails", "messageblock", "outerMessage",
            "innermostMessage", "details");
  }

  @Test
  void loadsTheBundledTextLayout() {
    assertThat(ConfigLoader.bundled().text().maxRecordBytes()).isEqualTo(1048576);
  }

  @Test
  void loadsAnUnchangedCopyOfTheBundledFile() throws IOException {
    assertThat(loadEdited("max_record_bytes: 1048576", "max_record_bytes: 4096").text()
        .maxRecordBytes()).isEqualTo(4096);
  }

  @Test
  void rejectsAnUnknownTopLevelKey() {
    assertThatThrownBy(() -> loadEdited("error_levels:", "eror_levels: [ERROR]\nerror_levels:"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dwlogs.yaml")
        .hasMessageContaining("unknown key 'eror_levels'");
  }

  @Test
  void rejectsAnUnknownNestedKeyNamingItsPath() {
    assertThatThrownBy(() -> loadEdited("  max_record_bytes:", "  max_records: 3\n  max_record_bytes:"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'max_records'")
        .hasMessageContaining("'text.max_records'");
  }

  @Test
  void rejectsAMissingKey() {
    assertThatThrownBy(() -> loadEdited("error_levels: [ERROR, FATAL, CRITICAL]", ""))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dwlogs.yaml")
        .hasMessageContaining("error_levels");
  }

  @Test
  void rejectsABadHeaderRegex() {
    assertThatThrownBy(() -> loadEdited("(?<component>[^\\]]*)", "(?<component>[^\\]]*"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.header is not a valid regular expression")
        .hasMessageContaining("at index");
  }

  @Test
  void rejectsABadRecordStartRegex() {
    assertThatThrownBy(() -> loadEdited("record_start: '^\\d{4}", "record_start: '^\\d{4"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.record_start is not a valid regular expression");
  }

  @Test
  void rejectsABadIdPatternNamingItsIndex() {
    assertThatThrownBy(() -> loadEdited("'(?i)\\bsession\\s*[:=]", "'(?i)\\bsession\\s*[:="))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ids.session[1] is not a valid regular expression");
  }

  @Test
  void rejectsAnIdPatternWithoutIdGroup() {
    assertThatThrownBy(() -> loadEdited(
        "'(?i)\\bactivity\\s*[:=]\\s*\\{?(?<id>", "'(?i)\\bactivity\\s*[:=]\\s*\\{?(?<guid>"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ids.activity[2] has no named group 'id'");
  }

  @Test
  void rejectsAHeaderWithoutTheTsGroup() {
    assertThatThrownBy(() -> loadEdited("header: '^(?<ts>", "header: '^(?<time>"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.header needs the named groups 'ts' and 'message'");
  }

  @Test
  void rejectsAHeaderWithoutTheMessageGroup() {
    assertThatThrownBy(() -> loadEdited("(?<message>.*)$'", "(?<msg>.*)$'"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.header needs the named groups 'ts' and 'message'");
  }

  @Test
  void rejectsATooSmallRecordBound() {
    assertThatThrownBy(() -> loadEdited("max_record_bytes: 1048576", "max_record_bytes: 100"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.max_record_bytes must be at least 1024: 100");
  }

  @Test
  void rejectsAnInvalidTimestampPattern() {
    assertThatThrownBy(() -> loadEdited("- \"M/d/uuuu H:mm[:ss]\"", "- \"M/d/uuuu H:mm[:ss] b\""))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("timestamp_formats[3] 'M/d/uuuu H:mm[:ss] b' is not a java.time pattern")
        .hasMessageContaining("Unknown pattern letter: b");
  }

  @Test
  void rejectsAnErrorLevelThatNoLevelReports() {
    assertThatThrownBy(() -> loadEdited("error_levels: [ERROR, FATAL, CRITICAL]",
        "error_levels: [ERROR, SEVERE]"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("error_levels names 'SEVERE', which no entry of levels reports");
  }

  @Test
  void rejectsAFileThatIsNotYaml() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "text:\n  record_start: \"unclosed\n  header: x\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConfigLoader.load(SourceFiles.file(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("broken.yaml: not valid YAML")
        .hasMessageContaining("at line 2, column")
        .hasMessageContaining("found unexpected end of stream")
        .hasMessageNotContaining("\n");
  }

  @Test
  void reportsAMissingFileAsUnreadable() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(SourceFiles.file(missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yaml: cannot read");
  }

  @Test
  void loadsTheBundledLayoutsDefaultFirst() {
    assertThat(ConfigLoader.bundled().text().layoutsInOrder()).extracting(JobConfig.Layout::name)
        .containsExactly("default", "level_in_brackets", "log4net", "nlog",
            "bracketed_timestamp",
            "slash_date");
  }

  @Test
  void loadsAConfigurationWrittenBeforeLayoutsExisted() throws IOException {
    String text = bundledText();
    int from = text.indexOf("  # More layouts");
    int to = text.indexOf("# java.time patterns");
    assertThat(from).isPositive();
    Path file = dir.resolve("old.yaml");
    Files.writeString(file, text.substring(0, from) + "\n" + text.substring(to),
        StandardCharsets.UTF_8);
    JobConfig config = ConfigLoader.load(SourceFiles.file(file));
    assertThat(config.text().layouts()).isEmpty();
    assertThat(config.text().layoutsInOrder()).extracting(JobConfig.Layout::name)
        .containsExactly("default");
  }

  @Test
  void rejectsALayoutHeaderWithoutTheTimestampGroupNamingTheLayout() {
    assertThatThrownBy(() -> loadEdited("      header: '^(?<ts>", "      header: '^(?<t>"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.layouts[0].header needs the named groups 'ts' and 'message'");
  }

  @Test
  void rejectsTwoLayoutsWithOneName() {
    assertThatThrownBy(() -> loadEdited("- name: nlog", "- name: log4net"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.layouts[2].name must be a unique word");
  }
}
