package org.parley.ingest.pdf;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * The PDF has more pages than an import accepts.
 */
public final class TooManyPages extends DocumentRejected {

	public static final String CODE = "TOO_MANY_PAGES";

	public TooManyPages(int pages, int maxPages) {
		super(new ImportProblem(CODE, "Too many pages",
				"This PDF has %d pages, more than the %d pages we can import, so please split it into smaller documents."
					.formatted(pages, maxPages)));
	}

}
