package org.parley.ingest.structure;

import java.util.Objects;

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
 */
public record DocumentPart(Kind kind, int depth, String label, String text) {

	public DocumentPart {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
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

	/** One row of a table, its cells separated by " | ". */
	public static DocumentPart tableRow(String text) {
		return new DocumentPart(Kind.TABLE, 0, null, text);
	}

	public static DocumentPart quote(String text) {
		return new DocumentPart(Kind.QUOTE, 0, null, text);
	}

	public enum Kind {

		TITLE, SUBTITLE, HEADING, PARAGRAPH, LIST_ITEM, TABLE, QUOTE

	}

}
