package io.recs.pipeline;

import io.recs.config.RecsOption;
import io.recs.similarity.SimilarityOptions;
import io.recs.trending.TrendingOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/** The settings of {@link RecsPipeline} itself, declared once. */
@PublicEvolving
public final class PipelineOptions {
  private PipelineOptions() {}

  public static final RecsOption<Preset> PRESET =
      RecsOption.key("pipeline.preset")
          .flag("preset")
          .enumType(Preset.class)
          .defaultValue(Preset.DEFAULT)
          .description(
              "Named bundle of settings: default, taste (whole-history lists) or next-item (recent"
                  + " items); settings given explicitly override it. Unset with scoring.emit final,"
                  + " it is taste.");

  /**
   * The emit intervals of similar items and trending, whose default with {@link
   * io.recs.request.RequestOptions#EMIT} {@code final} is {@link
   * io.recs.config.EmitInterval#END_OF_INPUT} ({@link RecsPipeline#effective}).
   */
  public static final List<RecsOption<Duration>> EMIT_INTERVALS =
      List.of(SimilarityOptions.EMIT_INTERVAL, TrendingOptions.EMIT_INTERVAL);

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL = List.of(PRESET);
}
