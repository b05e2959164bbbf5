package org.parley.ingest.structure;

import org.parley.ingest.pdf.StructureTag;
import org.parley.ingest.pdf.TextLine;

/**
 * A line in reading order, with the column it was read from.
 *
 * @param line the text and its runs
 * @param page 1-based page number
 * @param columnLeft left edge of the column, so that indentation compares across columns
 * @param columnRight right edge of the text in the column: a line ending well before it
 * was not broken for lack of room
 * @param opensColumn whether the line is the first of its page or column, where the
 * vertical gap to the previous line means nothing
 */
record PlacedLine(TextLine line, int page, float columnLeft, float columnRight, boolean opensColumn) {

	String text() {
		return this.line.text();
	}

	float indent() {
		return this.line.x() - this.columnLeft;
	}

	float fontSize() {
		return this.line.fontSize();
	}

	float baseline() {
		return this.line.baseline();
	}

	boolean bold() {
		return this.line.bold();
	}

	int colour() {
		return this.line.colour();
	}

	StructureTag tag() {
		return this.line.firstTag();
	}

	PlacedLine opening() {
		return new PlacedLine(this.line, this.page, this.columnLeft, this.columnRight, true);
	}

}
