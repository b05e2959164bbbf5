package org.parley.ingest.pdf;

/**
 * Text on one baseline in one style, with no wide gap inside. Coordinates are in points
 * from the top-left corner of the page; {@code baseline} grows downwards.
 *
 * @param text the characters, with single spaces where the PDF leaves word gaps
 * @param x left edge
 * @param baseline the baseline's distance from the top of the page
 * @param width from the left edge of the first glyph to the right edge of the last
 * @param fontSize the size as rendered on the page, in points
 * @param bold from the font's name or weight, or from text drawn stroked to look bold
 * @param italic from the font's name or italic angle
 * @param tag the structure element of a tagged PDF, or null
 * @param firstWordWidth the width of the text up to the first word gap, which tells
 * whether the word would have fitted at the end of the line before
 * @param colour the fill colour as 0xRRGGBB; black where the PDF's colour space has no
 * simple RGB reading
 */
public record TextRun(String text, float x, float baseline, float width, float fontSize, boolean bold, boolean italic,
		StructureTag tag, float firstWordWidth, int colour) {

	public static final int BLACK = 0;

	/** A run in black. */
	public TextRun(String text, float x, float baseline, float width, float fontSize, boolean bold, boolean italic,
			StructureTag tag, float firstWordWidth) {
		this(text, x, baseline, width, fontSize, bold, italic, tag, firstWordWidth, BLACK);
	}

	/** A run whose first word's width is estimated from its average character width. */
	public TextRun(String text, float x, float baseline, float width, float fontSize, boolean bold, boolean italic,
			StructureTag tag) {
		this(text, x, baseline, width, fontSize, bold, italic, tag, estimateFirstWord(text, width));
	}

	private static float estimateFirstWord(String text, float width) {
		int space = text.indexOf(' ');
		return (space < 0) ? width : width * space / Math.max(1, text.length());
	}

	public float right() {
		return this.x + this.width;
	}

}
