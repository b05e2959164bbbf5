package org.parley.ingest.structure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.TableCells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableGridTests {

	@Test
	void aCellGoesToTheFirstSlotNoSpanFromAboveFillsAndRowsAreFilledToTheWidest() {
		TableGrid grid = new TableGrid();
		grid.startRow();
		grid.cell("a", 1, 3);
		grid.cell(" b\n c ", 2, 1);
		grid.startRow();
		grid.cell("d", 1, 1);
		grid.startRow();
		grid.cell("e", 1, 1);
		grid.cell("f", 1, 1);
		grid.cell("g", 1, 1);

		assertThat(grid.cells(1, " The\ncaption ")).isEqualTo(new TableCells(
				List.of(List.of("a", "b c", "b c", ""), List.of("a", "d", "", ""), List.of("a", "e", "f", "g")), 1,
				"The caption"));
	}

	@Test
	void aContinuationTakesTheTextOfTheCellAboveAndRowsOnlyASpanReachedAreDropped() {
		TableGrid grid = new TableGrid();
		grid.startRow();
		grid.skip(1);
		grid.cell("x", 1, 5);
		grid.cell("y", 1, 1);
		grid.startRow();
		grid.cell("z", 1, 1);
		grid.continueAbove(1);

		assertThat(grid.cells(0, null).rows()).containsExactly(List.of("", "x", "y"), List.of("z", "x", "y"));
	}

	@Test
	void aCraftedSpanFailsTheImportAsTooLargeInsteadOfFillingMemory() {
		TableGrid grid = new TableGrid();
		grid.startRow();

		assertThatThrownBy(() -> {
			for (int i = 0; i < 1_000; i++) {
				grid.cell("x", 1_000_000, 1_000_000);
			}
		}).isInstanceOf(OutlineTooLarge.class);
	}

}
