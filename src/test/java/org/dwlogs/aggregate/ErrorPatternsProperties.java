package org.dwlogs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Skipping a mask whose trigger character is absent changes no pattern. */
class ErrorPatternsProperties {
  @Property(tries = 3000)
  void guardedMasksEqualEveryMaskRun(@ForAll("lines") String line) {
    assertThat(ErrorPatterns.masked(line, true)).isEqualTo(ErrorPatterns.masked(line, false));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> part = Arbitraries.of("https://contoso.crm.dynamics.com/api", "ftp:/x",
        "a@b.com", "@", "user@host", "0f8fad5b-d9cb-469f-a165-70867728950e", "{", "}", "-",
        "'", "'v'", "don't", "\"", "\"k\":", "\"v\"", "\\\"", "0x1F", "deadbeef00112233",
        "42", "1.5", "-3", "\u0663", " ", "\n", "x", "_", ":", ".");
    return part.list().ofMaxSize(10).map(parts -> String.join("", parts));
  }
}
