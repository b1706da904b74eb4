package org.dwlogs.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralScannerTest {
  private static List<String> found(LiteralScanner scanner, String text) {
    LiteralScanner.Hits hits = scanner.newHits();
    scanner.scan(text, hits);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      out.add(scanner.literal(hits.get(i)));
    }
    return out;
  }

  private static List<String> foundInBytes(LiteralScanner scanner, String text) {
    byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    LiteralScanner.Hits hits = scanner.newHits();
    scanner.scan(bytes, 2, bytes.length - 2, hits);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      out.add(scanner.literal(hits.get(i)));
    }
    return out;
  }

  @Test
  void findsEveryLiteralThatOccursOnceEvenWhenTheyOverlap() {
    LiteralScanner s = LiteralScanner.of(List.of("he", "she", "his", "hers", "absent"));
    assertThat(found(s, "ushers and his")).containsExactlyInAnyOrder("she", "he", "hers", "his");
    assertThat(found(s, "she she she")).containsExactly("she", "he");
    assertThat(found(s, "nothing here but h e")).containsExactly("he");
    assertThat(found(s, "")).isEmpty();
  }

  @Test
  void keepsWhereEachLiteralFirstEndsAndWhetherPositionsMoved() {
    LiteralScanner s = LiteralScanner.of(List.of("session", "root"));
    LiteralScanner.Hits hits = s.newHits();
    byte[] bytes = "xx Root SESSION=1 session rootx".getBytes(StandardCharsets.US_ASCII);
    s.scan(bytes, 2, bytes.length, hits);
    assertThat(hits.firstEnd(0)).isEqualTo(14); // "SESSION" is bytes 8..14
    assertThat(hits.firstEnd(1)).isEqualTo(6);
    assertThat(hits.positionsExact()).isTrue();
    hits.clear();
    s.scan(bytes, 16, bytes.length, hits);
    assertThat(hits.firstEnd(0)).isEqualTo(24);
    assertThat(hits.firstEnd(1)).isEqualTo(29);
    hits.clear();
    assertThat(hits.firstEnd(0)).isEqualTo(-1);
    byte[] escaped = "a\\nsession".getBytes(StandardCharsets.US_ASCII);
    s.scan(escaped, 0, escaped.length, hits);
    assertThat(hits.firstEnd(0)).isEqualTo(escaped.length - 1);
    assertThat(hits.positionsExact()).as("the escape \\n was skipped").isFalse();
    hits.clear();
    byte[] kelvin = "\u212Aey".getBytes(StandardCharsets.UTF_8);
    s.scan(kelvin, 0, kelvin.length, hits);
    assertThat(hits.positionsExact()).as("three bytes read as one k").isFalse();
    hits.clear();
    s.scan("sess\u0130on", hits);
    assertThat(hits.positionsExact()).isFalse();
  }

  @Test
  void ignoresCaseAndTheSeparatorsBetweenWords() {
    LiteralScanner s = LiteralScanner.of(List.of("refused to connect"));
    assertThat(found(s, "REFUSED   to\r\nConnect.")).containsExactly("refused to connect");
    assertThat(found(s, "'refused', \"to\" - connect")).containsExactly("refused to connect");
    assertThat(found(s, "refused to\u00a0connect")).containsExactly("refused to connect");
    assertThat(found(s, "refusedto connect")).isEmpty();
    assertThat(found(s, "refused to_connect")).as("'_' is part of a word").isEmpty();
  }

  @Test
  void readsTheJsonEscapesTheAnalyserReadsAsSpacesOrQuotes() {
    LiteralScanner s = LiteralScanner.of(List.of("failed unable", "say hello"));
    assertThat(found(s, "failed\\nUnable")).containsExactly("failed unable");
    assertThat(found(s, "failed\\tunable")).containsExactly("failed unable");
    assertThat(found(s, "say \\u0022hello\\u0022")).containsExactly("say hello");
    assertThat(found(s, "say\\u2019hello")).containsExactly("say hello");
    assertThat(found(s, "say \\u0041hello")).as("other escapes stay as written").isEmpty();
    assertThat(found(s, "failed\\xunable")).as("a backslash alone is one separator").isEmpty();
  }

  @Test
  void foldsTheTwoNonAsciiLettersWhoseLowerCaseIsAscii() {
    LiteralScanner s = LiteralScanner.of(List.of("invalid key"));
    assertThat(found(s, "\u0130NVALID \u212AEY")).containsExactly("invalid key");
    assertThat(foundInBytes(s, "\u0130NVALID \u212AEY")).containsExactly("invalid key");
    assertThat(found(s, "\u00efnvalid key")).as("other letters are separators").isEmpty();
  }

  @Test
  void bytesFindWhatTheDecodedTextFinds() {
    LiteralScanner s = LiteralScanner.of(List.of("caf", "na ve", "invalid", "entity x", "u0027t"));
    for (String text : List.of("Caf\u00e9 na\u00efve", "entity\\u0027x", "entity\\u0027tx",
        "\u2014entity \u20acx", "isn\\u0027t", "\\", "a\\u00", "\u0130nvalid")) {
      assertThat(foundInBytes(s, text)).as(text).containsExactlyInAnyOrderElementsOf(found(s, text));
    }
  }

  @Test
  void separateJoinsTwoTextsAsASpaceWould() {
    LiteralScanner s = LiteralScanner.of(List.of("dwdvev1001 missing"));
    LiteralScanner.Hits hits = s.newHits();
    s.scan("DWDVEV1001", hits);
    s.separate(hits);
    s.scan("Missing field", hits);
    assertThat(hits.size()).isEqualTo(1);
    hits.clear();
    s.scan("DWDVEV1001", hits);
    s.scan("Missing", hits);
    assertThat(hits.size()).as("without a separator the words run together").isZero();
  }

  @Test
  void aLiteralOfPunctuationOnlyIsNeverFound() {
    LiteralScanner s = LiteralScanner.of(List.of("--", "ok"));
    assertThat(found(s, "-- ok --")).containsExactly("ok");
  }

  @Test
  void refusesTwoLiteralsThatFoldAlike() {
    assertThatThrownBy(() -> LiteralScanner.of(List.of("Token Exchange", "token-exchange")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token-exchange");
  }
}
