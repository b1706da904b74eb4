package org.dwlogs.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's list of catalog entries is the one generated from the bundled catalog. After a
 * catalog change, rewrite it with
 * {@code mvn -o test -Dtest=ReadmeCatalogTest -Ddwlogs.writeReadme=true}.
 */
class ReadmeCatalogTest {
  @Test
  void theReadmeListsTheEntriesOfTheBundledCatalog() throws IOException {
    Path readme = Path.of("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(CatalogMarkdown.BEGIN);
    int end = text.indexOf(CatalogMarkdown.END);
    assertThat(begin).as("README has the generated catalog section").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String current = text.substring(begin, end + CatalogMarkdown.END.length() + 1);
    String generated = CatalogMarkdown.of(CatalogLoader.bundled());
    if (Boolean.getBoolean("dwlogs.writeReadme") && !current.equals(generated)) {
      Files.writeString(readme, text.substring(0, begin) + generated
          + text.substring(end + CatalogMarkdown.END.length() + 1), StandardCharsets.UTF_8);
      current = generated;
    }
    assertThat(current).as("README catalog section (regenerate: -Ddwlogs.writeReadme=true)")
        .isEqualTo(generated);
  }
}
