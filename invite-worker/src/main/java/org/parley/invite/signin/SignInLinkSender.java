package org.parley.invite.signin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.EmailAddress;
import org.parley.domain.invitation.SuppressionReason;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.participation.SignInLink;
import org.parley.domain.participation.SignInLinkRepository;
import org.parley.invite.delivery.DeliveryMetrics;
import org.parley.invite.delivery.SendPermits;
import org.parley.invite.delivery.SmtpConnections;
import org.parley.invite.delivery.SmtpFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Mails one sign-in link. The link is marked mailed before the SMTP transaction, so a
 * redelivered request mails nothing (at most once: after a crash in between, the person
 * asks again). A temporary refusal unmarks it and throws, and the listener's retries (1
 * s, 2 s, 4 s) try again before the message is dead-lettered; a permanent one is logged
 * and the address suppressed.
 */
@Component
class SignInLinkSender {

	private static final Logger log = LoggerFactory.getLogger(SignInLinkSender.class);

	private final SignInLinkRepository links;

	private final DiscussionRepository discussions;

	private final SuppressionRepository suppressions;

	private final DeliveryRepository deliveries;

	private final OrganiserRepository organisers;

	private final SignInMailer mailer;

	private final SmtpConnections connections;

	private final SendPermits permits;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	SignInLinkSender(SignInLinkRepository links, DiscussionRepository discussions, SuppressionRepository suppressions,
			DeliveryRepository deliveries, OrganiserRepository organisers, SignInMailer mailer,
			SmtpConnections connections, SendPermits permits, DeliveryMetrics metrics, Clock clock) {
		this.links = links;
		this.discussions = discussions;
		this.suppressions = suppressions;
		this.deliveries = deliveries;
		this.organisers = organisers;
		this.mailer = mailer;
		this.connections = connections;
		this.permits = permits;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * A published public discussion, or a private one the address is invited to, or one
	 * it organises.
	 */
	private boolean mayRead(Discussion discussion, String email) {
		if (discussion.isPublished() && (discussion.privacy() == Privacy.PUBLIC
				|| this.deliveries.isInvited(discussion.id(), EmailAddress.key(email)))) {
			return true;
		}
		return this.organisers.findByEmail(email)
			.map(o -> this.discussions.isOrganisedBy(discussion.id(), o.id()))
			.orElse(false);
	}

	void send(UUID linkId) {
		SignInLink link = this.links.findById(linkId).orElse(null);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (link == null) {
			log.warn("Sign-in link {} is unknown; ignoring its request", linkId);
			return;
		}
		if (link.usedAt() != null || !link.expiresAt().isAfter(now)) {
			log.info("Sign-in link {} was used or has expired; not mailing it", linkId);
			return;
		}
		if (this.suppressions.bouncedHard(link.email())) {
			log.info("Sign-in link {} not mailed: the address bounced before", linkId);
			return;
		}
		Optional<Discussion> discussion = (link.discussionId() != null) ? this.discussions.findById(link.discussionId())
				: Optional.empty();
		if (discussion.isPresent() && !mayRead(discussion.get(), link.email())) {
			// The web stored and announced it like any other, so that asking tells no one
			// who is invited; only the address's owner could tell, and gets nothing.
			log.info("Sign-in link {} not mailed: the address may not read its discussion", linkId);
			return;
		}
		String title = discussion.map(Discussion::title).orElse(null);
		MimeMessage message;
		InternetAddress recipient;
		try {
			message = this.mailer.compose(this.connections.session(), link, title, now);
			recipient = new InternetAddress(link.email(), true);
		}
		catch (MessagingException ex) {
			log.warn("Sign-in link {} has an address that cannot be mailed: {}", linkId, ex.getMessage());
			return;
		}
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SignInMailDeferred("interrupted while waiting for a sending permit");
		}
		if (!this.links.markMailed(linkId, now)) {
			log.debug("Sign-in link {} was mailed before; ignoring a repeated request", linkId);
			return;
		}
		try {
			this.connections.send(message, recipient);
			this.metrics.sent(DeliveryMetrics.Kind.SIGN_IN_LINK);
			log.info("Sign-in link {} mailed", linkId);
		}
		catch (MessagingException ex) {
			SmtpFailure failure = SmtpFailure.of(ex);
			if (failure.isPermanent()) {
				if (failure.recipientRefused()) {
					this.suppressions.suppress(link.email(), SuppressionReason.HARD_BOUNCE, failure.text(),
							OffsetDateTime.now(this.clock));
				}
				this.metrics.failed(DeliveryMetrics.Kind.SIGN_IN_LINK);
				log.info("Sign-in link {} refused for good: {}", linkId, failure.text());
				return;
			}
			this.links.unmarkMailed(linkId);
			this.metrics.retried(DeliveryMetrics.Kind.SIGN_IN_LINK);
			throw new SignInMailDeferred("Sign-in link " + linkId + " refused for now: " + failure.text());
		}
	}

}
