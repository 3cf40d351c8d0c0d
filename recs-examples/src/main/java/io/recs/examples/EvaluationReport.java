package io.recs.examples;

import io.recs.evaluation.metrics.RankingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The tables of an evaluation run as one self-contained HTML page ({@code evaluation --report DIR}
 * writes {@code DIR/index.html}): a bar chart per metric of each ranking table, and the prequential
 * hit rates with their course over the replayed events. Inline SVG only, no scripts, so the page
 * opens anywhere without a network.
 */
final class EvaluationReport {
  /** Windows of the hit rate over time: the replayed events cut into this many equal slices. */
  static final int WINDOWS = 20;

  private record RankingRow(String name, RankingReport report) {}

  /**
   * A prequential row.
   *
   * @param curve hit rate in each of {@link #WINDOWS} slices of the events in time order, or null
   *     when the run does not record which events were hits
   */
  private record PrequentialRow(
      String name, double hitRate, long hits, long requests, double[] curve) {}

  private record Metric(String label, ToDoubleFunction<RankingReport> value) {}

  private final Map<String, List<RankingRow>> ranking = new LinkedHashMap<>();
  private final Map<String, List<PrequentialRow>> prequential = new LinkedHashMap<>();
  private final Map<String, Integer> cutOffs = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  /** Adds a row to the ranking table titled {@code table}. */
  void ranking(String table, String name, RankingReport report) {
    cutOffs.put(table, report.k());
    ranking.computeIfAbsent(table, t -> new ArrayList<>()).add(new RankingRow(name, report));
  }

  /**
   * Adds a row to the prequential table titled {@code table}.
   *
   * @param hits the index of each hit among the {@code requests} events, or null if unknown
   */
  void prequential(String table, int k, String name, long hitCount, long requests, BitSet hits) {
    if (hits != null && hits.cardinality() != hitCount) {
      throw new IllegalArgumentException(
          name + ": " + hits.cardinality() + " hits marked, but " + hitCount + " counted");
    }
    cutOffs.put(table, k);
    prequential
        .computeIfAbsent(table, t -> new ArrayList<>())
        .add(
            new PrequentialRow(
                name,
                requests == 0 ? 0 : (double) hitCount / requests,
                hitCount,
                requests,
                hits == null ? null : curve(hits, requests)));
  }

  /** A line of text shown above the charts, such as the size of the split. */
  void note(String text) {
    notes.add(text);
  }

  /** Writes {@code dir/index.html}, creating {@code dir}; returns the file. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("index.html");
    Files.writeString(file, html(), StandardCharsets.UTF_8);
    return file;
  }

  /** The hit rate in each of {@link #WINDOWS} equal slices of {@code requests} events. */
  static double[] curve(BitSet hits, long requests) {
    int windows = (int) Math.min(WINDOWS, requests);
    double[] rates = new double[windows];
    for (int w = 0; w < windows; w++) {
      int from = (int) (w * requests / windows);
      int to = (int) ((w + 1) * requests / windows);
      rates[w] = to == from ? 0 : (double) hits.get(from, to).cardinality() / (to - from);
    }
    return rates;
  }

