package org.dwlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dwlogs.cli.DwlogsCommandTest.expectExit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dwlogs catalog validate} beyond loading: queries that can never match, and entries
 * that both match one documented message without one overriding the other.
 */
class CatalogValidateCommandTest {
  @TempDir
  Path tmp;

  private static String entry(String id, String title, String query, String extra) {
    return "  - issue_id: " + id + "\n    title: \"" + title + "\"\n    query: '"
        + query.replace("'", "''") + "'\n    remedy: r\n    doc_section: d\n" + extra;
  }

  private Path catalog(String... entries) throws IOException {
    return Files.writeString(tmp.resolve("catalog.yaml"),
        "version: 1\nsignatures:\n" + String.join("", entries));
  }

  /** Validates, expecting problems: exit 1, one stderr line each, naming the file. */
  private List<String> problems(Path catalog, String... more) {
    String[] args = new String[2 + more.length + 1];
    args[0] = "catalog";
    args[1] = "validate";
    System.arraycopy(more, 0, args, 2, more.length);
    args[args.length - 1] = catalog.toString();
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, args);
    List<String> lines = r.errLines();
    assertThat(lines).allMatch(l -> l.startsWith("dwlogs: " + catalog + ": "));
    assertThat(r.out().lines().toList()).last().asString()
        .isEqualTo(catalog + ": " + (r.out().lines().count() - 1) + " entries, " + lines.size()
            + (lines.size() == 1 ? " problem" : " problems"));
    return lines.stream().map(l -> l.substring(("dwlogs: " + catalog + ": ").length())).toList();
  }

  private void valid(Path catalog, String... more) {
    String[] args = new String[2 + more.length + 1];
    args[0] = "catalog";
    args[1] = "validate";
    System.arraycopy(more, 0, args, 2, more.length);
    args[args.length - 1] = catalog.toString();
    DwlogsCommandTest.Run r = expectExit(ExitCodes.OK, args);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("valid (sha256 ");
  }

  @Test
  void namesATermInAnotherFieldThanTheMessage() throws IOException {
    assertThat(problems(catalog(entry("code", "Error code: DIPV1002", "Error:DIPV1002 OR \"error code dipv1002\"", ""))))
        .containsExactly("entry 'code': 'Error:dipv1002' searches the field 'Error', but the message "
            + "is the only field (write ':' inside quotes, or escape it as '\\:')");
  }

  @Test
  void namesAPrefixOfAnApostropheFormTheAnalyserSpellsOut() throws IOException {
    assertThat(problems(catalog(entry("apostrophe", "The page doesn't load", "page AND doesn't*", ""))))
        .containsExactly("entry 'apostrophe': prefix 'doesn't*' begins no token the analyser "
            + "writes (it analyses to 'does not')");
  }

  @Test
  void namesAClauseThatOnlyExcludes() throws IOException {
    assertThat(problems(catalog(entry("excluding", "Sync failed", "\"sync failed\" OR (-retry)", ""))))
        .containsExactly("entry 'excluding': (-retry) only excludes terms, so it never matches: "
            + "add a term it requires");
  }

  @Test
  void acceptsApostropheFormsInPhrasesAndTermsSinceTheyAreAnalysedLikeTheMessage() throws IOException {
    valid(catalog(
        entry("phrase", "Response status code doesn't indicate success", "\"status code doesn't indicate success\"", ""),
        entry("term", "It can't be loaded", "loaded AND can't", ""),
        entry("dotted-prefix", "login.microsoftonline.com refused", "login.* AND refused", ""),
        entry("escaped-colon", "Error:Code", "Error\\:Code", "")));
  }

  @Test
  void namesTwoEntriesThatBothMatchOneTitle() throws IOException {
    Path c = catalog(
        entry("write-general", "Unable to write data to entity <entity>", "\"unable to write data to entity\"", ""),
        entry("write-task", "Unable to write data to entity msdyn_expenses. Could not resolve project task",
            "\"unable to write data to entity\" AND \"could not resolve project task\"", ""));
    assertThat(problems(c)).containsExactly("entries 'write-general' and 'write-task' both match "
        + "the title of 'write-task': \"Unable to write data to entity msdyn_expenses. Could not "
        + "resolve project task\"; neither overrides the other, so a record with it counts twice "
        + "(add one to the other's overrides, or make the queries exclusive)");
  }

  @Test
  void anOverrideResolvesTheOverlap() throws IOException {
    valid(catalog(
        entry("write-general", "Unable to write data to entity <entity>", "\"unable to write data to entity\"", ""),
        entry("write-task", "Unable to write data to entity msdyn_expenses. Could not resolve project task",
            "\"unable to write data to entity\" AND \"could not resolve project task\"",
            "    overrides: [write-general]\n")));
  }

  @Test
  void genericEntriesCountInTheOverlapCheckSinceInContextBothWouldCount() throws IOException {
    Path c = catalog(
        entry("status-any", "Response status code does not indicate success", "\"status code does not indicate success\"",
            "    generic: true\n"),
        entry("status-401", "Response status code does not indicate success: 401 (Unauthorized).",
            "\"status code does not indicate success 401\"", "    generic: true\n"));
    assertThat(problems(c)).singleElement().asString()
        .startsWith("entries 'status-401' and 'status-any' both match the title of 'status-401'");
  }

  @Test
  void namesTwoEntriesThatBothMatchADocumentedMessageOfTheMessagesFile() throws IOException {
    Path c = catalog(
        entry("write-general", "Unable to write data to entity <entity>", "\"unable to write data to entity\"", ""),
        entry("project-task", "Could not resolve project task", "\"could not resolve project task\"", ""));
    valid(c);
    Path messages = Files.writeString(tmp.resolve("messages.yaml"), """
        - id: near-miss
          expect: none
          text: "Unable to write data to entity x. Could not resolve project task"
        - id: expense-task
          expect: project-task
          text: "Unable to write data to entity msdyn_expenses. Could not resolve project task"
        """);
    assertThat(problems(c, "--messages", messages.toString())).singleElement().asString()
        .startsWith("entries 'project-task' and 'write-general' both match message 'expense-task': "
            + "\"Unable to write data to entity msdyn_expenses. Could not resolve project task\"");
  }

  @Test
  void aMessagesFileExpectingAnUnknownEntryIsOneLine() throws IOException {
    Path c = catalog(entry("one", "One", "one", ""));
    Path messages = Files.writeString(tmp.resolve("messages.yaml"),
        "- id: m\n  expect: two\n  text: two\n");
    DwlogsCommandTest.Run r = expectExit(ExitCodes.USAGE, "catalog", "validate", "--messages",
        messages.toString(), c.toString());
    assertThat(r.errLines()).containsExactly("dwlogs: " + messages
        + ": item 1 'm': expect names 'two', which is no entry of the catalog " + c + " (nor none)");
  }
}
