package org.parley.ingest.corpus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure report as a benchmark: every corpus document, including the
 * reference-only ones that {@code fetch-reference-only.sh} downloaded, imported as the
 * job imports it and scored against its expected outline. Writes
 * {@code target/structure-report.md} and {@code .json}. Run it with
 * {@code -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=StructureReportTests}.
 */
@Tag("benchmark")
class StructureReportTests {

	@Test
	void scoresEveryCorpusDocument() {
		StructureReport report = StructureReport.measure(Corpus.documents());
		report.write();
		System.out.println(report.markdown());
		assertThat(report.rows()).hasSizeGreaterThanOrEqualTo(Corpus.gated().size());
		assertThat(report.rows()).allSatisfy(row -> assertThat(row.expectedUnits()).isPositive());
	}

}
