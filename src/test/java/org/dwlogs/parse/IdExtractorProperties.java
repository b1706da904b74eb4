package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;

/**
 * The extractor, which tries each notation only where its hint occurs, finds what a plain
 * left-to-right {@code find} of each notation finds (skipping placeholders), on strings and
 * on ASCII bytes read in place, for texts made of notations, near-notations and noise.
 */
class IdExtractorProperties {
  private static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final IdExtractor IDS =
      new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity());

  @Property(tries = 3000)
  void findsWhatAPlainSearchFinds(@ForAll("texts") String text) {
    String session = plain(CONFIG.ids().session(), text);
    String activity = plain(CONFIG.ids().activity(), text);
    assertThat(IDS.sessionId(text)).isEqualTo(session);
    assertThat(IDS.activityId(text)).isEqualTo(activity);
    byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    if (text.chars().allMatch(c -> c < 0x80)) {
      AsciiText ascii = new AsciiText(bytes, 2, bytes.length - 2);
      assertThat(IDS.sessionId(ascii)).isEqualTo(session);
      assertThat(IDS.activityId(ascii)).isEqualTo(activity);
    }
  }

  @Property(tries = 1000)
  void removesWhatEveryNotationRemoves(@ForAll("texts") String text) {
    String plain = text;
    for (String notation : CONFIG.ids().session()) {
      plain = Pattern.compile(notation).matcher(plain).replaceAll(" ");
    }
    for (String notation : CONFIG.ids().activity()) {
      plain = Pattern.compile(notation).matcher(plain).replaceAll(" ");
    }
    assertThat(IDS.removeNotations(text)).isEqualTo(plain);
  }

  /** The definition: the first notation that has a non-placeholder match, leftmost first. */
  private static String plain(List<String> notations, String text) {
    for (String notation : notations) {
      Matcher m = Pattern.compile(notation).matcher(text);
      while (m.find()) {
        String id = IdExtractor.normalize(m.group("id"));
        if (id != null) {
          return id;
        }
      }
    }
    return null;
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> guid = Arbitraries.of(
        "0f8fad5b-d9cb-469f-a165-70867728950e", "{7C9E6679-7425-40DE-944B-E07FC1F90AE7}",
        "00000000-0000-0000-0000-000000000000", "0f8fad5b-d9cb-469f-a165-7086772895", "n/a",
        // read by hand after the label: an unclosed brace, two braces, a 13th hex digit
        "{0f8fad5b-d9cb-469f-a165-70867728950e", "{{0f8fad5b-d9cb-469f-a165-70867728950e}",
        "0F8FAD5B-D9CB-469F-A165-70867728950E1", "0f8fad5b_d9cb-469f-a165-70867728950e");
    Arbitrary<String> label = Arbitraries.of("session", "Session", "SESSION", "sessionid",
        "session_id", "Session Id", "xsession", "sessions", "activity", "ActivityId",
        "activity_id", "root activity id", "RootActivityId", "rootactivity", "Activity ID for troubleshooting",
        "activity id for", "root");
    Arbitrary<String> sep = Arbitraries.of("=", ":", " = ", ": ", " ", "", "=:");
    Arbitrary<String> notation = net.jqwik.api.Combinators.combine(label, sep, guid)
        .as((l, s, g) -> l + s + g);
    Arbitrary<String> noise = Arbitraries.of(" ", ", ", "started ", "a", "\u00e9t\u00e9 ",
        "id", "[", "] ", "\n", "s", "activ");
    return Arbitraries.oneOf(notation, notation, noise).list().ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }
}
