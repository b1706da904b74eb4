package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingReaderTest {
  private static String readAll(byte[] bytes, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Reader r = new DecodingReader(new ByteArrayInputStream(bytes))) {
      char[] buf = new char[chunk];
      int n;
      while ((n = r.read(buf, 0, buf.length)) >= 0) {
        out.append(buf, 0, n);
      }
    }
    return out.toString();
  }

  @Test
  void decodesEachLineOnItsOwnAndKeepsItsLineEnd() throws IOException {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    in.writeBytes("caf\u00e9 utf-8\r\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {'i', 't', (byte) 0x92, 's', '\n'}); // Windows-1252 apostrophe
    in.writeBytes("\n\nlast without end".getBytes(StandardCharsets.US_ASCII));
    String expected = "caf\u00e9 utf-8\r\nit\u2019s\n\n\nlast without end";
    for (int chunk : new int[] {1, 3, 4096}) {
      assertThat(readAll(in.toByteArray(), chunk)).isEqualTo(expected);
    }
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    String longLine = "x".repeat(200_000);
    String text = "a\n" + longLine + "\r\n" + longLine + "\nz\n";
    assertThat(readAll(text.getBytes(StandardCharsets.US_ASCII), 8192)).isEqualTo(text);
  }

  @Test
  void anEmptyStreamHasNoLines() throws IOException {
    assertThat(readAll(new byte[0], 16)).isEmpty();
  }
}
