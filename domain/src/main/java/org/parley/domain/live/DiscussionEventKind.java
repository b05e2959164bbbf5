package org.parley.domain.live;

/** What changed in a discussion. */
public enum DiscussionEventKind {

	/**
	 * A comment or reply was posted: shown if it is published, and its section counted.
	 */
	COMMENT_POSTED,

	/** A comment's votes changed. */
	COMMENT_VOTED,

	/** An organiser approved a held comment or showed a hidden one again. */
	COMMENT_SHOWN,

	/** An organiser hid a comment. */
	COMMENT_HIDDEN,

	/** A section's votes changed. */
	SECTION_VOTED,

	/** The discussion's settings or status changed. */
	DISCUSSION_CHANGED

}
