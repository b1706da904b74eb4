package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dwlogs.config.ConfigLoader;
import org.dwlogs.config.JobConfig;
import org.dwlogs.match.DualWriteContext;
import org.dwlogs.match.SignatureMatcher;
import org.dwlogs.parse.AsciiText;
import org.dwlogs.parse.IdExtractor;
import org.dwlogs.signatures.CatalogLoader;

/**
 * The ID markers the sieve's one pass locates: where it gives a position, it is the first
 * occurrence of the marker in the message, ignoring case (or -1 exactly when there is none),
 * and the IDs read with those positions are the IDs read by searching the message; with and
 * without a component in front, for ASCII texts of notations, near-notations, escapes and
 * noise.
 */
class IdMarkersProperties {
  private static final JobConfig CONFIG = ConfigLoader.bundled();
  private static final IdExtractor IDS =
      new IdExtractor(CONFIG.ids().session(), CONFIG.ids().activity());
  private static final NoiseSieve SIEVE = new NoiseSieve(
      new SignatureMatcher(CatalogLoader.bundled(),
          new DualWriteContext(CONFIG.context().dualWrite())).prefilter(IDS.markers()),
      new HashSet<>(CONFIG.errorLevels()));

  @Property(tries = 3000)
  void markersAreWhereASearchFindsThemAndGiveTheSameIds(@ForAll("texts") String message,
      @ForAll("components") String component) {
    String line = "xx" + component + " " + message;
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    AsciiText text = new AsciiText(bytes, 0, bytes.length);
    int messageFrom = 2 + component.length() + 1;
    if (component.isEmpty()) {
      SIEVE.mayMatch(text, -1, -1, messageFrom);
    } else {
      SIEVE.mayMatch(text, 2, 2 + component.length(), messageFrom);
    }
    int[] at = new int[IDS.markers().size()];
    if (!SIEVE.markersAt(IDS.markers(), text, messageFrom, at)) {
      // only an empty message alone is not scanned; its IDs are then searched as before
      assertThat(message + component).isEmpty();
      return;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    for (int k = 0; k < at.length; k++) {
      if (at[k] >= -1) {
        assertThat(at[k]).as("marker %s", IDS.markers().get(k))
            .isEqualTo(lower.indexOf(IDS.markers().get(k)));
      }
    }
    AsciiText ascii = text.subSequence(messageFrom, text.length());
    assertThat(IDS.sessionId(ascii, at)).isEqualTo(IDS.sessionId(message));
    assertThat(IDS.activityId(ascii, at)).isEqualTo(IDS.activityId(message));
  }

  @Property(tries = 200)
  void aSieveWithOtherMarkersLocatesNothing(@ForAll("texts") String message) {
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
    AsciiText text = new AsciiText(bytes, 0, bytes.length);
    SIEVE.mayMatch(text, -1, -1, 0);
    assertThat(SIEVE.markersAt(List.of("other"), text, 0, new int[1])).isFalse();
  }

  @Provide
  Arbitrary<String> components() {
    return Arbitraries.of("", "LiveSync", "SessionWorker", "root", "ActivityMonitor",
        "session=1", "Dual\\rWrite");
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> guid = Arbitraries.of("0f8fad5b-d9cb-469f-a165-70867728950e",
        "{7C9E6679-7425-40DE-944B-E07FC1F90AE7}", "00000000-0000-0000-0000-000000000000",
        "0f8fad5b-d9cb-469f-a165-7086772895", "n/a");
    Arbitrary<String> label = Arbitraries.of("session", "Session", "SESSION", "sessionid",
        "session_id", "Session Id", "xsession", "sessions", "activity", "ActivityId",
        "activity_id", "root activity id", "RootActivityId", "Root Activity ID", "rootactivity",
        "Activity ID for troubleshooting", "root", "\\rootActivityId", "\\nsession",
        "\\tactivity", "sess\\nion", "ro\\u0027ot");
    Arbitrary<String> sep = Arbitraries.of("=", ":", " = ", ": ", " ", "", "\\t");
    Arbitrary<String> notation = Combinators.combine(label, sep, guid).as((l, s, g) -> l + s + g);
    Arbitrary<String> noise = Arbitraries.of(" ", ", ", "started ", "a", "id", "[", "] ", "\\",
        "\\r\\n", "\\u0022", "s", "activ", "ROOT", "_", "-");
    return Arbitraries.oneOf(notation, notation, noise).list().ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }
}
