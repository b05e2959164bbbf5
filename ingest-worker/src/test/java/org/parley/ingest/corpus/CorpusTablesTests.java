package org.parley.ingest.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.outline.BlockKind;
import org.parley.ingest.ExpectedOutline;
import org.parley.ingest.ExpectedTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table truth of the corpus (issue 14): {@code rows} and {@code headerRows} on a
 * {@code table} block are read, and every recorded table is consistent with its text.
 */
class CorpusTablesTests {

	@Test
	void tableCellsAndHeaderRowsAreReadFromAnExpectedOutline(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("expected-outline.json");
		Files.writeString(file, """
				{"title": "T", "subtitle": null, "units": [{"label": null, "heading": null, "level": 1,
				  "blocks": [{"kind": "paragraph", "text": "Before."},
				             {"kind": "table", "text": "Goal 2024 Members 75", "headerRows": 1,
				              "rows": [["Goal", "2024"], ["Members", "75"]]},
				             {"kind": "table", "text": "Text only"}]}]}
				""");

		List<ExpectedTable> tables = ExpectedOutline.tables(file);

		assertThat(tables).containsExactly(new ExpectedTable(0, 1, BlockKind.TABLE, "Goal 2024 Members 75",
				List.of(List.of("Goal", "2024"), List.of("Members", "75")), 1));
		assertThat(ExpectedOutline.of(file).sections().get(0).blocks()).hasSize(3);
	}

	@Test
	void everyRecordedTableIsARectangularTableWhoseTextIsItsCellsRowByRow() {
		List<CorpusDocument> documents = Corpus.documents();
		int tables = 0;
		for (CorpusDocument document : documents) {
			for (ExpectedTable table : document.expectedTables()) {
				String where = document.id() + " unit " + table.unit() + " block " + table.block();
				assertThat(table.kind()).as(where).isEqualTo(BlockKind.TABLE);
				int width = table.rows().get(0).size();
				assertThat(table.rows()).as(where + ": every row as wide as the first")
					.isNotEmpty()
					.allSatisfy(row -> assertThat(row).hasSize(width));
				assertThat(table.headerRows()).as(where).isBetween(0, table.rows().size());
				assertThat(table.text()).as(where).isEqualTo(table.cellText());
				tables++;
			}
		}
		assertThat(tables).as("tables with cells in the corpus").isPositive();
	}

}
