package org.parley.ingest.pdf;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * The PDF needs a password to be opened.
 */
public final class PdfEncrypted extends DocumentRejected {

	public static final String CODE = "PDF_ENCRYPTED";

	public PdfEncrypted(Throwable cause) {
		super(new ImportProblem(CODE, "Password-protected PDF",
				"This PDF is protected by a password, so please upload a copy saved without password protection."),
				cause);
	}

}
