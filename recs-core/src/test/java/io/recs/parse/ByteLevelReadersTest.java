package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written byte readers agree with the JDK on random input. */
class ByteLevelReadersTest {
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void parseDoubleAgreesWithTheJdk() {
    for (int n = 0; n < 20_000; n++) {
      String text =
          switch (n % 4) {
            case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
            case 1 -> Long.toString(random.nextLong(0, 1L << 62)) + "." + random.nextInt(1000);
            case 2 -> random.nextInt(100) + "e" + random.nextInt(-30, 30);
            default -> "-" + random.nextInt(10_000) / 100.0;
          };
      assertThat(Numbers.parseDouble(bytes(text), 0, text.length()))
          .as(text)
          .isEqualTo(Double.parseDouble(text));
    }
  }

  @Test
  void parseDoubleRejectsWhatIsNotADecimalNumber() {
    for (String text :
        new String[] {"", ".", "-", "1e", "e5", "NaN", "Infinity", "0x1p3", "1d", "1,5", "1 2"}) {
      assertThat(Numbers.parseDouble(bytes(text), 0, text.length())).as(text).isNaN();
    }
  }

  @Test
  void parseLongTellsUnreadableFromOverflow() {
    assertThat(Numbers.parseLong(bytes(" -42 "), 0, 5)).isEqualTo(-42L);
    assertThat(Numbers.parseLong(bytes("1.5"), 0, 3)).isEqualTo(Numbers.NOT_AN_INTEGER);
    assertThat(Numbers.parseLong(bytes("-"), 0, 1)).isEqualTo(Numbers.NOT_AN_INTEGER);
    assertThat(Numbers.parseLong(bytes("99999999999999999999"), 0, 20)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void iso8601AgreesWithJavaTime() {
    for (int n = 0; n < 20_000; n++) {
      long seconds = random.nextLong(-5_000_000_000L, 5_000_000_000L);
      int nanos = random.nextInt(1_000_000_000);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60) * 60);
      OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(offset);
      String text = time.toString();
      if (text.length() < 20 || text.charAt(0) == '-' || text.charAt(0) == '+') {
        continue; // java.time omits zero seconds and writes years beyond 9999 with a sign
      }
      assertThat(Iso8601.parse(bytes(text), 0, text.length()))
          .as(text)
          .isEqualTo(time.toInstant().toEpochMilli());
    }
  }

  @Test
  void iso8601RejectsImpossibleDates() {
    for (String text :
        new String[] {
          "2023-02-29T00:00:00Z",
          "2023-13-01T00:00:00Z",
          "2023-01-01T24:00:00Z",
          "2023-01-01T00:00:00",
          "2023-01-01T00:00:00+1",
          "2023-01-01T00:00:00.Z",
          "2023-01-01"
        }) {
      assertThat(Iso8601.parse(bytes(text), 0, text.length()))
          .as(text)
          .isEqualTo(Iso8601.UNREADABLE);
    }
    String leap = "2024-02-29 00:00:00z";
    assertThat(Iso8601.parse(bytes(leap), 0, leap.length())).isEqualTo(1_709_164_800_000L);
  }

  @Test
  void utf8ValidationAgreesWithTheJdkDecoder() {
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[random.nextInt(1, 8)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (random.nextBoolean() ? random.nextInt(0x80, 0x100) : random.nextInt(0x80));
      }
      assertThat(Utf8.firstInvalid(b) < 0).as("%s", Arrays.toString(b)).isEqualTo(jdkAccepts(b));
    }
  }

  private static boolean jdkAccepts(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
