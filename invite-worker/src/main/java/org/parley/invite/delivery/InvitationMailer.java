package org.parley.invite.delivery;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationLink;
import org.parley.invite.mail.HeaderValue;
import org.parley.invite.mail.Letter;
import org.parley.invite.mail.MailComposer;
import org.parley.invite.mail.MailFrom;

import org.springframework.stereotype.Component;

/**
 * What the invitation email says ({@code mail/invitation.*}): the discussion's title and
 * closing date in its own time zone, the organiser's message and the invitee's personal
 * link; with the one-click unsubscribe of RFC 8058 and a Message-ID that is the ledger
 * row's, so a message sent again after an ambiguous crash carries the same id and mail
 * clients show it once. {@link MailComposer} writes it.
 */
@Component
class InvitationMailer {

	static final String KIND = "invitation";

	private final InvitationSettings settings;

	private final InvitationLink links;

	private final MailFrom from;

	private final MailComposer composer;

	private final Map<Locale, DateTimeFormatter> dates = new ConcurrentHashMap<>();

	private final Clock clock;

	InvitationMailer(InvitationSettings settings, MailComposer composer, Clock clock) throws AddressException {
		this.settings = settings;
		this.links = new InvitationLink(settings.linkSecret());
		this.from = MailFrom.parse(settings.from());
		this.composer = composer;
		this.clock = clock;
	}

	/** The Message-ID header of a row's invitation. */
	String messageId(Delivery delivery) {
		return this.from.messageId(delivery.id().toString());
	}

	MimeMessage compose(Session session, Delivery delivery, InvitationBatch batch, Discussion discussion,
			Locale language) throws MessagingException {
		String link = this.settings.publicUrl() + "/invitations/"
				+ this.links.sign(new InvitationLink.Claims(delivery.id(), discussion.id(),
						this.clock.instant().plus(this.settings.linkValidity())));
		String closes = (discussion.closesAt() != null)
				? dates(language).format(discussion.closesAt().atZoneSameInstant(zoneOf(discussion))) : null;
		String message = (batch.message() != null && !batch.message().isBlank()) ? batch.message().strip() : null;
		InternetAddress to;
		try {
			to = new InternetAddress(delivery.email(), HeaderValue.oneLine(delivery.name()), "UTF-8");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
		return this.composer.compose(session,
				Letter.of(KIND, language)
					.from(this.from)
					.to(to)
					.messageId(messageId(delivery))
					.date(this.clock.instant())
					.subject("subject", discussion.title())
					.unsubscribe(this.settings.publicUrl() + "/unsubscribe/" + delivery.token())
					.with("name", delivery.name())
					.with("title", discussion.title())
					.with("closes", closes)
					.with("message", message)
					.with("messageLines", (message != null) ? Letter.lines(message) : null)
					.with("link", link)
					.build());
	}

	private DateTimeFormatter dates(Locale language) {
		return this.dates.computeIfAbsent(language,
				(l) -> DateTimeFormatter.ofPattern(this.composer.pattern(KIND, l, "date.pattern"), l));
	}

	private ZoneId zoneOf(Discussion discussion) {
		return (discussion.timeZone() != null) ? discussion.timeZone() : ZoneOffset.UTC;
	}

}
