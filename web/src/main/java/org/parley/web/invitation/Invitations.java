package org.parley.web.invitation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InviteeList;
import org.parley.domain.messaging.InvitationsRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.outbox.Outbox;
import org.parley.web.system.OutboxSchedule;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts an invitation list: stores the batch with the list as given and writes the
 * InvitationsRequested message to the outbox, in one transaction. Cleaning and sending happen in
 * the invite-worker; the web only counts the entries, so that the total is known at once.
 */
@Service
public class Invitations {

	private final DiscussionRepository discussions;

	private final InvitationBatchRepository batches;

	private final Outbox outbox;

	private final OutboxSchedule relay;

	private final InvitationSettings settings;

	private final Clock clock;

	Invitations(DiscussionRepository discussions, InvitationBatchRepository batches, Outbox outbox,
			OutboxSchedule relay, InvitationSettings settings, Clock clock) {
		this.discussions = discussions;
		this.batches = batches;
		this.outbox = outbox;
		this.relay = relay;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public InvitationBatchView invite(UUID discussionId, UUID organiserId, String list, String sourceName,
			String message) {
		if (!this.discussions.isOrganisedBy(discussionId, organiserId)) {
			throw ProblemException.notFound();
		}
		int entries = InviteeList.parse(list).size();
		if (entries == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "EMPTY_LIST", "No invitees",
					"The list holds no addresses. Please paste addresses or upload a CSV file with one address per line.");
		}
		if (entries > this.settings.maxEntries()) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_INVITEES", "Too many invitees",
					"Parley takes up to " + this.settings.maxEntries()
							+ " invitees at a time. Please split the list and send it in parts.");
		}
		String cleanMessage = (message == null || message.isBlank()) ? null : message.strip();
		if (cleanMessage != null && cleanMessage.length() > 4000) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "MESSAGE_TOO_LONG", "Message too long",
					"The personal message is too long. Please keep it under 4000 characters.");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		InvitationBatch batch = InvitationBatch.requested(discussionId, organiserId, cleanMessage, sourceName,
				entries, now);
		this.batches.add(batch, list);
		UUID messageId = UUID.randomUUID();
		this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.INVITATIONS_REQUESTED,
				new InvitationsRequested(messageId, batch.id(), now));
		this.relay.relayAfterCommit();
		return InvitationBatchView.of(batch, this.batches.counts(batch));
	}

	/** The batch, if the organiser organises its discussion. Anyone else learns nothing. */
	public Optional<InvitationBatch> find(UUID batchId, UUID organiserId) {
		return this.batches.findById(batchId)
			.filter(b -> this.discussions.isOrganisedBy(b.discussionId(), organiserId));
	}

	public Optional<InvitationBatchView> view(UUID batchId) {
		return this.batches.findById(batchId).map(b -> InvitationBatchView.of(b, this.batches.counts(b)));
	}

}
