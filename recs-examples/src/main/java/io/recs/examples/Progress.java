package io.recs.examples;

import io.recs.event.Interaction;
import java.io.PrintStream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Prints a line every few seconds: events so far and the current rate. Runs at parallelism 1. */
final class Progress extends RichMapFunction<Interaction, Interaction> {
  private static final long serialVersionUID = 1L;
  private static final long EVERY_MS = 2_000;

  private transient long count;
  private transient long lastCount;
  private transient long lastPrint;
  private transient PrintStream out;

  @Override
  public void open(OpenContext openContext) {
    out = System.out;
    lastPrint = System.currentTimeMillis();
  }

  @Override
  public Interaction map(Interaction event) {
    count++;
    if ((count & 1023) == 0) {
      long now = System.currentTimeMillis();
      if (now - lastPrint >= EVERY_MS) {
        out.printf(
            "progress: %,d events, %,.0f events/s%n",
            count, (count - lastCount) * 1000.0 / (now - lastPrint));
        lastPrint = now;
        lastCount = count;
      }
    }
    return event;
  }

  @Override
  public void close() {
    if (out != null) {
      out.printf("progress: %,d events in all%n", count);
    }
  }
}
