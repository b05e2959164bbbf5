package org.parley.ingest.pdf;

import java.util.List;

/**
 * The text of one page as lines sorted top to bottom. A line holds everything on one
 * baseline, so on a two-column page it can hold text of both columns; its runs keep them
 * apart.
 * <p>
 * A page whose lines look as if they could hold a table (several lines of separate cells)
 * also keeps its words with their extent and the lines its graphics draw, from which
 * tables are recovered; other pages keep neither.
 *
 * @param number 1-based page number
 * @param width page width in points
 * @param height page height in points
 * @param lines the lines from top to bottom
 * @param rulings the horizontal and vertical lines the page draws, or empty
 * @param words the words from top to bottom and left to right, or empty
 */
public record ExtractedPage(int number, float width, float height, List<TextLine> lines, List<Ruling> rulings,
		List<Word> words) {

	public ExtractedPage {
		lines = List.copyOf(lines);
		rulings = List.copyOf(rulings);
		words = List.copyOf(words);
	}

	/** A page known only by its lines. */
	public ExtractedPage(int number, float width, float height, List<TextLine> lines) {
		this(number, width, height, lines, List.of(), List.of());
	}

	/**
	 * The same page with other lines (after running text or line numbers are removed).
	 */
	public ExtractedPage withLines(List<TextLine> kept) {
		return new ExtractedPage(this.number, this.width, this.height, kept, this.rulings, this.words);
	}

}
