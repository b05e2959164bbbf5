package org.parley.web.revision;

import java.util.UUID;

import org.parley.domain.discussion.RevisionRepository;
import org.parley.domain.messaging.RevisionPublished;
import org.parley.domain.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Announces a published revision to the invite-worker, through the outbox in the
 * publication's transaction: the worker mails followers and commenters what changed.
 */
@Component
class RevisionNotices {

	private final Outbox outbox;

	RevisionNotices(Outbox outbox) {
		this.outbox = outbox;
	}

	void published(UUID discussionId, RevisionRepository.Published published) {
		this.outbox.send(new RevisionPublished(UUID.randomUUID(), discussionId, published.revision()));
	}

}
