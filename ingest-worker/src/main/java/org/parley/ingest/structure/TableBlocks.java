package org.parley.ingest.structure;

import java.util.List;

import org.parley.domain.outline.Block;
import org.parley.ingest.pdf.table.DetectedTable;
import org.parley.ingest.pdf.table.PageTables;

/**
 * Puts each detected table into its section as one table block, where its stand-in line
 * was read. A table that goes on at the top of the next page, with the same columns,
 * joins the table block before it, its repeated header dropped.
 */
final class TableBlocks {

	private final List<DetectedTable> tables;

	private List<Block> lastSection;

	private int lastIndex = -1;

	private DetectedTable last;

	TableBlocks(List<DetectedTable> tables) {
		this.tables = tables;
	}

	/**
	 * Adds the block's table to the section and says so, or says that the block is not a
	 * table.
	 */
	boolean add(TextBlock block, List<Block> section) {
		int number = PageTables.tableOf(block.first().line());
		if (number < 0 || number >= this.tables.size()) {
			if (this.last != null && block.page() > this.last.page()) {
				// Text on a later page between two tables keeps them apart.
				this.last = null;
			}
			return number >= 0;
		}
		DetectedTable table = this.tables.get(number);
		if (this.last != null && this.lastSection == section && this.lastIndex == section.size() - 1
				&& this.last.continuedBy(table)) {
			DetectedTable joined = this.last.followedBy(table);
			section.set(this.lastIndex, Block.table(joined.cells()));
			this.last = joined;
			return true;
		}
		section.add(Block.table(table.cells()));
		this.last = table;
		this.lastSection = section;
		this.lastIndex = section.size() - 1;
		return true;
	}

}
