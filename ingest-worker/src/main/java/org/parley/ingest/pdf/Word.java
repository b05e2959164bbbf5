package org.parley.ingest.pdf;

/**
 * One word as the page places it: the glyphs between two word gaps on one baseline. Table
 * recovery needs where each word starts and ends; a {@link TextRun} only keeps where its
 * text starts and ends.
 *
 * @param text the characters
 * @param x left edge
 * @param right right edge
 * @param baseline the baseline's distance from the top of the page
 * @param size the font size as rendered
 * @param bold whether the word is bold
 */
public record Word(String text, float x, float right, float baseline, float size, boolean bold) {

	public float middle() {
		return (this.x + this.right) / 2;
	}

	/** The middle of the word's height, above its baseline. */
	public float centre() {
		return this.baseline - 0.33f * this.size;
	}

}
