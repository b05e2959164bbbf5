package org.parley.invite.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.SentMessage;
import org.parley.invite.mail.Courier;
import org.parley.invite.mail.DeliveryMetrics;
import org.parley.invite.mail.MailLanguages;
import org.parley.invite.mail.MailLedger;
import org.parley.invite.mail.MailPriority;
import org.parley.invite.mail.Parcel;
import org.parley.invite.mail.Refusal;
import org.parley.invite.mail.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Sends the invitations of a batch of messages, row after row over one pooled SMTP
 * connection at a time. A row is claimed by a conditional update before its SMTP
 * transaction, so whatever the broker redelivers, a row is sent once. The send is
 * recorded in the same statement that claims the next row (one commit per invitee), or on
 * its own when the batch ends or the next row must wait for the rate. So at most one row
 * per consumer is ever claimed with its outcome unrecorded; only a crash then leaves it
 * held, and the sweep re-queues it as ambiguous.
 */
@Component
class InvitationSender {

	private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

	private static final Duration CAMPAIGN_TTL = Duration.ofSeconds(5);

	private static final int MAX_CAMPAIGNS = 256;

	private final Map<UUID, Campaign> campaigns = new ConcurrentHashMap<>();

	private final DeliveryRepository deliveries;

	private final InvitationBatchRepository batches;

	private final DiscussionRepository discussions;

	private final InvitationMailer mailer;

	private final Courier courier;

	private final MailLanguages languages;

	private final BatchProgress progress;

	private final DeliveryMetrics metrics;

	private final DeliverySettings settings;

	private final Retries retries;

	private final Clock clock;

	InvitationSender(DeliveryRepository deliveries, InvitationBatchRepository batches, DiscussionRepository discussions,
			InvitationMailer mailer, Courier courier, MailLanguages languages, BatchProgress progress,
			DeliveryMetrics metrics, DeliverySettings settings, Clock clock) {
		this.deliveries = deliveries;
		this.batches = batches;
		this.discussions = discussions;
		this.mailer = mailer;
		this.courier = courier;
		this.languages = languages;
		this.progress = progress;
		this.metrics = metrics;
		this.settings = settings;
		this.retries = new Retries(settings.firstRetryAfter(), settings.maxRetryAfter(), settings.maxAge());
		this.clock = clock;
	}

	/**
	 * Sends the rows of these ids that are still queued, in this order; the others were
	 * sent, failed or revoked, or are held by another consumer. Returns once every send
	 * is recorded.
	 */
	void sendAll(List<UUID> deliveryIds) {
		Map<UUID, Delivery> rows = this.deliveries.findAllById(deliveryIds);
		Round round = new Round(this.languages.ofAddresses(rows.values()
			.stream()
			.filter((d) -> d.status() == DeliveryStatus.QUEUED)
			.map(Delivery::email)
			.toList()));
		try {
			for (UUID id : new LinkedHashSet<>(deliveryIds)) {
				Delivery delivery = rows.get(id);
				if (delivery == null) {
					log.warn("Invitation {} is not in the ledger; ignoring the message", id);
				}
				else if (delivery.status() != DeliveryStatus.QUEUED) {
					log.debug("Invitation {} is {}; ignoring a repeated message", id, delivery.status());
				}
				else {
					try (MDC.MDCCloseable mdc = MDC.putCloseable("deliveryId", id.toString())) {
						if (!send(round, delivery)) {
							// Shutting down: the rows left stay queued and the sweep
							// sends them later.
							return;
						}
					}
				}
			}
		}
		finally {
			recordLast(round);
			// The last send's SENT is committed only now: tell the pages once more.
			round.batches.forEach(this.progress::changed);
		}
	}

