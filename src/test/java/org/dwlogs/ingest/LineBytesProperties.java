package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A line's bytes classified eight at a time say what a byte-by-byte reading says: not ASCII
 * when a byte is 0x80 or above; a control character when one (C0 but tab, LF and CR; DEL)
 * comes before the first such byte. Lines of every length, with the telling bytes anywhere.
 */
class LineBytesProperties {
  @Property(tries = 5000)
  void saysWhatAByteByByteReadingSays(@ForAll("lines") List<Byte> line) {
    byte[] bytes = new byte[line.size() + 3];
    for (int i = 0; i < line.size(); i++) {
      bytes[i] = line.get(i);
    }
    bytes[line.size()] = 0x01; // beyond the length: never read
    assertThat(LineBytes.classify(bytes, line.size())).isEqualTo(byteByByte(bytes, line.size()));
  }

  private static int byteByByte(byte[] bytes, int length) {
    boolean control = false;
    for (int i = 0; i < length; i++) {
      int b = bytes[i];
      if (b < 0) {
        return LineBytes.NOT_ASCII | (control ? LineBytes.CONTROL : 0);
      }
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
        control = true;
      }
    }
    return control ? LineBytes.CONTROL : 0;
  }

  @Provide
  Arbitrary<List<Byte>> lines() {
    Arbitrary<Byte> plain = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E);
    Arbitrary<Byte> telling = Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x09, (byte) 0x0A,
        (byte) 0x0D, (byte) 0x1F, (byte) 0x20, (byte) 0x21, (byte) 0x7E, (byte) 0x7F,
        (byte) 0x80, (byte) 0xC3, (byte) 0xFF);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, plain),
        net.jqwik.api.Tuple.of(1, telling)).list().ofMaxSize(40);
  }
}
