package org.parley.ingest.structure;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/** The document's outline is larger than a discussion can hold and show. */
public final class OutlineTooLarge extends DocumentRejected {

	public static final String CODE = "OUTLINE_TOO_LARGE";

	public OutlineTooLarge(String found, String limit) {
		super(new ImportProblem(CODE, "Document too large to discuss", "This document has " + found
				+ ", more than Parley shows in one discussion (at most " + limit
				+ "). Please split it into smaller documents, or check that its headings are marked as headings."));
	}

}
