package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.config.RecsSettings;
import io.recs.event.RejectReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFilesTest {

  private static RecsSettings csv(Path file) {
    return RecsSettings.empty()
        .with(EvaluationJob.TRAIN, file.toString())
        .with(InputOptions.FORMAT, "csv")
        .with(InputOptions.CSV_COLUMNS, List.of("user", "item", "timestamp"))
        .with(InputOptions.CSV_HEADER, true)
        .with(InputOptions.DEFAULT_ACTION, "view");
  }

  @Test
  void readsWithTheInputFormatAndCountsRejectedLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("train.csv");
    Files.write(file, List.of("user,item,ts", "u2,b,2000", "u1,a,1000", "garbage"));

    SplitFiles.Part part = SplitFiles.read(EvaluationJob.TRAIN, csv(file));

    assertThat(part.events())
        .extracting(e -> e.userId() + "/" + e.itemId())
        .containsExactly("u1/a", "u2/b");
    assertThat(part.lines()).isEqualTo(4);
    assertThat(part.accepted()).isEqualTo(2);
    assertThat(part.rejected()).isEqualTo(2);
    assertThat(part.rejectedByReason()).containsEntry(RejectReason.HEADER, 1L);
    assertThat(part.summary())
        .startsWith(file + ": 4 lines, 2 accepted (2 interactions), 2 rejected (HEADER 1, ");
  }

  @Test
  void refusesAFileWhoseEveryLineIsRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("train.csv");
    Files.write(file, List.of("user,item,ts", "no timestamp here"));

    assertThatThrownBy(() -> SplitFiles.read(EvaluationJob.TRAIN, csv(file)))
        .isInstanceOf(BadSettingException.class)
        .hasMessageStartingWith(
            "evaluation.train (--train) "
                + file
                + ": every one of its 2 lines was rejected (first: HEADER");
    assertThatThrownBy(() -> SplitFiles.read(EvaluationJob.TRAIN, csv(dir.resolve("missing.csv"))))
        .hasMessage("evaluation.train (--train) " + dir.resolve("missing.csv") + ": no such file");
  }
}