	/**
	 * @return false if interrupted while waiting for the rate
	 */
	private boolean send(Round round, Delivery delivery) {
		if (delivery.createdAt().plus(this.settings.maxAge()).isBefore(now())) {
			String last = (delivery.reason() != null) ? " Last answer: " + delivery.reason() : "";
			this.deliveries.markFailed(delivery.id(), delivery.smtpCode(),
					"Not delivered within " + this.settings.maxAge().toHours() + " hours." + last, now());
			this.metrics.failed(DeliveryMetrics.Kind.INVITATION);
			return true;
		}
		Campaign campaign = campaign(delivery.batchId());
		MimeMessage message;
		InternetAddress recipient;
		try {
			message = this.mailer.compose(this.courier.session(MailPriority.CAMPAIGN), delivery, campaign.batch(),
					campaign.discussion(),
					this.languages.choose(round.languages.get(delivery.email()), campaign.language()));
			recipient = new InternetAddress(delivery.email(), true);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Invitation " + delivery.id() + " could not be composed", ex);
		}
		if (!this.courier.tryPermit(MailPriority.CAMPAIGN)) {
			// Waiting for the rate: record the last send first, so that it is not held
			// meanwhile.
			recordLast(round);
			try {
				this.courier.awaitPermit(MailPriority.CAMPAIGN);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		OffsetDateTime claimedAt = now();
		boolean claimed = this.deliveries.recordAndClaim(round.unrecorded, delivery.id(), claimedAt,
				claimedAt.plus(this.settings.lease()));
		round.unrecorded = null;
		if (!claimed) {
			log.debug("Invitation {} was taken by another consumer", delivery.id());
			return true;
		}
		Parcel parcel = new Parcel(DeliveryMetrics.Kind.INVITATION, MailPriority.CAMPAIGN, "Invitation", delivery.id(),
				delivery.emailKey(), delivery.attempts(), delivery.createdAt(), this.retries, log);
		if (this.courier.send(parcel, message, recipient, ledgerOf(delivery))) {
			round.unrecorded = new SentMessage(delivery.id(), this.mailer.messageId(delivery), now());
		}
		this.progress.changed(delivery.batchId());
		round.batches.add(delivery.batchId());
		return true;
	}

	private void recordLast(Round round) {
		if (round.unrecorded != null) {
			this.deliveries.markSent(round.unrecorded);
			round.unrecorded = null;
		}
	}

	/**
	 * One consumer's run through a batch: the send it has not recorded yet, and the
	 * batches it sent for.
	 */
	private static final class Round {

		private SentMessage unrecorded;

		private final Set<UUID> batches = new HashSet<>();

		/** The languages the take's invitees chose as participants, by address. */
		private final Map<String, String> languages;

		Round(Map<String, String> languages) {
			this.languages = languages;
		}

	}

	/**
	 * The batch and its discussion, read once per batch every few seconds rather than
	 * twice per invitee: at hundreds of sends a second they were two of the five
	 * statements of a send. Only the discussion's title and dates come from them; an edit
	 * shows in mail within {@link #CAMPAIGN_TTL}.
	 */
	private Campaign campaign(UUID batchId) {
		long now = System.nanoTime();
		Campaign cached = this.campaigns.get(batchId);
		if (cached != null && now - cached.readAt() < CAMPAIGN_TTL.toNanos()) {
			return cached;
		}
		InvitationBatch batch = this.batches.findById(batchId).orElseThrow();
		Campaign fresh = new Campaign(batch, this.discussions.findById(batch.discussionId()).orElseThrow(),
				this.languages.ofDiscussion(batch.discussionId()), now);
		if (this.campaigns.size() >= MAX_CAMPAIGNS) {
			this.campaigns.clear();
		}
		this.campaigns.put(batchId, fresh);
		return fresh;
	}

	/**
	 * The ledger row of an invitation: a retry is queued again with its due time (flagged
	 * ambiguous when the server may have taken it), a failure is final.
	 */
	private MailLedger ledgerOf(Delivery delivery) {
		return new MailLedger() {
			@Override
			public void retry(Refusal.Retry retry) {
				InvitationSender.this.deliveries.markRetry(delivery.id(), retry.code(), retry.reason(), retry.at(),
						now(), retry.ambiguous());
			}

			@Override
			public void failed(Refusal.Failed failed) {
				InvitationSender.this.deliveries.markFailed(delivery.id(), failed.code(), failed.reason(), now());
			}
		};
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	private record Campaign(InvitationBatch batch, Discussion discussion, String language, long readAt) {
	}

}
