package io.recs.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.event.Interaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionFilesTest {
  private static final Interaction PLAIN =
      new Interaction("u1", "i2", "view", 1.0, 1_704_067_200_000L, "c3");
  private static final Interaction ODD = Interaction.of("u,1", "i\"2", "click", 2.5, 7L);

  @Test
  void writesOneCsvLinePerEvent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.csv");

    InteractionFiles.writeCsv(List.of(PLAIN, ODD), file);

    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
        .containsExactly("u1,i2,view,1.0,1704067200000,c3", "\"u,1\",\"i\"\"2\",click,2.5,7,");
  }

  @Test
  void writesOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.jsonl");

    InteractionFiles.writeJsonLines(List.of(PLAIN, ODD), file);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines)
        .first()
        .isEqualTo(
            "{\"userId\":\"u1\",\"itemId\":\"i2\",\"action\":\"view\",\"weight\":1.0,"
                + "\"timestamp\":1704067200000,\"category\":\"c3\"}");
    JsonNode odd = new ObjectMapper().readTree(lines.get(1));
    assertThat(odd.get("userId").asText()).isEqualTo("u,1");
    assertThat(odd.get("itemId").asText()).isEqualTo("i\"2");
    assertThat(odd.get("weight").asDouble()).isEqualTo(2.5);
    assertThat(odd.has("category")).isFalse();
  }

  @Test
  void generatedSetsRoundTripLineByLine(@TempDir Path dir) throws Exception {
    List<Interaction> events = InteractionGenerator.tiny(1).generate();
    Path file = dir.resolve("tiny.csv");

    InteractionFiles.writeCsv(events, file);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(events.size());
    String[] first = lines.get(0).split(",", -1);
    Interaction event = events.get(0);
    assertThat(first)
        .containsExactly(
            event.userId(),
            event.itemId(),
            event.action(),
            Double.toString(event.weight()),
            Long.toString(event.timestamp()),
            event.category());
  }
}
