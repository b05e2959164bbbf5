package org.parley.domain.outline;

import java.util.Objects;

/**
 * One paragraph, list item, table or quote of a section. The text is
 * whitespace-normalised, with no line-break hyphens and no running headers, footers or
 * page numbers.
 */
public record Block(BlockKind kind, String text) {

	public Block {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
	}

	public static Block paragraph(String text) {
		return new Block(BlockKind.PARAGRAPH, text);
	}

	public static Block listItem(String text) {
		return new Block(BlockKind.LIST_ITEM, text);
	}

}
