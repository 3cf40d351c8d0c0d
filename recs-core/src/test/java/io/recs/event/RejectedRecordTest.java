package io.recs.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectedRecordTest {

  @Test
  void cutsRawTextToTheLimit() {
    RejectedRecord r =
        new RejectedRecord(RejectReason.TOO_LARGE, "", "", -1, -1, "x".repeat(5000), 5000);
    assertThat(r.raw()).isEqualTo("x".repeat(RejectedRecord.MAX_RAW_CHARS));
  }

  @Test
  void neverCutsASurrogatePairInHalf() {
    String raw = "x".repeat(RejectedRecord.MAX_RAW_CHARS - 1) + "\uD83D\uDE00" + "tail";
    RejectedRecord r = new RejectedRecord(RejectReason.TOO_LARGE, "", "", -1, -1, raw, 5000);
    assertThat(r.raw()).isEqualTo("x".repeat(RejectedRecord.MAX_RAW_CHARS - 1));
  }
}
