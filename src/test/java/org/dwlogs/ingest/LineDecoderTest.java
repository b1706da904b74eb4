package org.dwlogs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineDecoderTest {
  private final LineDecoder decoder = new LineDecoder();

  private String decode(byte... bytes) {
    return decoder.decode(bytes, 0, bytes.length);
  }

  @Test
  void readsByte0x92AsTheRightSingleQuotationMarkWhenTheLineIsNotUtf8() {
    assertThat(decode((byte) 'n', (byte) 0x92, (byte) 't')).isEqualTo("n\u2019t");
    assertThat(decoder.lastKind()).isEqualTo(LineDecoder.Kind.WINDOWS_1252);
  }

  @Test
  void keepsValidUtf8AsUtf8() {
    byte[] utf8 = "n\u2019t caf\u00e9".getBytes(StandardCharsets.UTF_8);
    assertThat(decoder.decode(utf8, 0, utf8.length)).isEqualTo("n\u2019t caf\u00e9");
    assertThat(decoder.lastKind()).isEqualTo(LineDecoder.Kind.UTF_8);
  }

  @Test
  void replacesBytesUndefinedInWindows1252InALineThatIsNotUtf8() {
    for (int undefined : new int[] {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
      assertThat(decode((byte) 0x92, (byte) undefined)).isEqualTo("\uFFFD\uFFFD");
      assertThat(decoder.lastKind()).isEqualTo(LineDecoder.Kind.INVALID);
    }
  }

  @Test
  void dropsAByteOrderMarkAtTheStart() {
    assertThat(decode((byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 'a')).isEqualTo("a");
  }

  @Test
  void aCutInsideAMultiByteCharacterDropsItsHalf() {
    byte[] b = "ab\u00fc".getBytes(StandardCharsets.UTF_8); // a b C3 BC
    assertThat(LineDecoder.withoutSplitCharacter(b, 0, 3)).isEqualTo(2);
    assertThat(LineDecoder.withoutSplitCharacter(b, 0, 4)).isEqualTo(4);
    byte[] emoji = "\ud83d\ude42".getBytes(StandardCharsets.UTF_8); // 4 bytes
    assertThat(LineDecoder.withoutSplitCharacter(emoji, 0, 3)).isZero();
  }
}
