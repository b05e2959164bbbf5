package org.parley.ingest.pdf;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * The PDF holds pictures of pages (a scan) but no text that can be selected.
 */
public final class NoTextLayer extends DocumentRejected {

	public static final String CODE = "NO_TEXT_LAYER";

	public NoTextLayer() {
		super(new ImportProblem(CODE, "No text in the PDF",
				"This PDF contains only images of pages and no text we can read, so please upload a version with selectable text, such as one exported from the original document."));
	}

}
