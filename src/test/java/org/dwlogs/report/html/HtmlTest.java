package org.dwlogs.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryCharacterThatCanOpenMarkupOrLeaveAnAttribute() {
    assertThat(Html.text("<script>alert('x')</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(Html.text("\"><img src=x onerror=alert(1)>"))
        .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(Html.text("a & b &amp; c")).isEqualTo("a &amp; b &amp;amp; c");
    assertThat(Html.text(null)).isEmpty();
    assertThat(Html.text(42L)).isEqualTo("42");
  }

  @Test
  void keepsTextAndLineBreaksAndReplacesOtherControlCharacters() {
    assertThat(Html.text("line 1\nline 2\ttab äöü €")).isEqualTo("line 1\nline 2\ttab äöü €");
    assertThat(Html.text("nul\u0000 bell\u0007 del\u007f")).isEqualTo("nul\uFFFD bell\uFFFD del\uFFFD");
  }

  @Test
  void linksOnlyHttpsUrlsAndEscapesThem() {
    assertThat(Html.docLink("https://learn.microsoft.com/a?b=1&c=\"2\"", "Doc"))
        .isEqualTo("<a href=\"https://learn.microsoft.com/a?b=1&amp;c=&quot;2&quot;\" "
            + "rel=\"noopener noreferrer\" target=\"_blank\">Doc</a>");
    assertThat(Html.docLink("javascript:alert(1)", "Doc")).isEqualTo("javascript:alert(1)");
    assertThat(Html.docLink("JAVASCRIPT:https://x", "Doc")).doesNotContain("<a");
    assertThat(Html.docLink("http://example.com", "Doc")).doesNotContain("<a");
    assertThat(Html.docLink("data:text/html,<script>", "Doc")).isEqualTo("data:text/html,&lt;script&gt;");
    assertThat(Html.docLink("https://x.com/ onmouseover=alert(1)", "Doc")).doesNotContain("<a");
    assertThat(Html.docLink("https://", "Doc")).doesNotContain("<a");
    assertThat(Html.docLink(null, "Doc")).isEmpty();
  }
}
