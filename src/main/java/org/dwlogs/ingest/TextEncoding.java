package org.dwlogs.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The byte encoding of an input file, told by its byte-order mark. Files without one are
 * read as UTF-8, each line falling back to Windows-1252 when it is not valid UTF-8 (see
 * {@link LineDecoder}); UTF-16 files need their mark.
 */
public enum TextEncoding {
  UTF_8("utf-8", 0),
  UTF_8_BOM("utf-8-bom", 3),
  UTF_16LE("utf-16le", 2),
  UTF_16BE("utf-16be", 2);

  private final String label;
  private final int bomBytes;

  TextEncoding(String label, int bomBytes) {
    this.label = label;
    this.bomBytes = bomBytes;
  }

  /** The name the manifest gives it. */
  public String label() {
    return label;
  }

  /** True for UTF-16, whose lines cannot be found by looking for the byte 0x0A. */
  public boolean wide() {
    return this == UTF_16LE || this == UTF_16BE;
  }

  /** The charset of a wide encoding's text after its mark. */
  Charset charset() {
    return switch (this) {
      case UTF_16LE -> StandardCharsets.UTF_16LE;
      case UTF_16BE -> StandardCharsets.UTF_16BE;
      default -> StandardCharsets.UTF_8;
    };
  }

  int bomBytes() {
    return bomBytes;
  }

  /** The encoding the first {@code length} bytes of a file announce. */
  static TextEncoding ofHead(byte[] head, int length) {
    if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      return UTF_8_BOM;
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return UTF_16LE;
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return UTF_16BE;
    }
    return UTF_8;
  }

  static TextEncoding ofLabel(String label) {
    for (TextEncoding e : values()) {
      if (e.label.equals(label)) {
        return e;
      }
    }
    return UTF_8;
  }
}
