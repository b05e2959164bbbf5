package org.parley.invite.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
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
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.SignInLink;
import org.parley.domain.participation.SignInLinkRepository;
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
 * Mails one sign-in link, in the interactive lane: its own SMTP connections and its own
 * share of the rate, so a campaign at the limit never delays it. The link is marked
 * mailed before the SMTP transaction, so a redelivered request mails nothing (at most
 * once: after a crash in between, the person asks again). What the relay refuses follows
 * the one refusal policy: a temporary refusal waits in the link's row for its retry
 * ({@link SignInMailSweep}), for as long as the link works; a permanent one suppresses
 * the address.
 */
@Component
class SignInLinkSender {

	private static final Logger log = LoggerFactory.getLogger(SignInLinkSender.class);

	private final SignInLinkRepository links;

	private final DiscussionRepository discussions;

	private final SuppressionRepository suppressions;

	private final DeliveryRepository deliveries;

	private final OrganiserRepository organisers;

	private final ParticipantRepository participants;

	private final SignInMailer mailer;

	private final Courier courier;

	private final MailLanguages languages;

	private final SignInMailSettings settings;

	private final Clock clock;

	SignInLinkSender(SignInLinkRepository links, DiscussionRepository discussions, SuppressionRepository suppressions,
			DeliveryRepository deliveries, OrganiserRepository organisers, ParticipantRepository participants,
			SignInMailer mailer, Courier courier, MailLanguages languages, SignInMailSettings settings, Clock clock) {
		this.links = links;
		this.discussions = discussions;
		this.suppressions = suppressions;
		this.deliveries = deliveries;
		this.organisers = organisers;
		this.participants = participants;
		this.mailer = mailer;
		this.courier = courier;
		this.languages = languages;
		this.settings = settings;
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

	/**
	 * Mails the link, with its id in the log context, for its request and its retries.
	 */
	void send(UUID linkId) {
		try (MDC.MDCCloseable id = MDC.putCloseable("linkId", linkId.toString())) {
			mail(linkId);
		}
	}

	private void mail(UUID linkId) {
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
		Locale language = this.languages.choose(this.participants.findByEmail(link.email())
			.map((p) -> this.languages.ofParticipant(p.id()))
			.orElse(null), discussion.map((d) -> this.languages.ofDiscussion(d.id())).orElse(null));
		MimeMessage message;
		InternetAddress recipient;
		try {
			message = this.mailer.compose(this.courier.session(MailPriority.INTERACTIVE), link, title, now, language);
			recipient = new InternetAddress(link.email(), true);
		}
		catch (MessagingException ex) {
			log.warn("Sign-in link {} has an address that cannot be mailed: {}", linkId, ex.getMessage());
			return;
		}
		try {
			this.courier.awaitPermit(MailPriority.INTERACTIVE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Shutting down: the sweep of whichever worker is left sends it.
			this.links.markMailRetry(linkId, now);
			return;
		}
		if (!this.links.markMailed(linkId, now)) {
			log.debug("Sign-in link {} was mailed before; ignoring a repeated request", linkId);
			return;
		}
		Retries retries = new Retries(this.settings.firstRetryAfter(), this.settings.maxRetryAfter(),
				Duration.between(link.createdAt(), link.expiresAt()));
		Parcel parcel = new Parcel(DeliveryMetrics.Kind.SIGN_IN_LINK, MailPriority.INTERACTIVE, "Sign-in link", linkId,
				link.email(), this.links.mailAttempts(linkId) - 1, link.createdAt(), retries, log);
		if (this.courier.send(parcel, message, recipient, new MailLedger() {
			@Override
			public void retry(Refusal.Retry retry) {
				SignInLinkSender.this.links.markMailRetry(linkId, retry.at());
			}

			@Override
			public void failed(Refusal.Failed failed) {
				// Stays marked mailed: nothing sends it again.
			}
		})) {
			log.info("Sign-in link {} mailed", linkId);
		}
	}

}
