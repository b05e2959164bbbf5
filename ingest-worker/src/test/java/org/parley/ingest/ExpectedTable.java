package org.parley.ingest;

import java.util.List;

import org.parley.domain.outline.BlockKind;

/**
 * A table of an expected outline with its cells, as API.md's {@code TABLE} paragraph
 * carries them: one list per row, the first {@code headerRows} rows being headers.
 *
 * @param unit the index of its unit in the outline
 * @param block the index of its block in that unit
 * @param kind the block's kind (a table's is {@code TABLE})
 * @param text the block's text: the cells' text in reading order, row by row
 * @param rows the cells' text, row by row; a spanning cell is written once, in the first
 * row and column it covers, and the cells it covers are empty strings
 * @param headerRows how many of the first rows are header rows
 */
public record ExpectedTable(int unit, int block, BlockKind kind, String text, List<List<String>> rows, int headerRows) {

	/** The cells' text in reading order, row by row, empty cells left out. */
	public String cellText() {
		return String.join(" ", this.rows.stream().flatMap(List::stream).filter(cell -> !cell.isBlank()).toList());
	}

}
