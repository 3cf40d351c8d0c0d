package io.recs.examples;

import io.recs.config.RecsOption;
import io.recs.pipeline.PipelineOptions;
import io.recs.request.RequestOptions;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityOptions;
import io.recs.state.PreferenceOptions;
import io.recs.trending.TrendingOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A titled group of options, as {@code --help} and {@code docs/settings.md} show them.
 *
 * @param title the heading
 * @param options the options, in order
 */
record OptionSection(String title, List<RecsOption<?>> options) {

  /** The sections of the recommendation pipeline's settings. */
  static final List<OptionSection> PIPELINE =
      List.of(
          new OptionSection("Preset", PipelineOptions.ALL),
          new OptionSection("Similarity", SimilarityOptions.ALL),
          new OptionSection("Preferences", PreferenceOptions.ALL),
          new OptionSection("Requests", RequestOptions.ALL),
          new OptionSection("Scoring", ScoringOptions.ALL),
          new OptionSection("Trending", TrendingOptions.ALL));

  /** The sections of the {@code run} job (and the job names built on it). */
  static final List<OptionSection> RUN =
      concat(
          List.of(
              new OptionSection("Source", JobOptions.SOURCE_OPTIONS),
              new OptionSection("Input format", InputOptions.ALL),
              new OptionSection("Sinks", JobOptions.SINK_OPTIONS),
              new OptionSection("Run", JobOptions.RUN_OPTIONS)),
          PIPELINE);

  static List<OptionSection> concat(List<OptionSection> first, List<OptionSection> second) {
    List<OptionSection> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** Every option of {@code sections}. */
  static List<RecsOption<?>> options(List<OptionSection> sections) {
    return sections.stream().flatMap(section -> section.options().stream()).toList();
  }
}
