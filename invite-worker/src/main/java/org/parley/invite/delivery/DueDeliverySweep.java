package org.parley.invite.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.messaging.SendInvitation;
import org.parley.domain.outbox.Outbox;
import org.parley.invite.mail.DeliveryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-drives the ledger: rows whose retry is due, and rows whose message got lost, get a
 * new SendInvitation through the outbox; rows a dead worker held are re-queued as
 * ambiguous; rows too old fail. Each re-drive is a conditional update, so several workers
 * sweeping at once send one message per due row.
 */
@Component
class DueDeliverySweep {

	private static final Logger log = LoggerFactory.getLogger(DueDeliverySweep.class);

	private static final int PAGE = 500;

	private final DeliveryRepository deliveries;

	private final Outbox outbox;

	private final BatchProgress progress;

	private final DeliveryMetrics metrics;

	private final DeliverySettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DueDeliverySweep(DeliveryRepository deliveries, Outbox outbox, BatchProgress progress, DeliveryMetrics metrics,
			DeliverySettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.deliveries = deliveries;
		this.outbox = outbox;
		this.progress = progress;
		this.metrics = metrics;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.invitation.delivery.sweep-interval:1s}")
	void sweep() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (UUID batchId : this.deliveries.releaseAbandoned(now)) {
			log.warn("Invitations of batch {} were held by a worker that stopped while sending; re-queued as ambiguous",
					batchId);
			this.progress.changed(batchId);
		}
		if (this.settings.ledgerQueue()) {
			// The consumers take due rows, retries and lost reservations alike,
			// themselves.
			return;
		}
		List<Delivery> due = this.deliveries.findDue(now, PAGE);
		if (due.isEmpty()) {
			return;
		}
		this.transaction.executeWithoutResult(status -> {
			for (Delivery delivery : due) {
				if (delivery.createdAt().plus(this.settings.maxAge()).isBefore(now)) {
					String last = (delivery.reason() != null) ? " Last answer: " + delivery.reason() : "";
					this.deliveries.markFailed(delivery.id(), delivery.smtpCode(),
							"Not delivered within " + this.settings.maxAge().toHours() + " hours." + last, now);
					this.metrics.failed(DeliveryMetrics.Kind.INVITATION);
				}
				else if (this.deliveries.redrive(delivery.id(), now, now.plus(this.settings.redriveAfter()))) {
					this.outbox.send(new SendInvitation(UUID.randomUUID(), delivery.id()));
				}
				this.progress.changed(delivery.batchId());
			}
		});
	}

}
