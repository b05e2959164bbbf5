package org.parley.domain.participation;

/**
 * Whether a comment shows: published, held for an organiser's approval, or hidden by one.
 */
public enum CommentState {

	PUBLISHED, PENDING, HIDDEN

}
