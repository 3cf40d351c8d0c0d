package io.recs.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TieBreakTest {
  @Test
  void hashIsSixtyFourBitFnv1aOfTheUtf8Bytes() {
    // Published FNV-1a 64 test vectors.
    assertThat(TieBreak.hash("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(TieBreak.hash("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(TieBreak.hash("foobar")).isEqualTo(0x85944171f73967e8L);
    for (String id : List.of("i42", "é", "日本語", "item-😀", "bad\uD800surrogate", "\uDC00", "ÿ߿ࠀ")) {
      assertThat(TieBreak.hash(id)).as(id).isEqualTo(fnv1aOfBytes(id));
    }
  }

  @Test
  void tiesFollowTheUnsignedHashNotTheStringOrder() {
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      ids.add("i" + k);
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(TieBreak.ORDER);
    for (int k = 1; k < sorted.size(); k++) {
      assertThat(
              Long.compareUnsigned(TieBreak.hash(sorted.get(k - 1)), TieBreak.hash(sorted.get(k))))
          .isNegative();
    }
    List<String> byString = new ArrayList<>(ids);
    byString.sort(null);
    assertThat(sorted).isNotEqualTo(byString);
    assertThat(TieBreak.compare("i7", "i7")).isZero();
    assertThat(Integer.signum(TieBreak.compare("i7", "i8")))
        .isEqualTo(-Integer.signum(TieBreak.compare("i8", "i7")));
  }

  private static long fnv1aOfBytes(String id) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
    }
    return hash;
  }
}
