package org.parley.ingest.pdf;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * The upload does not start like a PDF, whatever its name says.
 */
public final class NotAPdf extends DocumentRejected {

	public static final String CODE = "NOT_A_PDF";

	public NotAPdf() {
		super(new ImportProblem(CODE, "Not a PDF",
				"This file is not a PDF document, so please save or export it as a PDF and upload it again."));
	}

}
