package org.parley.domain.outline;

import java.util.List;
import java.util.Objects;

/**
 * The cells of a {@link BlockKind#TABLE} block, row by row, as the API serves them
 * ({@code rows} and {@code headerRows}). A spanning cell is repeated in every row and
 * column it covers, so that every row is as wide as the widest; the block's text stays
 * the cells' text in reading order.
 *
 * @param rows one list of cell texts per row, each whitespace-normalised
 * @param headerRows how many of the first rows are header rows
 * @param caption the table's caption as the source marks it up (an HTML caption, a Word
 * or OpenDocument caption paragraph next to the table), or null
 */
public record TableCells(List<List<String>> rows, int headerRows, String caption) {

	public TableCells {
		Objects.requireNonNull(rows, "rows");
		rows = rows.stream().map(List::copyOf).toList();
		if (headerRows < 0 || headerRows > rows.size()) {
			throw new IllegalArgumentException("headerRows " + headerRows + " of " + rows.size() + " rows");
		}
		caption = (caption == null || caption.isBlank()) ? null : caption;
	}

	/** A table without a caption. */
	public TableCells(List<List<String>> rows, int headerRows) {
		this(rows, headerRows, null);
	}

	/** The number of columns: the width of the widest row. */
	public int columns() {
		return rows.stream().mapToInt(List::size).max().orElse(0);
	}

	/** The cells' text in reading order, row by row, as a table block's text. */
	public String text() {
		return String.join(" ", rows.stream().flatMap(List::stream).filter(cell -> !cell.isBlank()).toList());
	}

}
