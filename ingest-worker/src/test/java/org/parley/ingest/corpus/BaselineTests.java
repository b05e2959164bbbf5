package org.parley.ingest.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineTests {

	@Test
	void namesEveryDocumentAndMetricBelowItsFigure() {
		Baseline baseline = new Baseline(Map.of("a", figures(1, 0.9, 0.9, 0.8, 0.95), "b", figures(1, 1, 1, 1, 1),
				"gone", figures(1, 1, 1, 1, 1)));
		StructureReport report = report(row("a", new StructureScore(1, 0.9005, 0.85, 0.9, 0.95)),
				row("b", new StructureScore(1, 1, 1, 1, 1)), row("new", new StructureScore(1, 1, 1, 1, 1)));
		assertThat(baseline.shortfalls(report)).containsExactlyInAnyOrder("a headings: 0.8500, baseline 0.9000",
				"new: not in the baseline yet", "gone: in the baseline but no longer measured");
		assertThat(baseline.gains(report)).containsExactly("a paragraphs: 0.9000, baseline 0.8000");
	}

	@Test
	void rewrittenBaselineHoldsTheReportsFigures() {
		StructureReport report = report(row("a", new StructureScore(1, 2.0 / 3, 0.5, 0.25, 0.125)));
		assertThat(Baseline.of(report).documents()).containsEntry("a", figures(1, 0.6667, 0.5, 0.25, 0.125));
		assertThat(Baseline.of(report).shortfalls(report)).isEmpty();
	}

	private static Map<String, Double> figures(double title, double units, double headings, double paragraphs,
			double text) {
		return new StructureScore(title, units, headings, paragraphs, text).byMetric();
	}

	private static StructureReport.Row row(String id, StructureScore score) {
		return new StructureReport.Row(new CorpusDocument(id, Path.of(id, "doc.pdf"), Path.of(id), true), 1, 1, score,
				0, null, false, 0);
	}

	private static StructureReport report(StructureReport.Row... rows) {
		return new StructureReport(List.of(rows));
	}

}
