package org.parley.invite.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.invitation.SuppressionReason;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.notification.CommentContext;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.Notification;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.invite.delivery.Backoff;
import org.parley.invite.delivery.DeliveryMetrics;
import org.parley.invite.delivery.SmtpConnections;
import org.parley.invite.delivery.SmtpFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Sends one notification mail, if this call wins its claim. Just before sending it checks
 * that the recipient still wants it, so an unsubscribe stops even mails already queued. A
 * temporary refusal schedules a retry with backoff; a permanent one fails the mail and,
 * for a refused address, suppresses it.
 * <p>
 * Notifications have SMTP connections of their own and do not take the invitations' send
 * permits: a campaign draining at its rate limit holds every permit and keeps every
 * invitation connection busy, and a reply must not wait behind it. Their volume follows
 * participation, not campaigns.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final NotificationRepository notifications;

	private final NotificationPreferenceRepository preferences;

	private final ParticipantRepository participants;

	private final SuppressionRepository suppressions;

	private final NotificationMailer mailer;

	private final SmtpConnections connections;

	private final DeliveryMetrics metrics;

	private final NotificationSettings settings;

	private final Clock clock;

	NotificationSender(NotificationRepository notifications, NotificationPreferenceRepository preferences,
			ParticipantRepository participants, SuppressionRepository suppressions, NotificationMailer mailer,
			@Qualifier(NotificationMailConfiguration.CONNECTIONS) SmtpConnections connections, DeliveryMetrics metrics,
			NotificationSettings settings, Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.participants = participants;
		this.suppressions = suppressions;
		this.mailer = mailer;
		this.connections = connections;
		this.metrics = metrics;
		this.settings = settings;
		this.clock = clock;
	}

	/** The first send of a new mail, by the consumer of its event. */
	void sendFresh(UUID mailId) {
		OffsetDateTime now = now();
		if (this.notifications.claimFresh(mailId, now.plus(this.settings.lease()))) {
			deliver(mailId);
		}
	}

	/** A due retry, or a mail that its consumer or a dead worker left unsent. */
	void sendDue(UUID mailId) {
		OffsetDateTime now = now();
		if (this.notifications.claimDue(mailId, now, now.plus(this.settings.lease()))) {
			deliver(mailId);
		}
	}

	private void deliver(UUID mailId) {
		NotificationMail mail = this.notifications.findMail(mailId).orElseThrow();
		Participant recipient = this.participants.findById(mail.recipientId()).orElseThrow();
		if (this.preferences.effective(mail.recipientId(), mail.discussionId()) == NotificationFrequency.NONE) {
			this.notifications.cancel(mailId, "The recipient stopped these notifications", now());
			log.info("Notification mail {} cancelled: the recipient unsubscribed", mailId);
			return;
		}
		if (this.suppressions.bouncedHard(recipient.email())) {
			this.notifications.cancel(mailId, "The address bounced before", now());
			return;
		}
		List<Notification> rows = this.notifications.findByMail(mailId);
		List<CommentContext> comments = new ArrayList<>();
		List<NotificationCause> causes = new ArrayList<>();
		for (Notification row : rows) {
			this.notifications.describe(row.commentId()).ifPresent(c -> {
				comments.add(c);
				causes.add(row.cause());
			});
		}
		if (comments.isEmpty()) {
			this.notifications.cancel(mailId, "Nothing left to tell", now());
			return;
		}
		MimeMessage message;
		InternetAddress to;
		try {
			message = (mail.kind() == MailKind.DIGEST)
					? this.mailer.digest(this.connections.session(), mail, recipient, comments, causes) : this.mailer
						.immediate(this.connections.session(), mail, recipient, causes.get(0), comments.get(0));
			to = new InternetAddress(recipient.email(), true);
		}
		catch (MessagingException ex) {
			this.notifications.markFailed(mailId, null, "Not a mailable address or message: " + ex.getMessage(), now());
			this.metrics.failed(DeliveryMetrics.Kind.NOTIFICATION);
			log.warn("Notification mail {} could not be composed: {}", mailId, ex.getMessage());
			return;
		}
		try {
			this.connections.send(message, to);
			this.notifications.markSent(mailId, now());
			this.metrics.sent(DeliveryMetrics.Kind.NOTIFICATION);
		}
		catch (MessagingException ex) {
			refused(mail, recipient, SmtpFailure.of(ex));
		}
	}

	private void refused(NotificationMail mail, Participant recipient, SmtpFailure failure) {
		OffsetDateTime now = now();
		if (failure.isPermanent()) {
			// The suppression first, as for invitations: a failed mail's address is
			// already suppressed.
			if (failure.recipientRefused()) {
				this.suppressions.suppress(recipient.email(), SuppressionReason.HARD_BOUNCE, failure.text(), now);
			}
			this.notifications.markFailed(mail.id(), failure.code(), failure.text(), now);
			this.metrics.failed(DeliveryMetrics.Kind.NOTIFICATION);
			log.info("Notification mail {} refused for good: {}", mail.id(), failure.text());
			return;
		}
		int attempts = mail.attempts() + 1;
		Duration wait = backoff(attempts);
		if (mail.createdAt().plus(this.settings.maxAge()).isBefore(now.plus(wait))) {
			this.notifications.markFailed(mail.id(), failure.code(),
					"Not accepted after " + attempts + " attempts: " + failure.text(), now);
			this.metrics.failed(DeliveryMetrics.Kind.NOTIFICATION);
			log.info("Notification mail {} given up after {} attempts: {}", mail.id(), attempts, failure.text());
			return;
		}
		this.notifications.markRetry(mail.id(), failure.code(), "Temporarily refused: " + failure.text(),
				now.plus(wait));
		this.metrics.retried(DeliveryMetrics.Kind.NOTIFICATION);
		log.info("Notification mail {} temporarily refused (attempt {}), retrying in {}: {}", mail.id(), attempts, wait,
				failure.text());
	}

	/**
	 * Doubles from the first wait with every attempt, capped, with the upper half
	 * jittered.
	 */
	private Duration backoff(int attempts) {
		return Backoff.after(attempts, this.settings.firstRetryAfter(), this.settings.maxRetryAfter());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
