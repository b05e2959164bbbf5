package org.parley.ingest.structure;

import java.util.Objects;

import org.parley.domain.outline.TableCells;

/**
 * One element of a document whose markup says what it is (DOCX, Markdown, a Google Docs
 * export): the common ground from which every such format is structured the same way.
 *
 * @param kind what the markup says the element is
 * @param depth for a heading, its depth in the markup (1 for h1 or "Heading 1"),
 * otherwise 0
 * @param label numbering that the format generates rather than writes in the text (a Word
 * numbering definition, a Google Docs list counter), exactly as displayed; null when the
 * numbering, if any, is part of the text
 * @param text the text, not yet whitespace-normalised
 * @param cells for a table read from the source's table markup, its cells; otherwise null
 */
public record DocumentPart(Kind kind, int depth, String label, String text, TableCells cells) {

	public DocumentPart {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
		if (cells != null && kind != Kind.TABLE) {
			throw new IllegalArgumentException("cells on a " + kind + " part");
		}
	}

	public DocumentPart(Kind kind, int depth, String label, String text) {
		this(kind, depth, label, text, null);
	}

	public static DocumentPart title(String text) {
		return new DocumentPart(Kind.TITLE, 0, null, text);
	}

	public static DocumentPart subtitle(String text) {
		return new DocumentPart(Kind.SUBTITLE, 0, null, text);
	}

	public static DocumentPart heading(int depth, String label, String text) {
		return new DocumentPart(Kind.HEADING, depth, label, text);
	}

	public static DocumentPart paragraph(String text) {
		return new DocumentPart(Kind.PARAGRAPH, 0, null, text);
	}

	/**
	 * A list item; a numbered item's displayed number is kept in front, as readers refer
	 * to it.
	 */
	public static DocumentPart listItem(String label, String text) {
		return new DocumentPart(Kind.LIST_ITEM, 0, label, text);
	}

	/** A whole table, read from the source's table markup. */
	public static DocumentPart table(TableCells cells) {
		return new DocumentPart(Kind.TABLE, 0, null, cells.text(), cells);
	}

	public static DocumentPart quote(String text) {
		return new DocumentPart(Kind.QUOTE, 0, null, text);
	}

	public enum Kind {

		TITLE, SUBTITLE, HEADING, PARAGRAPH, LIST_ITEM, TABLE, QUOTE

	}

}
