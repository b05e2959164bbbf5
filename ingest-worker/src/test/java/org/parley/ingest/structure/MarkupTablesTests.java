package org.parley.ingest.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.TableCells;
import org.parley.ingest.docx.DocxReader;
import org.parley.ingest.gdocs.GoogleDocsHtmlReader;
import org.parley.ingest.markdown.MarkdownReader;
import org.parley.ingest.odt.OdtReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables read from each format's own table markup (issue 14): one TABLE block per table,
 * a merged cell repeated in every slot it covers, the header rows and the caption the
 * markup gives. The DOCX and ODT are LibreOffice's conversions of one Flat ODT
 * (src/test/resources/tables/SOURCE.md), so all four must give the same cells.
 */
class MarkupTablesTests {

	private static final List<List<String>> TARGETS = List.of(
			List.of("Sector", "Reduction against 1990", "Reduction against 1990", "Reduction against 1990"),
			List.of("Sector", "2030", "2040", "2050"), List.of("Transport", "40 %", "70 %", "net zero"),
			List.of("Buildings", "to be agreed", "to be agreed", "net zero"),
			List.of("Industry", "35 %", "60 %", "90 %"));

	private static final String CAPTION = "Table 1: Emission targets by sector";

	private final MarkupStructurer structurer = new MarkupStructurer();

	@Test
	void wordTableWithGridSpanVMergeAndRepeatedHeaderRows() throws IOException {
		Outline outline = this.structurer.structure(new DocxReader().read(resource("merged-cells.docx")));

		assertThat(outline.title()).isEqualTo("Climate targets");
		List<Block> blocks = outline.sections().get(0).blocks();
		assertThat(blocks).extracting(Block::kind)
			.containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH);
		assertThat(blocks.get(1).cells()).isEqualTo(new TableCells(TARGETS, 2, CAPTION));
		assertThat(blocks.get(1).text()).startsWith("Sector Reduction against 1990").endsWith("60 % 90 %");
		assertThat(blocks.get(2).text()).isEqualTo("The targets are reviewed every five years.");
	}

	@Test
	void openDocumentTableWithSpannedAndCoveredCellsAndHeaderRows() throws IOException {
		for (String file : List.of("merged-cells.odt", "merged-cells.fodt")) {
			Outline outline = this.structurer.structure(new OdtReader().read(resource(file)));

			List<Block> blocks = outline.sections().get(0).blocks();
			assertThat(blocks).as(file)
				.extracting(Block::kind)
				.containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH);
			assertThat(blocks.get(1).cells()).as(file).isEqualTo(new TableCells(TARGETS, 2, CAPTION));
		}
	}

	@Test
	void googleDocsTablesWithColspanRowspanTheadCaptionAndANestedTable() throws IOException {
		String html = new String(resource("google-docs-export.html").readAllBytes(), StandardCharsets.UTF_8);

		Outline outline = this.structurer.structure(new GoogleDocsHtmlReader().read(html));

		assertThat(outline.title()).isEqualTo("Local Climate Charter");
		assertThat(outline.sections()).extracting(s -> s.heading()).containsExactly("Targets", "Budget");
		Block targets = outline.sections().get(0).blocks().get(1);
		// Google's export marks no header rows: its cells are all td.
		assertThat(targets.cells()).isEqualTo(new TableCells(TARGETS, 0));
		Block budget = outline.sections().get(1).blocks().get(0);
		assertThat(budget.cells()).isEqualTo(
				new TableCells(List.of(List.of("Item", "2025", "2026"), List.of("Bus lanes", "1,200,000", "800,000"),
						List.of("Retrofit schools", "2,000,000", "2,000,000")), 1, "Budget by year, in EUR"));
	}

	@Test
	void markdownPipeTableWithItsHeaderRow() throws IOException {
		String markdown = new String(resource("pipe-tables.md").readAllBytes(), StandardCharsets.UTF_8);

		Outline outline = this.structurer.structure(new MarkdownReader().read(markdown));

		Block table = outline.sections().get(0).blocks().get(1);
		assertThat(table.cells()).isEqualTo(new TableCells(List.of(List.of("Sector", "2030", "2040", "2050"),
				List.of("Transport", "40 %", "70 %", "net zero"), List.of("Buildings", "to be agreed", "", "net zero"),
				List.of("Industry", "35 %", "60 %", "90 % | review")), 1));
		assertThat(table.text()).isEqualTo(
				"Sector 2030 2040 2050 Transport 40 % 70 % net zero Buildings to be agreed net zero Industry 35 % 60 % 90 % | review");
	}

	private static InputStream resource(String name) {
		InputStream in = MarkupTablesTests.class.getResourceAsStream("/tables/" + name);
		assertThat(in).as(name).isNotNull();
		return in;
	}

}
