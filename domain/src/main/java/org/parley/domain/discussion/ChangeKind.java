package org.parley.domain.discussion;

/**
 * What happened to a section or paragraph between a revision and the one before it; the
 * names of the ingest-worker's matcher and of the API.
 */
public enum ChangeKind {

	UNCHANGED, EDITED, MOVED, SPLIT, MERGED, REMOVED, NEW;

	/** Whether the old unit and the new one are the same text, in place or moved. */
	public boolean keepsIdentity() {
		return this == UNCHANGED || this == EDITED || this == MOVED;
	}

}
