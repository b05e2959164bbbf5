package org.parley.web.revision;

import java.util.UUID;

import org.parley.domain.discussion.RevisionRepository;
import org.parley.domain.messaging.RevisionPublished;
import org.parley.domain.messaging.Topology;
import org.parley.domain.outbox.Outbox;
import org.parley.web.system.OutboxSchedule;

import org.springframework.stereotype.Component;

/**
 * Announces a published revision to the invite-worker, through the outbox in the
 * publication's transaction: the worker mails followers and commenters what changed.
 */
@Component
class RevisionNotices {

	private final Outbox outbox;

	private final OutboxSchedule relay;

	RevisionNotices(Outbox outbox, OutboxSchedule relay) {
		this.outbox = outbox;
		this.relay = relay;
	}

	void published(UUID discussionId, RevisionRepository.Published published) {
		UUID messageId = UUID.randomUUID();
		this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.REVISION_PUBLISHED,
				new RevisionPublished(messageId, discussionId, published.revision()));
		this.relay.relayAfterCommit();
	}

}
