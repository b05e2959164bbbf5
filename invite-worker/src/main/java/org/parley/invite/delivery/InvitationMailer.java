package org.parley.invite.delivery;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationLink;
import org.parley.invite.FixedIdMessage;
import org.parley.invite.HeaderValue;
import org.parley.invite.MailFrom;
import org.parley.invite.MailTexts;
import org.springframework.stereotype.Component;

import static org.parley.invite.MailTexts.escape;

/**
 * Writes the invitation email, in the language of {@code parley.invitation.locale}: plain
 * text and HTML, the discussion's title and closing date, the organiser's message and the
 * invitee's personal link; with the one-click unsubscribe headers of RFC 8058,
 * {@code Auto-Submitted} and a Message-ID that is the ledger row's, so a message sent
 * again after an ambiguous crash carries the same id and mail clients show it once.
 */
@Component
class InvitationMailer {

	private final InvitationSettings settings;

	private final InvitationLink links;

	private final MailFrom from;

	private final DateTimeFormatter dates;

	private final MailTexts texts;

	private final Clock clock;

	InvitationMailer(InvitationSettings settings, Clock clock) throws AddressException {
		this.settings = settings;
		this.links = new InvitationLink(settings.linkSecret());
		this.from = MailFrom.parse(settings.from());
		this.texts = new MailTexts("org.parley.invite.delivery.invitation-text", settings.locale());
		this.dates = DateTimeFormatter.ofPattern(this.texts.pattern("date.pattern"), settings.locale());
		this.clock = clock;
	}

	/** The Message-ID header of a row's invitation. */
	String messageId(Delivery delivery) {
		return this.from.messageId(delivery.id().toString());
	}

	MimeMessage compose(Session session, Delivery delivery, InvitationBatch batch, Discussion discussion)
			throws MessagingException {
		String link = this.settings.publicUrl() + "/invitations/"
				+ this.links.sign(new InvitationLink.Claims(delivery.id(), discussion.id(),
						this.clock.instant().plus(this.settings.linkValidity())));
		String unsubscribe = this.settings.publicUrl() + "/unsubscribe/" + delivery.token();
		String title = discussion.title();
		String closes = (discussion.closesAt() != null)
				? text("closes", this.dates.format(discussion.closesAt().atZoneSameInstant(zoneOf(discussion)))) : null;
		String greeting = (delivery.name() != null) ? text("hello.named", delivery.name()) : text("hello");
		String invited = text("invited", title);
		String personalMessage = (batch.message() != null && !batch.message().isBlank()) ? batch.message().strip()
				: null;

		StringBuilder plain = new StringBuilder(greeting).append("\n\n").append(invited);
		if (closes != null) {
			plain.append(' ').append(closes);
		}
		plain.append("\n\n");
		if (personalMessage != null) {
			plain.append(personalMessage).append("\n\n");
		}
		plain.append(text("open.lead"))
			.append('\n')
			.append(link)
			.append("\n\n")
			.append(text("personal"))
			.append("\n\n--\n")
			.append(text("unsubscribe.lead"))
			.append(' ')
			.append(unsubscribe)
			.append('\n');

		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
			.append(escape(this.settings.locale().toLanguageTag()))
			.append("\"><body style=\"font-family:sans-serif\">")
			.append("<p>")
			.append(escape(greeting))
			.append("</p>")
			.append("<p>")
			.append(escape(invited));
		if (closes != null) {
			html.append(' ').append(escape(closes));
		}
		html.append("</p>");
		if (personalMessage != null) {
			html.append("<blockquote>").append(escape(personalMessage).replace("\n", "<br>")).append("</blockquote>");
		}
		html.append("<p><a href=\"")
			.append(escape(link))
			.append("\">")
			.append(escape(text("open")))
			.append("</a></p>")
			.append("<p><small>")
			.append(escape(text("personal")))
			.append("</small></p>")
			.append("<hr><p><small><a href=\"")
			.append(escape(unsubscribe))
			.append("\">")
			.append(escape(text("unsubscribe")))
			.append("</a></small></p></body></html>");

		MimeMessage message = new FixedIdMessage(session, messageId(delivery));
		message.setFrom(this.from.address());
		try {
			message.setRecipient(MimeMessage.RecipientType.TO,
					new InternetAddress(delivery.email(), HeaderValue.oneLine(delivery.name()), "UTF-8"));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
		message.setSubject(HeaderValue.oneLine(text("subject", title)), "UTF-8");
		message.setHeader("Date", HeaderValue.date(this.clock.instant()));
		message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart plainPart = new MimeBodyPart();
		plainPart.setText(plain.toString(), "UTF-8", "plain");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html.toString(), "UTF-8", "html");
		// Named, so that saving the message does not write each part once more only to
		// choose it.
		plainPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
		rich.setHeader("Content-Transfer-Encoding", "quoted-printable");
		MimeMultipart alternative = new MimeMultipart("alternative", plainPart, rich);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private String text(String key, Object... arguments) {
		return this.texts.text(key, arguments);
	}

	private ZoneId zoneOf(Discussion discussion) {
		return (discussion.timeZone() != null) ? discussion.timeZone() : ZoneOffset.UTC;
	}

}
