package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dwlogs.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** Level words read in place from bytes get the levels the same words get as strings. */
class LevelsTest {
  @Test
  void aWordReadFromBytesHasTheLevelOfTheSameWordAsAString() {
    Levels byBytes = new Levels(ConfigLoader.bundled().levels());
    Levels byString = new Levels(ConfigLoader.bundled().levels());
    List<String> words = new ArrayList<>(List.of("ERROR", "error", "Error", "WARN", "Warning",
        "INFO", "Information", "DEBUG", "TRACE", "FATAL", "CRITICAL", "ERR", "Err", "INF",
        "Hello", "E", ""));
    for (int i = 0; i < 20; i++) {
      words.add("word" + i); // more words than the byte cache keeps
    }
    for (int round = 0; round < 3; round++) {
      for (String w : words) {
        byte[] bytes = ("[" + w + "]").getBytes(StandardCharsets.US_ASCII);
        AsciiText text = new AsciiText(bytes, 0, bytes.length);
        assertThat(byBytes.canonical(text, 1, 1 + w.length())).as(w)
            .isEqualTo(byString.canonical(w));
      }
    }
    assertThat(byString.canonical("Error")).isEqualTo("ERROR");
    assertThat(byString.canonical("Hello")).isNull();
  }
}
