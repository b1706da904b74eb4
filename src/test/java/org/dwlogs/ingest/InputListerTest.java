package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listed names are never patterns; an input that names nothing may be a glob. */
class InputListerTest {
  @TempDir
  Path tmp;

  private Path file(String relative, String text) throws IOException {
    Path f = tmp.resolve(relative);
    Files.createDirectories(f.getParent());
    return Files.writeString(f, text);
  }

  private static List<InputFile> list(String... inputs) {
    return InputLister.list(List.of(inputs), new Configuration(), null);
  }

  @Test
  void aFileWhoseNameHoldsGlobCharactersIsListedByItsName() throws IOException {
    Path brackets = file("dw[1].log", "x\n");
    Path braces = file("x{a,b}.log", "x\n");

    assertThat(list(brackets.toString())).extracting(InputFile::display)
        .containsExactly(brackets.toString());
    assertThat(list(braces.toString())).extracting(InputFile::display)
        .containsExactly(braces.toString());
    assertThat(list(tmp.toString())).extracting(InputFile::display)
        .containsExactly(brackets.toString(), braces.toString());
  }

  @Test
  void anInputThatDoesNotExistIsAGlob() throws IOException {
    file("logs/a/dw-1.log", "x\n");
    file("logs/a/other.log", "x\n");
    file("logs/b/dw-2.log", "x\n");
    file("logs/b/_dw-3.log", "x\n"); // hidden, as in a folder's listing
    file("logs/dw-top.log", "x\n");

    List<InputFile> files = list(tmp + "/logs/*/dw-*.log");

    assertThat(files).extracting(InputFile::display)
        .containsExactly(tmp + "/logs/a/dw-1.log", tmp + "/logs/b/dw-2.log");
    assertThat(files).extracting(InputFile::format).containsOnly(LogFormat.TEXT);
  }

  @Test
  void aGlobMayMatchFoldersWhichAreListedWhole() throws IOException {
    file("runs/2026-11-20/a.log", "x\n");
    file("runs/2026-11-20/sub/b.jsonl", "{}\n");
    file("runs/2026-11-21/c.csv", "message\nx\n");

    assertThat(list(tmp + "/runs/2026-11-2{0,1}")).extracting(InputFile::display).containsExactly(
        tmp + "/runs/2026-11-20/a.log", tmp + "/runs/2026-11-20/sub/b.jsonl",
        tmp + "/runs/2026-11-21/c.csv");
  }

  @Test
  void aGlobMatchingNothingNamesTheGlob() {
    String glob = tmp + "/nothing/*.log";
    assertThatThrownBy(() -> list(glob)).isInstanceOf(InputException.class)
        .hasMessage("input glob matches no file: " + glob);
  }

  @Test
  void aMissingPathWithoutGlobCharactersIsStillMissing() {
    String missing = tmp + "/missing.log";
    assertThatThrownBy(() -> list(missing)).isInstanceOf(InputException.class)
        .hasMessage("input path does not exist: " + missing);
  }

  @Test
  void aJsonFileIsADocumentOrJsonLinesByItsContent() throws IOException {
    Path doc = file("odata.json", "{\"@odata.context\":\"x\",\"value\":[{\"message\":\"a\"}]}");
    Path lines = file("lines.json", "{\"message\":\"a\"}\n{\"message\":\"b\"}\n");
    Path jsonl = file("array.jsonl", "[{\"message\":\"a\"}]\n"); // .jsonl is never sniffed

    assertThat(list(doc.toString(), lines.toString(), jsonl.toString()))
        .extracting(InputFile::format)
        .containsExactly(LogFormat.JSONL, LogFormat.JSONL, LogFormat.JSON);
    assertThat(InputLister.list(List.of(doc.toString()), new Configuration(), LogFormat.JSONL))
        .extracting(InputFile::format).containsExactly(LogFormat.JSONL);
  }
}
