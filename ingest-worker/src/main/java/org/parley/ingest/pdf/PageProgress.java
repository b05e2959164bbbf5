package org.parley.ingest.pdf;

/**
 * Told after each page has been read, so that a long import can report how far it got.
 */
@FunctionalInterface
public interface PageProgress {

	PageProgress NONE = (page, pages) -> {
	};

	void pageExtracted(int page, int pages);

}
