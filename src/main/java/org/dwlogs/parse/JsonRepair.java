package org.dwlogs.parse;

/**
 * Closes a JSON text that was cut in the middle, so that what was read before the cut can
 * still be parsed: a string value cut in the middle keeps its first part and is closed; a
 * key, number or literal cut in the middle is dropped with its member; then the open
 * objects and arrays are closed.
 */
final class JsonRepair {
  private JsonRepair() {}

  /** The cut text made whole, or null when it holds no complete field to keep. */
  static String closeCut(String cut) {
    StringBuilder open = new StringBuilder(); // the containers open at each point: '{' or '['
    boolean inString = false;
    boolean stringIsKey = false;
    boolean expectKey = false;
    int stringStart = -1;
    int safeEnd = -1; // text up to here, with the containers below safeDepth closed, is whole
    int safeDepth = 0;
    int i = 0;
    int n = cut.length();
    while (i < n) {
      char c = cut.charAt(i);
      if (inString) {
        if (c == '\\') {
          i += 2; // the escaped character, whatever it is (the digits of a unicode escape are plain)
          continue;
        }
        if (c == '"') {
          inString = false;
          if (!stringIsKey) {
            safeEnd = i + 1;
            safeDepth = open.length();
          }
        }
        i++;
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          stringIsKey = expectKey;
          stringStart = i;
        }
        case '{', '[' -> {
          open.append(c);
          expectKey = c == '{';
          safeEnd = i + 1;
          safeDepth = open.length();
        }
        case '}', ']' -> {
          if (open.length() == 0) {
            return null; // not one JSON value: nothing to repair
          }
          open.setLength(open.length() - 1);
          expectKey = false;
          safeEnd = i + 1;
          safeDepth = open.length();
        }
        case ',' -> {
          // The value before the comma is complete (a number or literal ends here).
          if (safeEnd < i) {
            safeEnd = i;
            safeDepth = open.length();
          }
          expectKey = open.length() > 0 && open.charAt(open.length() - 1) == '{';
        }
        case ':' -> expectKey = false;
        default -> { }
      }
      i++;
    }
    if (open.length() == 0) {
      return null; // not cut inside an object or array
    }
    if (inString && !stringIsKey && stringStart >= 0) {
      String kept = cut.substring(0, dropBrokenEscape(cut, stringStart));
      return kept + '"' + closers(open, open.length());
    }
    if (safeEnd <= 0) {
      return null;
    }
    return cut.substring(0, safeEnd) + closers(open, safeDepth);
  }

  /** The end of the cut string, before an escape the cut broke (a lone backslash, or a unicode escape with fewer than 4 digits). */
  private static int dropBrokenEscape(String cut, int stringStart) {
    int end = cut.length();
    int i = stringStart + 1;
    while (i < end) {
      if (cut.charAt(i) == '\\') {
        int escapeEnd = i + 1 < end && cut.charAt(i + 1) == 'u' ? i + 6 : i + 2;
        if (escapeEnd > end) {
          return i;
        }
        i = escapeEnd;
      } else {
        i++;
      }
    }
    return end;
  }

  private static String closers(CharSequence open, int depth) {
    StringBuilder out = new StringBuilder(depth);
    for (int i = depth - 1; i >= 0; i--) {
      out.append(open.charAt(i) == '{' ? '}' : ']');
    }
    return out.toString();
  }
}
