package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.metrics.RankingReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class EvaluationReportTest {

  @Test
  void chartsEveryMetricOfEveryRowAndTheHitRateOverTime(@TempDir Path dir) throws Exception {
    EvaluationReport report = new EvaluationReport();
    report.note("100 train, 20 test interactions");
    report.ranking(
        "Offline split",
        "streaming COSINE",
        new RankingReport(10, 5, 0.12, 0.3, 0.25, 0.2, 0.6, 0.1));
    report.ranking(
        "Offline split",
        "most-popular <baseline>",
        new RankingReport(10, 5, 0.05, 0.1, 0.1, 0.08, 0.3, 0.04));
    BitSet hits = new BitSet();
    hits.set(30, 40);
    report.prequential("Prequential", 10, "streaming, configured seeds", 10, 40, hits);
    report.prequential("Prequential", 10, "learned", 4, 40, null);

    Path file = report.write(dir.resolve("report"));

    String html = Files.readString(file);
    Document page = xml(html);
    // Six metric charts, one HR bar chart and one line chart.
    assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(8);
    assertThat(page.getElementsByTagName("polyline").getLength()).isEqualTo(1);
    assertThat(html)
        .contains("streaming COSINE")
        .contains("most-popular &lt;baseline&gt;")
        .contains("MAP@10 (recs: AP/min(k,|rel|))")
        .contains("MAP (MS Recommenders: AP/|rel|)")
        .contains("0.2000")
        .contains("0.1000")
        .contains("0.2500")
        .contains("Hit rate over time is not recorded for: learned")
        // Self-contained: nothing is loaded (the SVG namespace is a name, not a link).
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("https://");
  }

  @Test
  void saysWhenNoPrequentialRunWasMade() throws Exception {
    EvaluationReport report = new EvaluationReport();
    report.ranking("Offline split", "most-popular", new RankingReport(5, 1, 0, 0, 0, 0, 0, 0));

    String html = report.html();

    assertThat(xml(html).getElementsByTagName("svg").getLength()).isEqualTo(6);
    assertThat(html).contains("No prequential run was made");
  }

  @Test
  void hitRateOverTimeIsTheShareOfHitsInEachSlice() {
    BitSet hits = new BitSet();
    hits.set(0, 10);

    double[] curve = EvaluationReport.curve(hits, 40);

    assertThat(curve).hasSize(20);
    assertThat(curve[0]).isEqualTo(1.0);
    assertThat(curve[4]).isEqualTo(1.0);
    assertThat(curve[5]).isZero();
    assertThat(EvaluationReport.curve(hits, 3)).containsExactly(1.0, 1.0, 1.0);
  }

  /** The page parsed as XML: well-formed, every element closed. */
  private static Document xml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }
}
