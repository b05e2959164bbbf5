package org.parley.ingest.pdf;

import java.util.List;

/**
 * What a PDF says about itself, before any structuring: the title from its document
 * information, its bookmarks, whether it is tagged, and the text of each page.
 *
 * @param infoTitle the title in the document information dictionary, or null
 * @param bookmarks the outline (bookmarks) in document order, empty when there is none
 * @param tagged whether the text carries structure tags (P, H1, LI...) from a tagged PDF
 * @param pages the pages in order
 */
public record ExtractedDocument(String infoTitle, List<Bookmark> bookmarks, boolean tagged, List<ExtractedPage> pages) {

	public ExtractedDocument {
		bookmarks = List.copyOf(bookmarks);
		pages = List.copyOf(pages);
	}

	/**
	 * One entry of the PDF outline.
	 *
	 * @param title the bookmark's text
	 * @param depth 1 for top-level bookmarks
	 * @param page the 1-based page it points to, or 0 when unknown
	 */
	public record Bookmark(String title, int depth, int page) {
	}

}