  String html() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>recs evaluation</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:70em}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:1em}")
        .append("\n</style>\n</head>\n<body>\n<h1>recs evaluation</h1>\n");
    for (String note : notes) {
      h.append("<p>").append(escape(note)).append("</p>\n");
    }
    if (ranking.isEmpty()) {
      h.append("<p>No ranking table: the run evaluated no split.</p>\n");
    }
    for (Map.Entry<String, List<RankingRow>> table : ranking.entrySet()) {
      rankingSection(h, table.getKey(), cutOffs.get(table.getKey()), table.getValue());
    }
    h.append("<h2>Prequential</h2>\n");
    if (prequential.isEmpty()) {
      h.append("<p>No prequential run was made (<code>--prequential</code> was none).</p>\n");
    }
    for (Map.Entry<String, List<PrequentialRow>> table : prequential.entrySet()) {
      prequentialSection(h, table.getKey(), cutOffs.get(table.getKey()), table.getValue());
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static void rankingSection(StringBuilder h, String title, int k, List<RankingRow> rows) {
    List<Metric> metrics =
        List.of(
            new Metric("P@" + k, RankingReport::precision),
            new Metric("R@" + k, RankingReport::recall),
            new Metric("NDCG@" + k, RankingReport::ndcg),
            new Metric("MAP@" + k + " (recs: AP/min(k,|rel|))", RankingReport::map),
            new Metric("MAP (MS Recommenders: AP/|rel|)", RankingReport::mapMsr),
            new Metric("HR@" + k, RankingReport::hitRate));
    h.append("<h2>").append(escape(title)).append("</h2>\n<table>\n<tr><th>recommender</th>");
    for (Metric m : metrics) {
      h.append("<th>").append(escape(m.label())).append("</th>");
    }
    h.append("<th>users</th></tr>\n");
    for (RankingRow row : rows) {
      h.append("<tr><td>").append(escape(row.name())).append("</td>");
      for (Metric m : metrics) {
        h.append("<td>").append(number(m.value().applyAsDouble(row.report()))).append("</td>");
      }
      h.append("<td>").append(row.report().users()).append("</td></tr>\n");
    }
    h.append("</table>\n<div class=\"charts\">\n");
    for (Metric m : metrics) {
      List<String> names = rows.stream().map(RankingRow::name).toList();
      double[] values =
          rows.stream().mapToDouble(r -> m.value().applyAsDouble(r.report())).toArray();
      bars(h, m.label(), names, values);
    }
    h.append("</div>\n");
  }

  private static void prequentialSection(
      StringBuilder h, String title, int k, List<PrequentialRow> rows) {
    h.append("<h3>")
        .append(escape(title))
        .append("</h3>\n<table>\n")
        .append("<tr><th>scorer</th><th>HR@")
        .append(k)
        .append("</th><th>hits</th></tr>\n");
    for (PrequentialRow row : rows) {
      h.append("<tr><td>")
          .append(escape(row.name()))
          .append("</td><td>")
          .append(number(row.hitRate()))
          .append("</td><td>")
          .append(row.hits())
          .append(" / ")
          .append(row.requests())
          .append("</td></tr>\n");
    }
    h.append("</table>\n<div class=\"charts\">\n");
    bars(
        h,
        "HR@" + k,
        rows.stream().map(PrequentialRow::name).toList(),
        rows.stream().mapToDouble(PrequentialRow::hitRate).toArray());
    List<PrequentialRow> withCurve = rows.stream().filter(r -> r.curve() != null).toList();
    if (!withCurve.isEmpty()) {
      lines(h, "HR@" + k + " over time (" + WINDOWS + " equal slices of the events)", withCurve);
    }
    h.append("</div>\n");
    if (withCurve.size() < rows.size()) {
      h.append("<p>Hit rate over time is not recorded for: ")
          .append(
              escape(
                  String.join(
                      ", ",
                      rows.stream()
                          .filter(r -> r.curve() == null)
                          .map(PrequentialRow::name)
                          .toList())))
          .append(".</p>\n");
    }
  }

  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"
  };

  /** A horizontal bar chart, one bar per row, scaled to the largest value. */
  private static void bars(StringBuilder h, String title, List<String> names, double[] values) {
    // About 7 px per character of a 12 px sans-serif label, so that long row names clear the bars.
    int label = 12 + 7 * names.stream().mapToInt(String::length).max().orElse(10);
    int plot = 200;
    int barHeight = 18;
    int top = 24;
    int height = top + names.size() * (barHeight + 6) + 4;
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    h.append(svgOpen(label + plot + 60, height)).append(text(4, 16, title, "font-weight:bold"));
    for (int i = 0; i < names.size(); i++) {
      int y = top + i * (barHeight + 6);
      double width = max == 0 ? 0 : values[i] / max * plot;
      h.append(text(4, y + 13, names.get(i), ""))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                  label,
                  y,
                  width,
                  barHeight,
                  COLOURS[i % COLOURS.length]))
          .append(text(label + (int) width + 4, y + 13, number(values[i]), ""));
    }
    h.append("</svg>\n");
  }

  /** A line chart of the windowed hit rates, one line per row, with a legend. */
  private static void lines(StringBuilder h, String title, List<PrequentialRow> rows) {
    int left = 50;
    int plotWidth = 460;
    int plotHeight = 180;
    int top = 28;
    int legend = rows.size() * 16 + 8;
    double max = 0;
    for (PrequentialRow row : rows) {
      for (double v : row.curve()) {
        max = Math.max(max, v);
      }
    }
    double scale = max == 0 ? 1 : max;
    h.append(svgOpen(left + plotWidth + 20, top + plotHeight + 24 + legend))
        .append(text(4, 16, title, "font-weight:bold"))
        .append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                left,
                top,
                left,
                top + plotHeight,
                left,
                top + plotHeight,
                left + plotWidth,
                top + plotHeight))
        .append(text(4, top + 10, number(scale), ""))
        .append(text(4, top + plotHeight, "0", ""))
        .append(text(left, top + plotHeight + 16, "first events", ""))
        .append(text(left + plotWidth - 60, top + plotHeight + 16, "last events", ""));
    for (int i = 0; i < rows.size(); i++) {
      double[] curve = rows.get(i).curve();
      StringBuilder points = new StringBuilder();
      for (int w = 0; w < curve.length; w++) {
        double x = left + (curve.length == 1 ? 0 : (double) w / (curve.length - 1) * plotWidth);
        double y = top + plotHeight - curve[w] / scale * plotHeight;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      String colour = COLOURS[i % COLOURS.length];
      int legendY = top + plotHeight + 24 + i * 16;
      h.append(
              String.format(
                  Locale.ROOT,
                  "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                  colour,
                  points.toString().trim()))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                  left,
                  legendY,
                  colour))
          .append(text(left + 18, legendY + 11, rows.get(i).name(), ""));
    }
    h.append("</svg>\n");
  }

  private static String svgOpen(int width, int height) {
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"12\">",
        width,
        height);
  }

  private static String text(int x, int y, String content, String style) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\"%s>%s</text>",
        x,
        y,
        style.isEmpty() ? "" : " style=\"" + style + "\"",
        escape(content));
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
