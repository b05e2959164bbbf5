package org.parley.ingest.archive;

/** An archive inflates past one of {@link InflatedArchive}'s budgets. */
public final class ArchiveTooLarge extends RuntimeException {

	ArchiveTooLarge(String where) {
		super("Archive inflates past its budget at " + where);
	}

}
