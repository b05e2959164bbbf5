package org.parley.ingest.pdf;

import java.util.Objects;

/**
 * One visible character as PDFBox placed it on the page.
 */
record Glyph(String text, float x, float baseline, float width, float size, float spaceWidth, boolean bold,
		boolean italic, StructureTag tag, int colour) {

	/** A glyph in the default colour, black. */
	Glyph(String text, float x, float baseline, float width, float size, float spaceWidth, boolean bold, boolean italic,
			StructureTag tag) {
		this(text, x, baseline, width, size, spaceWidth, bold, italic, tag, TextRun.BLACK);
	}

	float right() {
		return this.x + this.width;
	}

	boolean sameStyle(Glyph other) {
		return Math.abs(this.size - other.size) < 0.3f && this.bold == other.bold && this.italic == other.italic
				&& Objects.equals(this.tag, other.tag) && this.colour == other.colour;
	}

}
