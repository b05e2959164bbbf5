package org.parley.ingest.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.ExpectedOutline;
import org.parley.ingest.job.CorpusImport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports every corpus document the way the import job does and scores each outline
 * against the expected one (see {@link StructureScore} for the metrics). A document the
 * import rejects, or that this build has no reader for, scores zero on every metric and
 * says why.
 */
final class StructureReport {

	static final Path MARKDOWN = Path.of("target/structure-report.md");

	static final Path JSON = Path.of("target/structure-report.json");

	/**
	 * Where each document's imported outline is written, to compare with its expected
	 * one.
	 */
	static final Path OUTLINES = Path.of("target/structure-outlines");

	private final List<Row> rows;

	StructureReport(List<Row> rows) {
		this.rows = List.copyOf(rows);
	}

	/**
	 * Imports the documents in parallel on the common pool (each import is independent;
	 * two at a time on a two-core machine), keeping their order, so that the gate stays
	 * well inside its time budget.
	 */
	static StructureReport measure(List<CorpusDocument> documents) {
		return new StructureReport(documents.parallelStream().map(StructureReport::measure).toList());
	}

	List<Row> rows() {
		return this.rows;
	}

	private static Row measure(CorpusDocument document) {
		Outline expected = ExpectedOutline.of(document.expectedOutline());
		Optional<DocumentFormat> format = document.format();
		if (format.isEmpty()) {
			return new Row(document, expected.sections().size(), 0, StructureScore.ZERO, 0,
					"no reader for ." + document.extension());
		}
		long start = System.nanoTime();
		try {
			Outline actual = CorpusImport.outline(document.file(), format.get());
			long millis = (System.nanoTime() - start) / 1_000_000;
			writeOutline(document, actual);
			return new Row(document, expected.sections().size(), actual.sections().size(),
					StructureScore.of(expected, actual), millis, null);
		}
		catch (DocumentRejected ex) {
			return new Row(document, expected.sections().size(), 0, StructureScore.ZERO,
					(System.nanoTime() - start) / 1_000_000, "rejected: " + ex.problem().code());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	StructureScore mean() {
		return StructureScore.mean(this.rows.stream().map(Row::score).toList());
	}

	String markdown() {
		StringBuilder table = new StringBuilder();
		table.append(
				"| Document | Units expected / got | Title | Units F1 | Headings F1 | Paragraphs F1 | Text | ms | Note |\n");
		table.append("|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			StructureScore score = row.score();
			table.append(String.format(Locale.ROOT, "| %s | %d / %d | %s | %s | %s | %s | %s | %d | %s |%n",
					row.document().id(), row.expectedUnits(), row.actualUnits(), figure(score.title()),
					figure(score.units()), figure(score.headings()), figure(score.paragraphs()), figure(score.text()),
					row.millis(), (row.problem() != null) ? row.problem() : ""));
		}
		StructureScore mean = mean();
		table.append(String.format(Locale.ROOT, "| **mean of %d** | | %s | %s | %s | %s | %s | | |%n", this.rows.size(),
				figure(mean.title()), figure(mean.units()), figure(mean.headings()), figure(mean.paragraphs()),
				figure(mean.text())));
		return table.toString();
	}

	String json() {
		Map<String, Object> report = new LinkedHashMap<>();
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Row row : this.rows) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("id", row.document().id());
			document.put("gated", row.document().gated());
			document.put("expectedUnits", row.expectedUnits());
			document.put("actualUnits", row.actualUnits());
			document.put("millis", row.millis());
			document.put("problem", row.problem());
			document.putAll(row.score().byMetric());
			documents.add(document);
		}
		report.put("documents", documents);
		report.put("mean", mean().byMetric());
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report);
	}

	void write() {
		try {
			Files.createDirectories(MARKDOWN.getParent());
			Files.writeString(MARKDOWN, "# Structure report\n\n" + markdown());
			Files.writeString(JSON, json());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeOutline(CorpusDocument document, Outline outline) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("title", outline.title());
		root.put("subtitle", outline.subtitle());
		List<Map<String, Object>> units = new ArrayList<>();
		for (OutlineSection section : outline.sections()) {
			Map<String, Object> unit = new LinkedHashMap<>();
			unit.put("label", section.label());
			unit.put("heading", section.heading());
			unit.put("level", section.level());
			unit.put("blocks",
					section.blocks()
						.stream()
						.map(block -> Map.of("kind", block.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
								"text", block.text()))
						.toList());
			units.add(unit);
		}
		root.put("units", units);
		try {
			Files.createDirectories(OUTLINES);
			Files.writeString(OUTLINES.resolve(document.id().replace('/', '_') + ".json"),
					JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String figure(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	record Row(CorpusDocument document, int expectedUnits, int actualUnits, StructureScore score, long millis,
			String problem) {

	}

}
