package org.parley.ingest.pdf.table;

import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outline.TableCells;

/**
 * A table found on one page: where it sits and its cells.
 *
 * @param page the 1-based page number
 * @param left left edge of the table's region
 * @param top top edge
 * @param right right edge
 * @param bottom bottom edge
 * @param rows the cells' text row by row, every row as wide as the table; a spanning cell
 * is repeated in each slot it covers
 * @param headerRows how many of the first rows are header rows
 */
public record DetectedTable(int page, float left, float top, float right, float bottom, List<List<String>> rows,
		int headerRows) {

	public DetectedTable {
		rows = rows.stream().map(List::copyOf).toList();
	}

	public TableCells cells() {
		return new TableCells(this.rows, this.headerRows);
	}

	public int columns() {
		return this.rows.isEmpty() ? 0 : this.rows.get(0).size();
	}

	/**
	 * Whether {@code next}, on the following page, goes on with this table: as many
	 * columns, and either no header of its own or the same header again.
	 */
	public boolean continuedBy(DetectedTable next) {
		if (next.page() != this.page + 1 || next.columns() != columns()) {
			return false;
		}
		return next.headerRows() == 0 || repeatsHeader(next);
	}

	/**
	 * This table with the rows of {@code next} after its own, next's repeated header
	 * dropped.
	 */
	public DetectedTable followedBy(DetectedTable next) {
		List<List<String>> joined = new ArrayList<>(this.rows);
		int skip = repeatsHeader(next) ? next.headerRows() : 0;
		joined.addAll(next.rows().subList(skip, next.rows().size()));
		return new DetectedTable(next.page(), next.left(), next.top(), next.right(), next.bottom(), joined,
				this.headerRows);
	}

	private boolean repeatsHeader(DetectedTable next) {
		int header = next.headerRows();
		if (header == 0 || header != this.headerRows || next.rows().size() < header) {
			return false;
		}
		return this.rows.subList(0, header).equals(next.rows().subList(0, header));
	}

}
