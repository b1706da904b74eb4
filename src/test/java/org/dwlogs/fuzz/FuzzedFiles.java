package org.dwlogs.fuzz;

import static org.dwlogs.fuzz.BadValues.pick;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Builds text logs, JSON Lines and CSV files from {@link UnitSpec}s, one record per spec, and
 * counts by construction what reading them must give. The first record of every file is good,
 * so every file starts with a record and its layout is the documented one.
 */
final class FuzzedFiles {
  private FuzzedFiles() {}

  /** Messages of good records; the first is catalog entry {@code map-create-401}'s. */
  static final List<String> MESSAGES = List.of(
      "Response status code does not indicate success: 401 (Unauthorized).",
      "Response status code does not indicate success: 403 (tokenexchange).",
      "Sync completed for table map Customers V3 in 120 ms, 42 rows",
      "Writer failed: Value \"CUST-0042\" isn't valid for field 'AccountNum', doesn't exist",
      "login.microsoftonline.com refused to connect.",
      "Unable to complete initial data sync. Unable to build dual-write lookup metadata.");

  /** A text record starts with a line that begins with a timestamp (README, Inputs). */
  private static final Pattern RECORD_START =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}");

  private static final List<String> LEVELS = List.of("ERROR", "Warning", "info", "FATAL", "Debug");
  static final String CSV_HEADER = "timestamp,level,component,message,sessionId,activityId";

  static String goodSession(int i) {
    return String.format("%08x-0000-4000-8000-%012x", i, i);
  }

  /** Bad records' sessions differ from every good one in more than one character. */
  static String badSession(int i) {
    return String.format("%08x-bad0-4bad-8bad-%012x", i, i);
  }

  private static String goodTimestamp(int i) {
    return String.format("2026-11-20T%02d:%02d:%02d.%03dZ", (i / 3600) % 24, (i / 60) % 60,
        i % 60, i % 1000);
  }

  // ---------------------------------------------------------------------------- text --

  static FuzzedFile text(List<UnitSpec> specs, boolean gzip) {
    Builder b = new Builder();
    for (int i = 0; i < specs.size(); i++) {
      UnitSpec s = i == 0 ? UnitSpec.good(0) : specs.get(i);
      byte[] unit = Edit.apply(textUnit(i, s), s.edits(), 19);
      b.add(unit, s.good() ? goodSession(i) : null, s.good() ? MESSAGES.get(s.message()) : null,
          s.good() && s.message() == 0);
      b.expected += lines(unit).stream().filter(l -> RECORD_START.matcher(l).find()).count();
    }
    return b.file("fuzz.log", gzip);
  }

  private static byte[] textUnit(int i, UnitSpec s) {
    String ts = goodTimestamp(i);
    String level = pick(LEVELS, i);
    String component = "[DualWriteSync] ";
    String message = MESSAGES.get(s.message());
    String session = s.good() ? goodSession(i) : badSession(i);
    String tail = i % 4 == 0 ? "   at Foo.Bar() in C:\\src\\Foo.cs:line 12\n" : "";
    String sessionLine = "Session ID: " + session + "\n";
    byte[] inserted = new byte[0];
    int v = s.variant();
    switch (s.damage()) {
      case NONE -> { }
      case TIMESTAMP -> ts = pick(BadValues.TIMESTAMPS, v);
      case NUMBER -> {
        if (v % 2 == 0) {
          level = pick(BadValues.NUMBERS, v);
        } else {
          message = message + " took " + pick(BadValues.NUMBERS, v) + " ms";
        }
      }
      case SURROGATE -> inserted = pick(BadValues.INVALID_UTF8, v);
      case NESTING -> message = message + BadValues.nested(5000, v % 2 == 0 ? '[' : '{',
          v % 2 == 0 ? ']' : '}', v % 3 == 0);
      case CONTROL -> message = insert(message, pick(BadValues.CONTROLS, v), v);
      case STRAY_QUOTE -> message = insert(message, v % 2 == 0 ? "\"" : "'\"", v);
      case WRONG_TYPE -> component = pick(List.of("[", "]] ", "[[x] ", "[" + "x".repeat(300)), v);
      case MISSING -> {
        switch (Math.floorMod(v, 3)) {
          case 0 -> { level = ""; component = ""; message = ""; }
          case 1 -> sessionLine = "";
          default -> { level = ""; component = ""; }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, ts + " " + level + (level.isEmpty() ? "" : " ") + component);
    out.write(inserted, 0, inserted.length);
    write(out, message + "\n" + sessionLine + tail);
    return out.toByteArray();
  }

  // ---------------------------------------------------------------------- JSON Lines --

  static FuzzedFile jsonLines(List<UnitSpec> specs, boolean gzip) {
    Builder b = new Builder();
    for (int i = 0; i < specs.size(); i++) {
      UnitSpec s = i == 0 ? UnitSpec.good(0) : specs.get(i);
      byte[] unit = Edit.apply(jsonUnit(i, s), s.edits(), 0);
      b.add(unit, s.good() ? goodSession(i) : null, s.good() ? MESSAGES.get(s.message()) : null,
          s.good() && s.message() == 0);
      b.expected += lines(unit).stream().filter(l -> !l.isBlank()).count();
    }
    return b.file("fuzz.jsonl", gzip);
  }

  private static final List<String> JSON_KEYS =
      List.of("timestamp", "level", "component", "message", "sessionId", "activityId");

  private static byte[] jsonUnit(int i, UnitSpec s) {
    Map<String, String> fields = new LinkedHashMap<>(); // key -> JSON value as written
    fields.put("timestamp", quote(goodTimestamp(i)));
    fields.put("level", quote(pick(LEVELS, i)));
    fields.put("component", quote("DualWriteSync"));
    fields.put("message", quote(MESSAGES.get(s.message())));
    fields.put("sessionId", quote(s.good() ? goodSession(i) : badSession(i)));
    fields.put("activityId", quote(goodSession(i + 1_000_000)));
    int v = s.variant();
    String key = pick(JSON_KEYS, v / 7);
    String whole = null;
    switch (s.damage()) {
      case NONE -> { }
      case TIMESTAMP -> fields.put("timestamp", v % 3 == 0 ? pick(BadValues.NUMBERS, v)
          : quote(pick(BadValues.TIMESTAMPS, v)));
      case NUMBER -> fields.put(key, pick(BadValues.NUMBERS, v));
      case SURROGATE -> {
        String escape = pick(BadValues.SURROGATE_ESCAPES, v);
        if (v % 5 == 0) {
          fields.put(escape, quote("a key of a lone surrogate"));
        } else {
          String old = fields.get(key);
          fields.put(key, old.substring(0, old.length() - 1) + escape + "\"");
        }
      }
      case NESTING -> {
        String deep = BadValues.nestedJson(5000, v % 2 == 0, v % 3 != 0);
        if (v % 4 == 0) {
          whole = deep;
        } else {
          fields.put(key, deep);
        }
      }
      case CONTROL -> {
        String c = pick(BadValues.CONTROLS, v);
        String old = fields.get(key);
        // Raw control characters make the string invalid JSON; escaped ones are valid.
        String put = v % 2 == 0 ? c : jsonEscape(c);
        fields.put(key, old.substring(0, old.length() - 1) + put + "\"");
      }
      case STRAY_QUOTE -> {
        String old = fields.get(key);
        fields.put(key, v % 2 == 0 ? insert(old, "\"", v) : old.substring(0, old.length() - 1));
      }
      case WRONG_TYPE -> fields.put(key, pick(BadValues.WRONG_JSON_TYPES, v));
      case MISSING -> {
        if (v % 3 == 0) {
          whole = pick(List.of("[1]", "\"message\"", "null", "42", "{", "}", "{}"), v);
        } else {
          fields.remove(key);
          fields.remove(pick(JSON_KEYS, v));
        }
      }
    }
    if (whole == null) {
      StringBuilder sb = new StringBuilder("{");
      fields.forEach((k, val) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k)
          .append("\":").append(val));
      whole = sb.append('}').toString();
    }
    return (whole + "\n").getBytes(StandardCharsets.UTF_8);
  }

  // ----------------------------------------------------------------------------- CSV --

  /**
   * A CSV file. With {@code balanced} every field is quoted correctly and only bad values
   * damage a row, so each row is exactly one record or malformed entry; without, byte edits
   * and stray quotes may also merge or split rows, and the count is left open.
   */
  static FuzzedFile csv(List<UnitSpec> specs, boolean balanced) {
    Builder b = new Builder();
    write(b.out, CSV_HEADER + "\r\n");
    for (int i = 0; i < specs.size(); i++) {
      UnitSpec s = i == 0 ? UnitSpec.good(0) : specs.get(i);
      byte[] unit = csvUnit(i, s, balanced);
      if (!balanced) {
        unit = Edit.apply(unit, s.edits(), 0);
      }
      b.add(unit, s.good() ? goodSession(i) : null, s.good() ? csvGoodMessage(i, s) : null,
          s.good() && s.message() == 0);
      b.expected++;
    }
    FuzzedFile f = b.file("fuzz.csv", false);
    return balanced ? f : new FuzzedFile(f.name(), f.bytes(), -1, f.goodMessageBySession(),
        f.goodMatchingMap401());
  }

  private static String csvGoodMessage(int i, UnitSpec s) {
    // Every third good row has a quoted field over two lines, as in Dataverse exports.
    return MESSAGES.get(s.message()) + (i % 3 == 0 ? "\n   at Foo.Bar() line 12" : "");
  }

  private static byte[] csvUnit(int i, UnitSpec s, boolean balanced) {
    List<String> cells = new ArrayList<>(List.of(goodTimestamp(i), pick(LEVELS, i),
        "DualWriteSync", s.good() ? csvGoodMessage(i, s) : MESSAGES.get(s.message()),
        s.good() ? goodSession(i) : badSession(i), goodSession(i + 1_000_000)));
    int v = s.variant();
    int cell = Math.floorMod(v / 7, cells.size());
    byte[] inserted = new byte[0];
    String raw = null; // a cell written as is, unquoted
    switch (s.damage()) {
      case NONE -> { }
      case TIMESTAMP -> cells.set(0, pick(BadValues.TIMESTAMPS, v));
      case NUMBER -> cells.set(cell, pick(BadValues.NUMBERS, v));
      case SURROGATE -> inserted = pick(BadValues.INVALID_UTF8, v);
      case NESTING -> cells.set(3, cells.get(3) + BadValues.nestedJson(5000, v % 2 == 0, v % 3 != 0));
      case CONTROL -> cells.set(cell, insert(cells.get(cell), pick(BadValues.CONTROLS, v), v));
      case STRAY_QUOTE -> {
        if (balanced) {
          cells.set(cell, insert(cells.get(cell), "\"", v)); // doubled when written: balanced
        } else {
          raw = pick(List.of("\"unclosed", "mid\"quote", "\"closed\"after", "\"\"\"", "\""), v);
        }
      }
      case WRONG_TYPE, MISSING -> {
        // Another number of fields than the header; on one line, so it stays one row.
        cells.replaceAll(c -> c.replace('\n', ' ').replace('\r', ' '));
        if (v % 2 == 0) {
          cells.remove(cell);
        } else {
          cells.add(cell, "extra");
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.write(',');
      }
      if (raw != null && c == cell) {
        write(out, raw);
        continue;
      }
      write(out, "\"");
      if (c == 3) {
        out.write(inserted, 0, inserted.length);
      }
      write(out, cells.get(c).replace("\"", "\"\""));
      write(out, "\"");
    }
    write(out, i % 2 == 0 ? "\r\n" : "\n");
    return out.toByteArray();
  }

  // ------------------------------------------------------------------------- helpers --

  /** Collects units and their true counts. */
  private static final class Builder {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Map<String, String> good = new LinkedHashMap<>();
    long expected;
    long good401;

    void add(byte[] unit, String goodSession, String goodMessage, boolean is401) {
      out.write(unit, 0, unit.length);
      if (goodSession != null) {
        good.put(goodSession, goodMessage);
      }
      good401 += is401 ? 1 : 0;
    }

    FuzzedFile file(String name, boolean gzip) {
      byte[] bytes = out.toByteArray();
      return new FuzzedFile(gzip ? name + ".gz" : name, gzip ? gzip(bytes) : bytes, expected,
          Map.copyOf(good), good401);
    }
  }

  /** The lines of {@code bytes} as a Hadoop line reader sees them: ended by LF, CR or CRLF. */
  static List<String> lines(byte[] bytes) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      out.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String insert(String s, String what, int at) {
    int p = Math.floorMod(at, s.length() + 1);
    return s.substring(0, p) + what + s.substring(p);
  }

  private static String quote(String s) {
    return "\"" + jsonEscape(s) + "\"";
  }

  private static String jsonEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
