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
import org.parley.domain.outline.BlockKind;
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
					"no reader for ." + document.extension(), hasTables(expected), 0);
		}
		long start = System.nanoTime();
		try {
			Outline actual = CorpusImport.outline(document.file(), format.get());
			long millis = (System.nanoTime() - start) / 1_000_000;
			writeOutline(document, actual);
			return new Row(document, expected.sections().size(), actual.sections().size(),
					StructureScore.of(expected, document.expectedTables(), actual), millis, null, hasTables(expected),
					tables(actual));
		}
		catch (DocumentRejected ex) {
			return new Row(document, expected.sections().size(), 0, StructureScore.ZERO,
					(System.nanoTime() - start) / 1_000_000, "rejected: " + ex.problem().code(), hasTables(expected),
					0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	StructureScore mean() {
		return StructureScore.mean(this.rows.stream().map(Row::score).toList());
	}

	/** The mean over the documents that have tables in their expected outline. */
	StructureScore meanWithTables() {
		return StructureScore.mean(this.rows.stream().filter(Row::expectsTables).map(Row::score).toList());
	}

	private static boolean hasTables(Outline outline) {
		return tables(outline) > 0;
	}

	private static int tables(Outline outline) {
		return (int) outline.sections()
			.stream()
			.flatMap(section -> section.blocks().stream())
			.filter(block -> block.kind() == BlockKind.TABLE)
			.count();
	}

	String markdown() {
		StringBuilder table = new StringBuilder();
		table.append("| Document | Units expected / got | Title | Units F1 | Headings F1 | Paragraphs F1 | Text "
				+ "| Tables found | Tables F1 | Cells F1 | TEDS | ms | Note |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			StructureScore score = row.score();
			table.append(String.format(Locale.ROOT,
					"| %s | %d / %d | %s | %s | %s | %s | %s | %d | %s | %s | %s | %d | %s |%n", row.document().id(),
					row.expectedUnits(), row.actualUnits(), figure(score.title()), figure(score.units()),
					figure(score.headings()), figure(score.paragraphs()), figure(score.text()), row.tablesFound(),
					figure(score.tables()), figure(score.cells()), figure(score.teds()), row.millis(),
					(row.problem() != null) ? row.problem() : ""));
		}
		StructureScore mean = mean();
		table.append(String.format(Locale.ROOT, "| **mean of %d** | | %s | %s | %s | %s | %s | | %s | %s | %s | | |%n",
				this.rows.size(), figure(mean.title()), figure(mean.units()), figure(mean.headings()),
				figure(mean.paragraphs()), figure(mean.text()), figure(mean.tables()), figure(mean.cells()),
				figure(mean.teds())));
		StructureScore withTables = meanWithTables();
		long count = this.rows.stream().filter(Row::expectsTables).count();
		table.append(String.format(Locale.ROOT,
				"| **mean of the %d with tables** | | %s | %s | %s | %s | %s | | %s | %s | %s | | |%n", count,
				figure(withTables.title()), figure(withTables.units()), figure(withTables.headings()),
				figure(withTables.paragraphs()), figure(withTables.text()), figure(withTables.tables()),
				figure(withTables.cells()), figure(withTables.teds())));
		long spurious = this.rows.stream().filter(row -> !row.expectsTables() && row.tablesFound() > 0).count();
		table.append(String.format(Locale.ROOT, "%nDocuments without tables in which a table was found: %d of %d%n",
				spurious, this.rows.size() - count));
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
			document.put("tablesFound", row.tablesFound());
			document.putAll(row.score().byMetric());
			documents.add(document);
		}
		report.put("documents", documents);
		report.put("mean", mean().byMetric());
		report.put("meanWithTables", meanWithTables().byMetric());
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
			unit.put("blocks", section.blocks().stream().map(StructureReport::block).toList());
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

	private static Map<String, Object> block(org.parley.domain.outline.Block block) {
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("kind", block.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		written.put("text", block.text());
		if (block.cells() != null) {
			written.put("headerRows", block.cells().headerRows());
			written.put("rows", block.cells().rows());
		}
		return written;
	}

	private static String figure(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	record Row(CorpusDocument document, int expectedUnits, int actualUnits, StructureScore score, long millis,
			String problem, boolean expectsTables, int tablesFound) {

	}

}
