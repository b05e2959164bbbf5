package org.parley.ingest.pdf;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * The PDF is damaged or cut short, so its pages cannot be read.
 */
public final class PdfUnreadable extends DocumentRejected {

	public static final String CODE = "PDF_UNREADABLE";

	public PdfUnreadable(Throwable cause) {
		super(damaged(), cause);
	}

	public PdfUnreadable() {
		super(damaged());
	}

	private static ImportProblem damaged() {
		return new ImportProblem(CODE, "Damaged PDF",
				"This PDF is damaged or incomplete, so please export it again from the original document and upload the new copy.");
	}

}
