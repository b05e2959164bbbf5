package org.parley.ingest.revision;

/** What happened to a section or paragraph between two versions. */
public enum MatchKind {

	/** The same words in the same place. */
	UNCHANGED,
	/** The same place, with words changed. */
	EDITED,
	/** The same words, or nearly, in another place. */
	MOVED,
	/** One old unit became several consecutive new ones. */
	SPLIT,
	/** Several consecutive old units became one new one. */
	MERGED,
	/** An old unit with nothing in the new version. */
	REMOVED,
	/** A new unit with nothing in the old version. */
	NEW

}
