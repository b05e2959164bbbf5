package org.parley.domain.notification;

/**
 * Why a recipient hears about a comment; a reply to their own comment wins over a follow.
 * The organisers' answer tells the comment's author ({@link #RESPONSE}); a comment held
 * for approval ({@link #WAITING}) or flagged by a participant ({@link #FLAGGED}) tells
 * the discussion's organisers. A comment notifies a recipient once per cause, and once
 * for replies and follows together.
 */
public enum NotificationCause {

	REPLY, FOLLOW, RESPONSE, WAITING, FLAGGED;

	/** Whether it is about a new comment or reply (the causes of {@code ReplyPosted}). */
	public boolean aboutNewComment() {
		return this == REPLY || this == FOLLOW;
	}

}
