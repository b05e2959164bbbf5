package org.parley.domain.messaging;

import java.util.UUID;

/**
 * A message for a work queue: it names its own queue, so that publishing it is one call,
 * {@code Outbox.send(message)}. It goes to {@link Topology#WORK_EXCHANGE} under the
 * queue's name, to which each work queue is bound.
 */
public interface WorkMessage {

	/** The id consumers deduplicate on. */
	UUID messageId();

	/** The work queue it is for, one of {@link Topology#WORK_QUEUES}. */
	String queue();

}
