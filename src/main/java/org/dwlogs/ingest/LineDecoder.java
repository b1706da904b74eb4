package org.dwlogs.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one line's bytes: as UTF-8 when they are valid UTF-8; else as Windows-1252 when
 * every byte is defined there (the default of Windows tools, where 0x92 is {@code ’}); else as
 * UTF-8 with U+FFFD for the bad bytes, which reports then count as {@code invalid_utf8}. A
 * byte-order mark at the line's start is dropped (concatenated files). One instance per
 * thread: the JDK decoders it reuses keep state.
 */
final class LineDecoder {
  /** How the last line was decoded. */
  enum Kind { ASCII, UTF_8, WINDOWS_1252, INVALID }

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharsetDecoder windows1252 = WINDOWS_1252.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private Kind last = Kind.ASCII;

  /** The text of {@code length} bytes at {@code offset}. */
  String decode(byte[] bytes, int offset, int length) {
    if (length >= 3 && (bytes[offset] & 0xFF) == 0xEF && (bytes[offset + 1] & 0xFF) == 0xBB
        && (bytes[offset + 2] & 0xFF) == 0xBF) {
      offset += 3;
      length -= 3;
    }
    if (ascii(bytes, offset, length)) {
      last = Kind.ASCII;
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    String text = strict(utf8, bytes, offset, length);
    if (text != null) {
      last = Kind.UTF_8;
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
    text = strict(windows1252, bytes, offset, length);
    if (text != null) {
      last = Kind.WINDOWS_1252;
      return text;
    }
    last = Kind.INVALID;
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  Kind lastKind() {
    return last;
  }

  /**
   * The length of the first {@code length} bytes without a UTF-8 character that a cut at
   * {@code length} split: a cut is not bad input, and must not make a line look like
   * Windows-1252.
   */
  static int withoutSplitCharacter(byte[] bytes, int offset, int length) {
    int i = length - 1;
    while (i >= 0 && length - i < 4 && (bytes[offset + i] & 0xC0) == 0x80) {
      i--;
    }
    if (i < 0) {
      return length;
    }
    int lead = bytes[offset + i] & 0xFF;
    int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need > length - i ? i : length;
  }

  private static String strict(CharsetDecoder decoder, byte[] bytes, int offset, int length) {
    try {
      return decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean ascii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
