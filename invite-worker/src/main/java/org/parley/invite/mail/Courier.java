package org.parley.invite.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.invitation.SuppressionReason;
import org.parley.domain.invitation.SuppressionRepository;
import org.slf4j.Logger;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands a composed mail to the relay in its lane and applies the one {@link Refusal}
 * policy to what the relay refused: the suppression first (whoever sees the mail failed
 * also finds its address suppressed), then the kind's own {@link MailLedger}, the metrics
 * and the log line, written by the kind's own logger with its id in the MDC.
 */
@Component
public class Courier {

	private final Map<MailPriority, Lane> lanes = new EnumMap<>(MailPriority.class);

	private final SuppressionRepository suppressions;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	Courier(SmtpConnections campaignConnections,
			@Qualifier(MailConfiguration.INTERACTIVE) SmtpConnections interactiveConnections,
			SendPermits campaignPermits, @Qualifier(MailConfiguration.INTERACTIVE) SendPermits interactivePermits,
			SuppressionRepository suppressions, DeliveryMetrics metrics, Clock clock) {
		this.lanes.put(MailPriority.CAMPAIGN, new Lane(campaignConnections, campaignPermits));
		this.lanes.put(MailPriority.INTERACTIVE, new Lane(interactiveConnections, interactivePermits));
		this.suppressions = suppressions;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The session messages of this lane are made in. */
	public Session session(MailPriority priority) {
		return this.lanes.get(priority).connections().session();
	}

	/** Takes a permit of the lane's share of the rate if one is free now. */
	public boolean tryPermit(MailPriority priority) {
		return this.lanes.get(priority).permits().tryAcquire();
	}

	/** Waits for a permit of the lane's share of the rate. */
	public void awaitPermit(MailPriority priority) throws InterruptedException {
		this.lanes.get(priority).permits().acquire();
	}

	/**
	 * Sends one mail. On a refusal, records its outcome by the policy and returns false.
	 * @return whether the relay accepted it; the caller records that in its ledger
	 */
	public boolean send(Parcel parcel, MimeMessage message, InternetAddress recipient, MailLedger ledger) {
		try {
			this.lanes.get(parcel.priority()).connections().send(message, recipient);
			this.metrics.sent(parcel.kind());
			return true;
		}
		catch (MessagingException ex) {
			refused(parcel, SmtpFailure.of(ex), ledger);
			return false;
		}
	}

	private void refused(Parcel parcel, SmtpFailure failure, MailLedger ledger) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Refusal refusal = Refusal.of(failure, parcel.attempts(), parcel.createdAt(), parcel.retries(), now);
		Logger log = parcel.log();
		if (refusal instanceof Refusal.Failed failed) {
			if (failed.suppress()) {
				this.suppressions.suppress(parcel.address(), SuppressionReason.HARD_BOUNCE, failure.text(), now);
			}
			ledger.failed(failed);
			this.metrics.failed(parcel.kind());
			if (failed.givenUp()) {
				log.info("{} {} given up after {} attempts: {}", parcel.what(), parcel.id(), parcel.attempts() + 1,
						failure.text());
			}
			else {
				log.info("{} {} refused for good: {}", parcel.what(), parcel.id(), failure.text());
			}
		}
		else if (refusal instanceof Refusal.Retry retry) {
			ledger.retry(retry);
			this.metrics.retried(parcel.kind());
			if (retry.ambiguous()) {
				log.warn("{} {} may have been accepted before the connection was lost; sending again, flagged"
						+ " ambiguous", parcel.what(), parcel.id());
			}
			else {
				log.info("{} {} temporarily refused (attempt {}), retrying in {}: {}", parcel.what(), parcel.id(),
						retry.attempts(), retry.delay(), failure.text());
			}
		}
	}

	private record Lane(SmtpConnections connections, SendPermits permits) {
	}

}
