package org.parley.ingest.pdf;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * The PDF needs more time or memory to read than one import may take: a content or font
 * stream that inflates to gigabytes, or millions of drawing operations. Real drafts are
 * far below the limits; what reaches them is broken or built to exhaust the worker.
 */
public final class PdfTooComplex extends DocumentRejected {

	public static final String CODE = "PDF_TOO_COMPLEX";

	public PdfTooComplex() {
		super(new ImportProblem(CODE, "PDF too complex",
				"This PDF takes too long or too much memory to read, so Parley stopped. Please save it again as a plain PDF (for example with \"Save as PDF\" or \"Print to PDF\"), or split it into smaller documents, and upload the new copy."));
	}

}
