package org.parley.invite.reply;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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
 * Sends one notification mail, if this call wins its claim. Just before sending it checks
 * that the recipient still wants it, so an unsubscribe stops even mails already queued.
 * What the relay refuses follows the one refusal policy ({@link Courier}): a retry waits
 * in the mail's row, a permanent refusal fails it and suppresses a refused address.
 * <p>
 * Notifications go in the interactive lane: SMTP connections of their own and a reserved
 * share of the rate, so a campaign draining at its limit never holds up a reply.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final NotificationRepository notifications;

	private final NotificationPreferenceRepository preferences;

	private final ParticipantRepository participants;

	private final SuppressionRepository suppressions;

	private final NotificationMailer mailer;

	private final Courier courier;

	private final RevisionNoticeMailer revisionMailer;

	private final MailLanguages languages;

	private final NotificationSettings settings;

	private final Retries retries;

	private final Clock clock;

	NotificationSender(NotificationRepository notifications, NotificationPreferenceRepository preferences,
			ParticipantRepository participants, SuppressionRepository suppressions, NotificationMailer mailer,
			Courier courier, MailLanguages languages, NotificationSettings settings,
			RevisionNoticeMailer revisionMailer, Clock clock) {
		this.revisionMailer = revisionMailer;
		this.notifications = notifications;
		this.preferences = preferences;
		this.participants = participants;
		this.suppressions = suppressions;
		this.mailer = mailer;
		this.courier = courier;
		this.languages = languages;
		this.settings = settings;
		this.retries = new Retries(settings.firstRetryAfter(), settings.maxRetryAfter(), settings.maxAge());
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
		try (MDC.MDCCloseable id = MDC.putCloseable("mailId", mailId.toString())) {
			OffsetDateTime now = now();
			if (this.notifications.claimDue(mailId, now, now.plus(this.settings.lease()))) {
				deliver(mailId);
			}
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
		Locale language = this.languages.choose(this.languages.ofParticipant(recipient.id()),
				this.languages.ofDiscussion(mail.discussionId()));
		MimeMessage message;
		InternetAddress to;
		try {
			Optional<MimeMessage> composed = (mail.kind() == MailKind.REVISION) ? this.revisionMailer
				.compose(this.courier.session(MailPriority.INTERACTIVE), mail, recipient, language)
					: composed(mail, recipient, language);
			if (composed.isEmpty()) {
				this.notifications.cancel(mailId, "Nothing left to tell", now());
				return;
			}
			message = composed.get();
			to = new InternetAddress(recipient.email(), true);
		}
		catch (MessagingException ex) {
			this.notifications.markFailed(mailId, null, "Not a mailable address or message: " + ex.getMessage(), now());
			log.warn("Notification mail {} could not be composed: {}", mailId, ex.getMessage());
			return;
		}
		send(mail, recipient, message, to);
	}

	/** A notification about comments, or empty when none of them is left to tell of. */
	private Optional<MimeMessage> composed(NotificationMail mail, Participant recipient, Locale language)
			throws MessagingException {
		UUID mailId = mail.id();
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
			return Optional.empty();
		}
		boolean several = mail.kind() == MailKind.DIGEST || comments.size() > 1;
		return Optional.of(several
				? this.mailer.digest(this.courier.session(MailPriority.INTERACTIVE), mail, recipient, comments,
						mail.kind() != MailKind.DIGEST, causes, language)
				: this.mailer.immediate(this.courier.session(MailPriority.INTERACTIVE), mail, recipient, causes.get(0),
						comments.get(0), language));
	}

	private void send(NotificationMail mail, Participant recipient, MimeMessage message, InternetAddress to) {
		UUID mailId = mail.id();
		try {
			this.courier.awaitPermit(MailPriority.INTERACTIVE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Shutting down: the sweep sends it once its lease is over.
			return;
		}
		Parcel parcel = new Parcel(DeliveryMetrics.Kind.NOTIFICATION, MailPriority.INTERACTIVE, "Notification mail",
				mailId, recipient.email(), mail.attempts(), mail.createdAt(), this.retries, log);
		if (this.courier.send(parcel, message, to, new MailLedger() {
			@Override
			public void retry(Refusal.Retry retry) {
				NotificationSender.this.notifications.markRetry(mailId, retry.code(), retry.reason(), retry.at());
			}

			@Override
			public void failed(Refusal.Failed failed) {
				NotificationSender.this.notifications.markFailed(mailId, failed.code(), failed.reason(), now());
			}
		})) {
			this.notifications.markSent(mailId, now());
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
