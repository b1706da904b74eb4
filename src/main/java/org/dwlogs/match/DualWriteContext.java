package org.dwlogs.match;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import org.dwlogs.config.ConfigLoader;

/**
 * Whether a record is in dual-write context: its message, component, other fields or file path
 * names dual-write. Generic catalog entries (HTTP status lines, "refused to connect", .NET
 * exception texts) count a record only then, so another product's 401 is not read as a
 * dual-write issue. The patterns are {@code context.dual_write} of the job configuration.
 */
public final class DualWriteContext implements Serializable {
  private final List<String> regexes;
  private transient Pattern any;

  public DualWriteContext(List<String> regexes) {
    this.regexes = List.copyOf(regexes);
  }

  /** The rule of the bundled configuration. */
  public static DualWriteContext bundled() {
    return new DualWriteContext(ConfigLoader.bundled().context().dualWrite());
  }

  /** A rule under which nothing is in context: generic entries never count. */
  public static DualWriteContext none() {
    return new DualWriteContext(List.of());
  }

  public List<String> regexes() {
    return regexes;
  }

  /** True when one of the texts (nulls are skipped) names dual-write. */
  public boolean test(String... texts) {
    if (regexes.isEmpty()) {
      return false;
    }
    Pattern p = pattern();
    for (String text : texts) {
      if (text != null && p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** The first pattern that finds dual-write in one of the texts, or null (for explain). */
  public String firstHit(String... texts) {
    for (String regex : regexes) {
      Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
      for (String text : texts) {
        if (text != null && p.matcher(text).find()) {
          return regex;
        }
      }
    }
    return null;
  }

  private Pattern pattern() {
    if (any == null) {
      any = Pattern.compile(String.join("|", regexes.stream().map(r -> "(?:" + r + ")").toList()),
          Pattern.CASE_INSENSITIVE);
    }
    return any;
  }
}
