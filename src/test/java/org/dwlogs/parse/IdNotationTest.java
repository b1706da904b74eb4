package org.dwlogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.dwlogs.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class IdNotationTest {
  private static final String GUID = IdNotation.GUID_VALUE;

  @Test
  void everyBundledNotationReadsItsGuidByHand() {
    var ids = ConfigLoader.bundled().ids();
    for (String regex : ids.session()) {
      assertThat(new IdNotation(regex).readsGuidByHand()).as(regex).isTrue();
    }
    for (String regex : ids.activity()) {
      assertThat(new IdNotation(regex).readsGuidByHand()).as(regex).isTrue();
    }
  }

  @Test
  void otherShapesKeepTheirRegularExpression() {
    assertThat(IdNotation.label("\\bsession=" + GUID)).as("case-sensitive").isNull();
    assertThat(IdNotation.label("(?i)a|session=" + GUID)).as("alternation").isNull();
    assertThat(IdNotation.label("(?i)session=(?-i)" + GUID)).as("flags").isNull();
    assertThat(IdNotation.label("(?i)\\Qsession=\\E" + GUID)).as("quoting").isNull();
    assertThat(IdNotation.label("(?i)session\\" + GUID)).as("escaped brace").isNull();
    assertThat(IdNotation.label("(?i)" + GUID)).as("no label").isNull();
    assertThat(IdNotation.label("(?i)session=(?<id>x)?" + GUID)).as("two id groups").isNull();
    assertThat(IdNotation.label("(?i)session=\\{?(?<id>[0-9a-f]{32})\\}?")).isNull();
    assertThat(IdNotation.label("(?i)(?:session|sid)=" + GUID)).isNotNull();
  }

  @Test
  void readsTheValueAsTheRegularExpressionDoes() {
    IdNotation n = new IdNotation("(?i)\\bsession\\s*[:=]\\s*" + GUID);
    String text = "x session = {0F8FAD5B-D9CB-469F-A165-70867728950E} session=0f8fad5b-d9cb-"
        + "469f-a165-70867728950 session:00000000-0000-0000-0000-000000000000";
    n.reset(text);
    assertThat(n.matchesAt(2)).isTrue();
    assertThat(n.id()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(n.end()).isEqualTo(text.indexOf('}') + 1);
    assertThat(n.matchesAt(text.indexOf("session=", 3))).as("11 hex digits at the end").isFalse();
    int zero = text.lastIndexOf("session:");
    assertThat(n.matchesAt(zero)).isTrue();
    assertThat(n.id()).as("the zero GUID is a placeholder").isNull();
    assertThat(n.end()).isEqualTo(text.length());
    assertThat(n.matchesAt(0)).isFalse();
  }
}
