package io.recs.testkit.driver;

import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.types.Either;

/**
 * Everything fed to a driver, interactions and raw records in one list, so that a run sees them in
 * feeding order. A raw record is its 0-based position among the raw records and its text.
 */
final class FedRecords {
  private final List<Either<Interaction, Tuple2<Long, String>>> records = new ArrayList<>();
  private long rawCount;

  void add(Interaction interaction) {
    records.add(Either.Left(interaction));
  }

  void addRaw(String record) {
    records.add(Either.Right(Tuple2.of(rawCount++, record)));
  }

  List<Either<Interaction, Tuple2<Long, String>>> snapshot() {
    return List.copyOf(records);
  }
}
