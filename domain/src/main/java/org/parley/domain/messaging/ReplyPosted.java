package org.parley.domain.messaging;

import java.util.UUID;

/** A reply was posted; the parent comment's author may want to hear about it. */
public record ReplyPosted(UUID messageId, UUID replyId, UUID parentId, UUID discussionId) {

}
