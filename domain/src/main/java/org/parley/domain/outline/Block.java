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
 */
public record Block(UUID id, BlockKind kind, String text) {

	public Block {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
	}

	/** A block that is not saved yet. */
	public Block(BlockKind kind, String text) {
		this(null, kind, text);
	}

	public static Block paragraph(String text) {
		return new Block(BlockKind.PARAGRAPH, text);
	}

	public static Block listItem(String text) {
		return new Block(BlockKind.LIST_ITEM, text);
	}

}
