package io.recs.pipeline;

import io.recs.event.Interaction;
import io.recs.event.TrendingItems;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each interaction to the global trending scope and, if it carries a category, to the
 * category's scope. The global copy drops the category, so the scope follows from the record.
 */
final class TrendingScopes implements FlatMapFunction<Interaction, Interaction> {
  private static final long serialVersionUID = 1L;

  private final boolean perCategory;

  TrendingScopes(boolean perCategory) {
    this.perCategory = perCategory;
  }

  static String scopeOf(Interaction event) {
    return event.category() == null ? TrendingItems.GLOBAL : event.category();
  }

  @Override
  public void flatMap(Interaction event, Collector<Interaction> out) {
    if (event.category() == null) {
      out.collect(event);
      return;
    }
    out.collect(event.withCategory(null));
    if (perCategory) {
      out.collect(event);
    }
  }
}
