package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outline.TableCells;

/**
 * A table's cells laid out on its grid as a format's table markup gives them, row by row
 * and cell by cell, with how many columns and rows each spans: HTML's colspan and
 * rowspan, OpenDocument's number-columns-spanned and number-rows-spanned, Word's gridSpan
 * and vMerge. A spanning cell is repeated in every slot it covers, and each cell goes
 * into the first slot of its row that no cell above spans into, so that every format's
 * merged cells come out alike ({@link TableCells}).
 * <p>
 * A crafted span cannot make the grid larger than {@link #MAX_SLOTS}: the import then
 * fails as too large, rather than fill memory.
 */
public final class TableGrid {

	/** The most slots (rows times columns) one table may fill. */
	public static final int MAX_SLOTS = 250_000;

	/** The widest span a cell may claim; wider spans are cut to this. */
	private static final int MAX_SPAN = 1_000;

	private final List<List<String>> rows = new ArrayList<>();

	private int row = -1;

	private int column;

	private int realRows;

	private long slots;

	/** The next row of the markup starts. */
	public void startRow() {
		this.row++;
		this.realRows = this.row + 1;
		this.column = 0;
		slotRow(this.row);
	}

	/**
	 * The next cell of the current row, in the first free slot.
	 * @param text its text, not yet whitespace-normalised
	 * @param columns how many columns it spans, at least 1
	 * @param rows how many rows it spans, at least 1
	 */
	public void cell(String text, int columns, int rows) {
		if (this.row < 0) {
			startRow();
		}
		List<String> current = this.rows.get(this.row);
		while (this.column < current.size() && current.get(this.column) != null) {
			this.column++;
		}
		String normalised = Whitespace.normalise(text);
		int across = Math.max(1, Math.min(columns, MAX_SPAN));
		int down = Math.max(1, Math.min(rows, MAX_SPAN));
		for (int r = this.row; r < this.row + down; r++) {
			List<String> slotRow = slotRow(r);
			for (int c = this.column; c < this.column + across; c++) {
				while (slotRow.size() <= c) {
					slotRow.add(null);
					count();
				}
				slotRow.set(c, normalised);
			}
		}
		this.column += across;
	}

	/**
	 * The next cell of the current row continues the cell above it in the same column
	 * (Word's vMerge "continue"): it takes that cell's text.
	 */
	public void continueAbove(int columns) {
		if (this.row < 0) {
			startRow();
		}
		List<String> current = this.rows.get(this.row);
		while (this.column < current.size() && current.get(this.column) != null) {
			this.column++;
		}
		String above = "";
		if (this.row > 0) {
			List<String> previous = this.rows.get(this.row - 1);
			if (this.column < previous.size() && previous.get(this.column) != null) {
				above = previous.get(this.column);
			}
		}
		cell(above, columns, 1);
	}

	/** Skips a column of the current row that no cell fills (Word's gridBefore). */
	public void skip(int columns) {
		cell("", columns, 1);
	}

	/** Whether no cell has any text. */
	public boolean isEmpty() {
		return this.rows.stream().flatMap(List::stream).allMatch(cell -> cell == null || cell.isEmpty());
	}

	/**
	 * The table: rows that only a span reached beyond the last row of the markup are
	 * dropped, and every row is filled up to the widest with empty cells.
	 * @param headerRows how many of the first rows the markup marks as header rows
	 * @param caption the caption the markup gives the table, or null
	 */
	public TableCells cells(int headerRows, String caption) {
		List<List<String>> kept = new ArrayList<>(this.rows.subList(0, this.realRows));
		int width = kept.stream().mapToInt(List::size).max().orElse(0);
		if ((long) width * kept.size() > MAX_SLOTS) {
			throw new OutlineTooLarge("a table of " + ((long) width * kept.size()) + " cells",
					MAX_SLOTS + " cells a table");
		}
		List<List<String>> filled = new ArrayList<>(kept.size());
		for (List<String> r : kept) {
			List<String> cells = new ArrayList<>(width);
			for (int c = 0; c < width; c++) {
				String cell = (c < r.size()) ? r.get(c) : null;
				cells.add((cell != null) ? cell : "");
			}
			filled.add(cells);
		}
		String normalisedCaption = (caption != null) ? Whitespace.normalise(caption) : null;
		return new TableCells(filled, Math.max(0, Math.min(headerRows, filled.size())), normalisedCaption);
	}

	/** The same cells with the caption that stands after the table. */
	public static TableCells captioned(TableCells cells, String caption) {
		return new TableCells(cells.rows(), cells.headerRows(), Whitespace.normalise(caption));
	}

	private List<String> slotRow(int r) {
		while (this.rows.size() <= r) {
			this.rows.add(new ArrayList<>());
		}
		return this.rows.get(r);
	}

	private void count() {
		if (++this.slots > MAX_SLOTS) {
			throw new OutlineTooLarge("a table of more than " + MAX_SLOTS + " cells", MAX_SLOTS + " cells a table");
		}
	}

}
