package org.parley.domain.discussion;

/**
 * Where a revision of the document stands: a re-import under review, the one participants
 * read, or one a later revision replaced.
 */
public enum RevisionState {

	DRAFT, PUBLISHED, SUPERSEDED

}
