package org.parley.ingest.pdf;

import java.util.Objects;

/**
 * One visible character as PDFBox placed it on the page.
 */
record Glyph(String text, float x, float baseline, float width, float size, float spaceWidth, boolean bold,
		boolean italic, StructureTag tag, int colour, boolean spaced) {

	/** A glyph in the default colour, black, that no space character precedes. */
	Glyph(String text, float x, float baseline, float width, float size, float spaceWidth, boolean bold, boolean italic,
			StructureTag tag) {
		this(text, x, baseline, width, size, spaceWidth, bold, italic, tag, TextRun.BLACK, false);
	}

	/** The same glyph, known to follow a space character. */
	Glyph afterSpace() {
		return new Glyph(this.text, this.x, this.baseline, this.width, this.size, this.spaceWidth, this.bold,
				this.italic, this.tag, this.colour, true);
	}

	float right() {
		return this.x + this.width;
	}

	boolean sameStyle(Glyph other) {
		return Math.abs(this.size - other.size) < 0.3f && this.bold == other.bold && this.italic == other.italic
				&& Objects.equals(this.tag, other.tag) && this.colour == other.colour;
	}

}
