package org.parley.domain.discussion;

/** Names are fixed by the HTTP API. */
public enum DiscussionStatus {

	DRAFT, OPEN, CLOSED

}
