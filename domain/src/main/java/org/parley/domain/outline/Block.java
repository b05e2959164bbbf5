package org.parley.domain.outline;

import java.util.Objects;
import java.util.UUID;

/**
 * One paragraph, list item, table or quote of a section. The text is
 * whitespace-normalised, with no line-break hyphens and no running headers, footers or
 * page numbers.
 *
 * @param id the saved paragraph this block is, kept through outline edits; null for a
 * block that is not saved yet, as every block an import makes
 * @param cells the rows and header rows of a {@link BlockKind#TABLE} block whose cells
 * are known; null for every other block, and for a table known only as text
 */
public record Block(UUID id, BlockKind kind, String text, TableCells cells) {

	public Block {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
		if (cells != null && kind != BlockKind.TABLE) {
			throw new IllegalArgumentException("cells on a " + kind + " block");
		}
	}

	/** A block without cells. */
	public Block(UUID id, BlockKind kind, String text) {
		this(id, kind, text, null);
	}

	/** A block that is not saved yet. */
	public Block(BlockKind kind, String text) {
		this(null, kind, text);
	}

	/** A table that is not saved yet, its text drawn from its cells. */
	public static Block table(TableCells cells) {
		return new Block(null, BlockKind.TABLE, cells.text(), cells);
	}

	public static Block paragraph(String text) {
		return new Block(BlockKind.PARAGRAPH, text);
	}

	public static Block listItem(String text) {
		return new Block(BlockKind.LIST_ITEM, text);
	}

}
