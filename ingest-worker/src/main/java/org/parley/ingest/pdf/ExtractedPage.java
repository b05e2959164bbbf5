package org.parley.ingest.pdf;

import java.util.List;

/**
 * The text of one page as lines sorted top to bottom. A line holds everything on one
 * baseline, so on a two-column page it can hold text of both columns; its runs keep them
 * apart.
 *
 * @param number 1-based page number
 * @param width page width in points
 * @param height page height in points
 * @param lines the lines from top to bottom
 */
public record ExtractedPage(int number, float width, float height, List<TextLine> lines) {

	public ExtractedPage {
		lines = List.copyOf(lines);
	}

}
