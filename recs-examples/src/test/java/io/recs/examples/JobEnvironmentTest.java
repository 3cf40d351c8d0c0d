package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.config.RecsSettings;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

  private static MemorySize managedMemory(
      JobOptions.StateBackend backend, Map<String, String> flink) {
    RecsSettings s = RecsSettings.empty().with(JobOptions.STATE_BACKEND, backend);
    return JobEnvironment.create(s, flink, null)
        .env()
        .getConfiguration()
        .getOptional(TaskManagerOptions.MANAGED_MEMORY_SIZE)
        .orElse(null);
  }

  @Test
  void aLocalRunOnRocksDbGetsManagedMemoryForItsCaches() {
    assertThat(managedMemory(JobOptions.StateBackend.ROCKSDB, Map.of()))
        .isEqualTo(JobEnvironment.LOCAL_ROCKSDB_MANAGED_MEMORY);
  }

  @Test
  void flinksOwnManagedMemorySettingWins() {
    assertThat(
            managedMemory(
                JobOptions.StateBackend.ROCKSDB,
                Map.of(TaskManagerOptions.MANAGED_MEMORY_SIZE.key(), "256m")))
        .isEqualTo(MemorySize.parse("256m"));
    assertThat(
            managedMemory(
                JobOptions.StateBackend.ROCKSDB,
                Map.of(TaskManagerOptions.MANAGED_MEMORY_FRACTION.key(), "0.2")))
        .isNull();
  }

  @Test
  void theHashMapBackendLeavesManagedMemoryAlone() {
    assertThat(managedMemory(JobOptions.StateBackend.HASHMAP, Map.of())).isNull();
  }

  private static ReadableConfig configuration(
      JobOptions.StateBackend backend, Map<String, String> flink) {
    RecsSettings s = RecsSettings.empty().with(JobOptions.STATE_BACKEND, backend);
    return JobEnvironment.create(s, flink, null).env().getConfiguration();
  }

  @Test
  void aRunOnRocksDbGetsPartitionedBloomFilters() {
    ReadableConfig conf = configuration(JobOptions.StateBackend.ROCKSDB, Map.of());
    assertThat(conf.get(RocksDBConfigurableOptions.USE_BLOOM_FILTER)).isTrue();
    assertThat(conf.get(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS)).isTrue();
  }

  @Test
  void flinksOwnFilterSettingsWin() {
    ReadableConfig conf =
        configuration(
            JobOptions.StateBackend.ROCKSDB,
            Map.of(RocksDBConfigurableOptions.USE_BLOOM_FILTER.key(), "false"));
    assertThat(conf.get(RocksDBConfigurableOptions.USE_BLOOM_FILTER)).isFalse();
    assertThat(conf.getOptional(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS)).isEmpty();
    assertThat(
            configuration(JobOptions.StateBackend.HASHMAP, Map.of())
                .getOptional(RocksDBConfigurableOptions.USE_BLOOM_FILTER))
        .isEmpty();
  }

  private static boolean objectReuse(Map<String, String> flink) {
    return JobEnvironment.create(RecsSettings.empty(), flink, null)
        .env()
        .getConfig()
        .isObjectReuseEnabled();
  }

  @Test
  void objectReuseIsOnUnlessFlinksConfigurationSaysOtherwise() {
    assertThat(objectReuse(Map.of())).isTrue();
    assertThat(objectReuse(Map.of(PipelineOptions.OBJECT_REUSE.key(), "false"))).isFalse();
  }

  private static boolean unaligned(boolean bounded, Map<String, String> flink) {
    JobEnvironment environment = JobEnvironment.create(RecsSettings.empty(), flink, null);
    environment.alignCheckpointsIfBounded(bounded);
    return environment.env().getCheckpointConfig().isUnalignedCheckpointsEnabled();
  }

  @Test
  void checkpointsAreAlignedForABoundedInputAndUnalignedForALiveOne() {
    assertThat(unaligned(true, Map.of())).isFalse();
    assertThat(unaligned(false, Map.of())).isTrue();
  }

  @Test
  void flinksOwnCheckpointAlignmentWins() {
    String key = CheckpointingOptions.ENABLE_UNALIGNED.key();
    assertThat(unaligned(true, Map.of(key, "true"))).isTrue();
    assertThat(unaligned(false, Map.of(key, "false"))).isFalse();
  }
}
