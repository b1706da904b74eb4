package org.dwlogs.fuzz;

import java.util.List;

/** Values no log should hold, and which logs hold anyway. */
final class BadValues {
  private BadValues() {}

  /**
   * Timestamps that are impossible or out of range: offsets beyond +-18:00, month 13, Feb 30,
   * year 0 and 99999, hours 24, 20-digit epochs, years beyond what epoch milliseconds hold.
   */
  static final List<String> TIMESTAMPS = List.of(
      "2026-11-20T01:02:03+25:00", "2026-11-20T01:02:03+18:30", "2026-11-20T01:02:03-18:01",
      "2026-11-20 01:02:03+1859", "2026-11-20T01:02:03+99:99", "2026-11-20T01:02:03-00:60",
      "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-30 01:02:03",
      "2026-02-29T00:00:00Z", "2026-11-31T00:00:00.000Z", "0000-01-01T00:00:00Z",
      "0000-00-00 00:00:00", "9999-12-31T23:59:59.999999999-18:00", "2026-11-20T24:00:00Z",
      "2026-11-20T23:60:00Z", "2026-11-20T23:59:60Z", "2026-11-20T01:02:03.1234567890Z",
      "2026-11-20T01:02:03,12Z", "2026-11-20T01:02:03.Z", "2026-11-20T01:02:03ZZ",
      "99999-01-01T00:00:00Z", "+99999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
      "-999999999-01-01T00:00:00Z", "12345678901234567890", "99999999999999999999",
      "9999999999999", "0000000000", "-1763600523", "11/31/2026 1:02 PM", "13/1/2026 25:00",
      "2/30/2026 12:00:00 AM", "1/1/0 0:00", "1/1/99999 0:00", "2026-11-20T01:02:03\u0000Z",
      "２０２６-１１-２０T01:02:03Z", "2026-11-20T01:02:03\uD800", "");

  /** 20-digit and other numbers that overflow a long or a double. */
  static final List<String> NUMBERS = List.of("12345678901234567890", "99999999999999999999",
      "-9223372036854775809", "18446744073709551616", "1e400", "-1e400", "1.5e-400", "-0",
      "0.000000000000000000001", "123456789012345678901234567890");

  /** Control and escape characters that a message may carry. */
  static final List<String> CONTROLS = List.of("\u0000", "\u001b[31m", "\u001b]0;x\u0007",
      "\u007f", "\u0001\u0002\u0003", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u000b\u000c",
      "\u200b", "\uFFFF", "\uFFFE");

  /** Bytes that are not UTF-8: lone surrogates as CESU, overlong forms, past U+10FFFF. */
  static final List<byte[]> INVALID_UTF8 = List.of(
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
      new byte[] {(byte) 0xC0, (byte) 0x80},
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      new byte[] {(byte) 0xFF, (byte) 0xFE},
      new byte[] {(byte) 0xE2, (byte) 0x80},
      new byte[] {(byte) 0x92});

  /** JSON string escapes of lone and misordered surrogates. */
  static final List<String> SURROGATE_ESCAPES = List.of("\\ud800", "\\udfff", "\\udbff\\udbff",
      "\\udc00\\ud800", "x\\ud83d", "\\ud83d\\ude00\\ud800");

  /** JSON values of every type but string, for fields that hold strings. */
  static final List<String> WRONG_JSON_TYPES = List.of("[]", "[1,2,\"three\"]", "{}",
      "{\"a\":{\"b\":[null]}}", "0", "-1.5e308", "12345678901234567890", "1e400", "true",
      "false", "null", "\"\"", "[[[[[]]]]]", "{\"message\":\"nested\"}");

  static <T> T pick(List<T> values, int variant) {
    return values.get(Math.floorMod(variant, values.size()));
  }

  /** Brackets nested {@code depth} deep, closed or not. */
  static String nested(int depth, char open, char close, boolean closed) {
    StringBuilder sb = new StringBuilder(depth * 2);
    sb.append(String.valueOf(open).repeat(depth));
    if (closed) {
      sb.append(String.valueOf(close).repeat(depth));
    }
    return sb.toString();
  }

  /** A JSON value nested {@code depth} deep: arrays or objects, closed or not. */
  static String nestedJson(int depth, boolean objects, boolean closed) {
    if (!objects) {
      return nested(depth, '[', ']', closed);
    }
    StringBuilder sb = new StringBuilder(depth * 6);
    sb.append("{\"a\":".repeat(depth)).append("1");
    if (closed) {
      sb.append("}".repeat(depth));
    }
    return sb.toString();
  }
}
