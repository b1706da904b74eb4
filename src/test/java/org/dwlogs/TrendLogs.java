package org.dwlogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Text logs over three days, built with known counts for the catalog in
 * {@code src/test/resources/trends/signatures.yaml}: per day and issue, that many sessions with
 * one matched record each (distinct session IDs), so occurrences equal sessions. Each day also
 * holds hostile unmatched error lines and one line with no session ID.
 */
public final class TrendLogs {
  public static final Path CATALOG = Path.of("src/test/resources/trends/signatures.yaml");
  public static final List<String> DAYS = List.of("2026-11-01", "2026-11-02", "2026-11-03");
  /** Hostile text that must show on the page as written, never as markup. */
  public static final List<String> HOSTILE = List.of("<script>alert('xss')</script>",
      "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)");

  /** The phrase of each issue of the catalog. */
  public static final Map<String, String> PHRASES = Map.of(
      "steady-sync-timeout", "Alpha sync batch timed out",
      "rising-token-refused", "Beta token exchange refused",
      "falling-lookup-missing", "Gamma lookup value missing",
      "gone-plugin-crash", "Delta plugin crashed",
      "new-quota-exceeded", "Epsilon API quota exceeded");

  /** Sessions per issue on each of the three days. */
  public static final Map<String, List<Integer>> SESSIONS = new LinkedHashMap<>();

  static {
    SESSIONS.put("steady-sync-timeout", List.of(4, 4, 5));
    SESSIONS.put("rising-token-refused", List.of(1, 1, 6));
    SESSIONS.put("falling-lookup-missing", List.of(8, 8, 2));
    SESSIONS.put("gone-plugin-crash", List.of(2, 2, 0));
    SESSIONS.put("new-quota-exceeded", List.of(0, 0, 3));
  }

  private TrendLogs() {}

  /** Writes {@code root/dt=D/app.log} for the three days; returns root. */
  public static Path write(Path root) throws IOException {
    for (int d = 0; d < DAYS.size(); d++) {
      String day = DAYS.get(d);
      List<String> lines = new ArrayList<>();
      int second = 0;
      for (Map.Entry<String, List<Integer>> e : SESSIONS.entrySet()) {
        for (int s = 0; s < e.getValue().get(d); s++) {
          String session = UUID.nameUUIDFromBytes((day + e.getKey() + s).getBytes(StandardCharsets.UTF_8))
              .toString();
          lines.add(line(day, second++, "ERROR", "[Sync] " + PHRASES.get(e.getKey())
              + " for map 'Customers V3 (accounts)'. Session ID: " + session));
        }
      }
      for (String h : HOSTILE) {
        lines.add(line(day, second++, "ERROR", "[Portal] Unexpected reply " + h));
      }
      lines.add(line(day, second++, "INFO", "[Sync] heartbeat"));
      Path file = root.resolve("dt=" + day).resolve("app.log");
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    }
    return root;
  }

  private static String line(String day, int second, String level, String message) {
    return String.format(Locale.ROOT, "%s %02d:%02d:%02d,000 %s %s", day, 1 + second / 3600,
        (second / 60) % 60, second % 60, level, message);
  }
}
