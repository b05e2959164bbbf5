package org.parley.web.invitation;

import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InviteeList;
import org.parley.domain.invitation.InviteeListRejected;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.messaging.InvitationsRequested;
import org.parley.domain.outbox.Outbox;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts an invitation list: stores the batch with the list as given and writes the
 * InvitationsRequested message to the outbox, in one transaction. Cleaning and sending
 * happen in the invite-worker; the web only counts the entries, so that the total is
 * known at once.
 */
@Service
public class Invitations {

	private final DiscussionRepository discussions;

	private final InvitationBatchRepository batches;

	private final DeliveryRepository deliveries;

	private final SuppressionRepository suppressions;

	private final Outbox outbox;

	private final InvitationSettings settings;

	private final Clock clock;

	Invitations(DiscussionRepository discussions, InvitationBatchRepository batches, DeliveryRepository deliveries,
			SuppressionRepository suppressions, Outbox outbox, InvitationSettings settings, Clock clock) {
		this.discussions = discussions;
		this.batches = batches;
		this.deliveries = deliveries;
		this.suppressions = suppressions;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public InvitationBatchView invite(UUID discussionId, UUID organiserId, String list, String sourceName,
			String message) {
		if (!this.discussions.isOrganisedBy(discussionId, organiserId)) {
			throw ProblemException.notFound();
		}
		if (this.discussions.findById(discussionId).filter(Discussion::isPublished).isEmpty()) {
			// Its link would lead invitees to a page they may not see yet.
			throw new ProblemException(HttpStatus.CONFLICT, "DISCUSSION_NOT_PUBLISHED", "Not published yet",
					"This discussion is still a draft. Please publish it first, then send the invitations.");
		}
		int entries = countEntries(list);
		if (entries == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "EMPTY_LIST", "No invitees",
					"The list holds no addresses. Please paste addresses or upload a CSV file with one address per line.");
		}
		if (entries > this.settings.maxEntries()) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_INVITEES", "Too many invitees",
					"Parley takes up to " + this.settings.maxEntries()
							+ " invitees at a time. Please split the list and send it in parts.",
					this.settings.maxEntries());
		}
		String cleanMessage = (message == null || message.isBlank()) ? null : message.strip();
		if (cleanMessage != null && cleanMessage.length() > 4000) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "MESSAGE_TOO_LONG", "Message too long",
					"The personal message is too long. Please keep it under 4000 characters.");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		InvitationBatch batch = InvitationBatch.requested(discussionId, organiserId, cleanMessage, sourceName, entries,
				now);
		this.batches.add(batch, list);
		this.outbox.send(new InvitationsRequested(UUID.randomUUID(), batch.id(), now));
		return InvitationBatchView.of(batch, this.batches.counts(batch));
	}

	private static int countEntries(String list) {
		try {
			return InviteeList.countEntries(new StringReader(list));
		}
		catch (InviteeListRejected ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, ex.code(), ex.title(), ex.detail());
		}
	}

	/**
	 * Invites one invitee of a batch again: a new one-line batch with the same personal
	 * message, stored and announced like any other, so the fan-out checks the suppression
	 * list again and the ledger and the outbox keep it from being lost or sent twice.
	 * Resending to a revoked invitee invites them anew.
	 */
	@Transactional
	public InvitationBatchView resend(UUID batchId, UUID deliveryId, UUID organiserId) {
		InvitationBatch batch = find(batchId, organiserId).orElseThrow(ProblemException::notFound);
		Delivery delivery = invitation(batch, deliveryId, "resend");
		if (delivery.status() == DeliveryStatus.SUPPRESSED || this.suppressions.isSuppressed(delivery.emailKey())) {
			throw new ProblemException(HttpStatus.CONFLICT, "SUPPRESSED", "Address suppressed",
					"This address unsubscribed or its mail bounced, so Parley does not mail it again.");
		}
		if (!delivery.status().isFinal()) {
			throw new ProblemException(HttpStatus.CONFLICT, "STILL_SENDING", "Still being sent",
					"This invitation is still on its way. Please wait until it is sent or has failed.");
		}
		return invite(batch.discussionId(), organiserId, InviteeList.of(delivery.email(), delivery.name()),
				"resent to line " + delivery.line() + " of " + batch.id(), batch.message());
	}

	/**
	 * Withdraws the invitee's invitations to the discussion: their personal links stop
	 * working and a private discussion closes to them; one not yet sent is not sent.
	 */
	@Transactional
	public RecipientView revoke(UUID batchId, UUID deliveryId, UUID organiserId) {
		InvitationBatch batch = find(batchId, organiserId).orElseThrow(ProblemException::notFound);
		Delivery delivery = invitation(batch, deliveryId, "revoke");
		this.deliveries.revoke(batch.discussionId(), delivery.emailKey(), OffsetDateTime.now(this.clock));
		return RecipientView.of(this.deliveries.findById(deliveryId).orElseThrow());
	}

	/**
	 * The batch's entry, if it is an invitation: an invalid or repeated line has nothing
	 * to {@code act} on.
	 */
	private Delivery invitation(InvitationBatch batch, UUID deliveryId, String act) {
		Delivery delivery = recipient(batch, deliveryId);
		if (!delivery.isInvitation()) {
			throw new ProblemException(HttpStatus.CONFLICT, "NOT_AN_INVITATION", "Not an invitation",
					"This entry of the list was invalid or repeated, so there is nothing to " + act + ".");
		}
		return delivery;
	}

	private Delivery recipient(InvitationBatch batch, UUID deliveryId) {
		return this.deliveries.findById(deliveryId)
			.filter(d -> d.batchId().equals(batch.id()))
			.orElseThrow(ProblemException::notFound);
	}

	/**
	 * The batch, if the organiser organises its discussion. Anyone else learns nothing.
	 */
	public Optional<InvitationBatch> find(UUID batchId, UUID organiserId) {
		return this.batches.findById(batchId)
			.filter(b -> this.discussions.isOrganisedBy(b.discussionId(), organiserId));
	}

	public Optional<InvitationBatchView> view(UUID batchId) {
		return this.batches.findById(batchId).map(b -> InvitationBatchView.of(b, this.batches.counts(b)));
	}

}
