package org.dwlogs.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A record-start expression of the simplest and most common shape, tested on ASCII bytes
 * without a regular expression: {@code ^} followed by a fixed number of characters, each a
 * literal, {@code \d} or a class of literals and ranges, each optionally repeated an exact
 * number of times ({@code ^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}}, the bundled layouts'
 * start). Such an expression matches a line exactly when its first characters are in the
 * atoms' sets one by one; there is nothing to backtrack. Any other shape ({@link #of} returns
 * null) keeps its regular expression.
 */
final class FixedStart {
  /** Per position, which ASCII characters may stand there. */
  private final boolean[][] allowed;

  private FixedStart(boolean[][] allowed) {
    this.allowed = allowed;
  }

  /** The test for {@code regex}, or null when it has another shape. */
  static FixedStart of(String regex) {
    if (!regex.startsWith("^")) {
      return null;
    }
    List<boolean[]> positions = new ArrayList<>();
    int i = 1;
    while (i < regex.length()) {
      boolean[] set = new boolean[128];
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 >= regex.length()) {
          return null;
        }
        char e = regex.charAt(i + 1);
        if (e == 'd') {
          range(set, '0', '9');
        } else if (isEscapedLiteral(e)) {
          set[e] = true;
        } else {
          return null;
        }
        i += 2;
      } else if (c == '[') {
        int close = charClass(regex, i + 1, set);
        if (close < 0) {
          return null;
        }
        i = close + 1;
      } else if (isPlainLiteral(c)) {
        set[c] = true;
        i++;
      } else {
        return null;
      }
      int times = 1;
      if (i < regex.length() && regex.charAt(i) == '{') {
        int close = regex.indexOf('}', i);
        String n = close < 0 ? "" : regex.substring(i + 1, close);
        if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(Character::isDigit)) {
          return null; // {m,n}, {m,} and anything else: not a fixed width
        }
        times = Integer.parseInt(n);
        i = close + 1;
      }
      if (i < regex.length() && "?*+{".indexOf(regex.charAt(i)) >= 0) {
        return null;
      }
      for (int t = 0; t < times; t++) {
        positions.add(set);
      }
    }
    return positions.isEmpty() ? null : new FixedStart(positions.toArray(boolean[][]::new));
  }

  /** Whether the line {@code bytes[0, length)} starts a record. */
  boolean matches(byte[] bytes, int length) {
    if (length < allowed.length) {
      return false;
    }
    for (int i = 0; i < allowed.length; i++) {
      int b = bytes[i];
      if (b < 0 || !allowed[i][b]) {
        return false;
      }
    }
    return true;
  }

  /** Fills {@code set} from a class body at {@code from}; returns the index of its ']' or -1. */
  private static int charClass(String regex, int from, boolean[] set) {
    int i = from;
    if (i < regex.length() && regex.charAt(i) == '^') {
      return -1; // a negated class: its complement holds characters outside ASCII
    }
    boolean any = false;
    while (i < regex.length() && regex.charAt(i) != ']') {
      char c = regex.charAt(i);
      char literal;
      if (c == '\\') {
        if (i + 1 >= regex.length()) {
          return -1;
        }
        char e = regex.charAt(i + 1);
        if (e == 'd') {
          range(set, '0', '9');
          any = true;
          i += 2;
          continue;
        }
        if (!isEscapedLiteral(e)) {
          return -1;
        }
        literal = e;
        i += 2;
      } else if (c == '[' || c == '&' || c >= 128) {
        return -1; // nested classes, intersections, characters outside ASCII
      } else {
        literal = c;
        i++;
      }
      if (i + 1 < regex.length() && regex.charAt(i) == '-' && regex.charAt(i + 1) != ']') {
        char to = regex.charAt(i + 1);
        if (to == '\\' || to == '[' || to >= 128 || to < literal) {
          return -1;
        }
        range(set, literal, to);
        i += 2;
      } else {
        set[literal] = true;
      }
      any = true;
    }
    return i < regex.length() && any ? i : -1;
  }

  private static void range(boolean[] set, char from, char to) {
    for (char c = from; c <= to; c++) {
      set[c] = true;
    }
  }

  /** Punctuation that stands for itself after a backslash. */
  private static boolean isEscapedLiteral(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
  }

  /** A character that stands for itself outside a class. */
  private static boolean isPlainLiteral(char c) {
    return c < 128 && c >= ' ' && ".$^|()[]{}?*+\\#".indexOf(c) < 0;
  }
}
