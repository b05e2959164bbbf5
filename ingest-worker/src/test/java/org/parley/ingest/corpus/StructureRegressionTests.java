package org.parley.ingest.corpus;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI gate over the structure corpus: no committed document may score lower on any
 * metric than in {@code corpus/baseline.json}. After an improvement, rewrite the baseline
 * with {@code -Dparley.structure.update-baseline=true} and commit it with the change (see
 * docs/structure-report.md).
 */
class StructureRegressionTests {

	@Test
	void noCorpusDocumentScoresBelowItsBaseline() {
		StructureReport report = StructureReport.measure(Corpus.gated());
		report.write();
		System.out.println(report.markdown());
		if (Boolean.getBoolean(Baseline.UPDATE)) {
			Baseline.of(report).write(Baseline.FILE);
			System.out.println("Baseline rewritten: " + Baseline.FILE.toAbsolutePath());
		}
		Baseline baseline = Baseline.read(Baseline.FILE);
		List<String> gains = baseline.gains(report);
		if (!gains.isEmpty()) {
			System.out.println("Better than the baseline (rewrite it with -D" + Baseline.UPDATE + "=true):\n  "
					+ String.join("\n  ", gains));
		}
		assertThat(baseline.shortfalls(report))
			.as("documents below their baseline (a change made them worse; if that is intended, rewrite the baseline with -D"
					+ Baseline.UPDATE + "=true)")
			.isEmpty();
	}

}
