package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.dwlogs.signatures.CatalogLoader;
import org.dwlogs.signatures.Signature;
import org.junit.jupiter.api.Test;

/**
 * The pre-filter reads a line's UTF-8 bytes exactly as it reads the decoded line: checked on
 * every line of every file of {@code sample-logs/} and the test resources (gzip files
 * unpacked), query by query.
 */
class BytePrefilterTest {
  @Test
  void bytesAndTextGiveTheSameCandidatesOnEveryLineOfTheSamplesAndTestResources()
      throws IOException, ParseException {
    QueryCompiler compiler = new QueryCompiler(new LogAnalyzer());
    List<Query> queries = new ArrayList<>();
    for (Signature s : CatalogLoader.bundled().signatures()) {
      queries.add(compiler.compile(s.query()));
    }
    LiteralPrefilter prefilter = LiteralPrefilter.of(queries);
    boolean[] fromText = new boolean[queries.size()];
    boolean[] fromBytes = new boolean[queries.size()];
    long lines = 0;
    long candidates = 0;
    for (Path file : files()) {
      byte[] content = read(file);
      int start = 0;
      for (int i = 0; i <= content.length; i++) {
        if (i < content.length && content[i] != '\n') {
          continue;
        }
        String text = utf8(content, start, i);
        if (text != null) { // other encodings are decoded before any matching
          int n = prefilter.mayMatchEach(text, fromText);
          assertThat(prefilter.mayMatchEach(content, start, i, fromBytes)).isEqualTo(n);
          assertThat(fromBytes).as("%s, line of byte %d", file, start).isEqualTo(fromText);
          lines++;
          candidates += n > 0 ? 1 : 0;
        }
        start = i + 1;
      }
    }
    assertThat(lines).as("lines compared").isGreaterThan(10_000);
    assertThat(candidates).as("lines that are candidates").isGreaterThan(500);
  }

  private static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : List.of(Path.of("sample-logs"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).sorted().forEach(out::add);
      }
    }
    return out;
  }

  private static byte[] read(Path file) throws IOException {
    if (!file.toString().endsWith(".gz")) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0]; // a deliberately broken gzip fixture: nothing to compare
    }
  }

  /** The line as strict UTF-8, or null when it is not valid UTF-8. */
  private static String utf8(byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
