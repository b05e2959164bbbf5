package org.parley.domain.messaging;

import java.util.UUID;

/**
 * A comment was posted: a reply ({@code parentId} set), whose parent's author may want to
 * hear about it, or a new comment ({@code parentId} null), which only the discussion's
 * followers hear about.
 */
public record ReplyPosted(UUID messageId, UUID replyId, UUID parentId, UUID discussionId) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.REPLY_POSTED;
	}

}
