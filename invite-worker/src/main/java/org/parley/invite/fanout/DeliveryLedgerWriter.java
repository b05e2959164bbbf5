package org.parley.invite.fanout;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.database.PlannerStatistics;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.EmailAddress;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.messaging.SendInvitation;
import org.parley.domain.outbox.Outbox;
import org.parley.invite.delivery.BatchProgress;
import org.parley.invite.delivery.DeliverySettings;
import org.parley.invite.delivery.LedgerQueue;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes one chunk of entries to the ledger: each one invalid (with the reason), a
 * duplicate of an earlier entry, suppressed, or queued with its SendInvitation message in
 * the outbox. Everything joins the chunk's transaction. Duplicates are found against the
 * rows of committed chunks and within the chunk, so the outcome is the same however often
 * the job restarts.
 */
class DeliveryLedgerWriter implements ItemWriter<Invitee> {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UUID batchId;

	private final DeliveryRepository deliveries;

	private final SuppressionRepository suppressions;

	private final InvitationBatchRepository batches;

	private final Outbox outbox;

	private final LedgerQueue queue;

	private final BatchProgress progress;

	private final DeliverySettings delivery;

	private final PlannerStatistics statistics;

	private final Clock clock;

	DeliveryLedgerWriter(UUID batchId, DeliveryRepository deliveries, SuppressionRepository suppressions,
			InvitationBatchRepository batches, Outbox outbox, LedgerQueue queue, BatchProgress progress,
			DeliverySettings delivery, PlannerStatistics statistics, Clock clock) {
		this.batchId = batchId;
		this.deliveries = deliveries;
		this.suppressions = suppressions;
		this.batches = batches;
		this.outbox = outbox;
		this.queue = queue;
		this.progress = progress;
		this.delivery = delivery;
		this.statistics = statistics;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends Invitee> chunk) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<Checked> entries = new ArrayList<>(chunk.size());
		Set<String> validKeys = new HashSet<>();
		for (Invitee invitee : chunk) {
			Checked entry = new Checked(invitee, EmailAddress.problem(invitee.email()),
					EmailAddress.key(invitee.email()));
			entries.add(entry);
			if (entry.problem().isEmpty()) {
				validKeys.add(entry.key());
			}
		}
		Set<String> suppressed = this.suppressions.suppressedAmong(validKeys);
		Set<String> seen = new HashSet<>();
		List<Delivery> others = new ArrayList<>();
		List<Delivery> invitations = new ArrayList<>(chunk.size());
		for (Checked entry : entries) {
			Invitee invitee = entry.invitee();
			String key = entry.key();
			UUID id = UUID.randomUUID();
			if (entry.problem().isPresent()) {
				others.add(row(id, invitee, key, DeliveryStatus.INVALID, entry.problem().get(), null, null, now));
			}
			else if (!seen.add(key)) {
				others.add(duplicate(id, invitee, key, now));
			}
			else if (suppressed.contains(key)) {
				invitations.add(row(id, invitee, key, DeliveryStatus.SUPPRESSED,
						"Unsubscribed, or mail to this address bounced before", null, null, now));
			}
			else {
				invitations
					.add(row(id, invitee, key, DeliveryStatus.QUEUED, null, token(), dueAgain(invitee, now), now));
			}
		}
		// An address an earlier chunk holds already is a duplicate too: the ledger's
		// unique index says so.
		Set<UUID> earlier = new HashSet<>();
		for (Delivery taken : this.deliveries.addUnlessInvited(invitations)) {
			earlier.add(taken.id());
			others.add(duplicate(taken.id(), new Invitee(taken.line(), taken.email(), taken.name()), taken.emailKey(),
					now));
		}
		this.deliveries.addAll(others);
		if (this.delivery.ledgerQueue()) {
			// The rows are the queue: due now, and the consumers are told once this
			// commits.
			this.queue.nudgeAfterCommit();
		}
		else {
			List<SendInvitation> messages = new ArrayList<>();
			for (Delivery invitation : invitations) {
				if (invitation.status() == DeliveryStatus.QUEUED && !earlier.contains(invitation.id())) {
					messages.add(new SendInvitation(UUID.randomUUID(), invitation.id()));
				}
			}
			this.outbox.sendAll(messages);
		}
		this.batches.touch(this.batchId, now);
		this.progress.changed(this.batchId);
		// The tables grow faster than any plan made when they were small can serve.
		this.statistics.refresh("invitation_delivery", "outbox_message");
	}

	private Delivery duplicate(UUID id, Invitee invitee, String key, OffsetDateTime now) {
		return row(id, invitee, key, DeliveryStatus.DUPLICATE, "Already earlier in the list", null, null, now);
	}

	/**
	 * When the row is re-driven should its message get lost: after the re-drive time plus
	 * the time the sending rate needs to reach it, so that a long, rate-limited queue is
	 * not re-driven while its messages still wait.
	 */
	private OffsetDateTime dueAgain(Invitee invitee, OffsetDateTime now) {
		if (this.delivery.ledgerQueue()) {
			return now;
		}
		Duration wait = this.delivery.redriveAfter();
		if (this.delivery.ratePerSecond() > 0) {
			wait = wait.plusSeconds(invitee.line() / this.delivery.ratePerSecond());
		}
		return now.plus(wait);
	}

	private Delivery row(UUID id, Invitee invitee, String key, DeliveryStatus status, String reason, String token,
			OffsetDateTime nextAttemptAt, OffsetDateTime now) {
		return new Delivery(id, this.batchId, invitee.line(), invitee.email(), key, invitee.name(), status, reason,
				null, 0, nextAttemptAt, false, null, token, now, null, null);
	}

	/**
	 * An entry of the list, with what is wrong with its address if anything, and the
	 * address's key.
	 */
	private record Checked(Invitee invitee, Optional<String> problem, String key) {
	}

	private static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
