package org.parley.invite.delivery;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.parley.invite.HeaderValue;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the invitation email: plain text and HTML, the discussion's title and closing date, the
 * organiser's message and the invitee's personal link; with the one-click unsubscribe headers of
 * RFC 8058, {@code Auto-Submitted} and a Message-ID that is the ledger row's, so a message sent
 * again after an ambiguous crash carries the same id and mail clients show it once.
 */
@Component
class InvitationMailer {

	private final InvitationSettings settings;

	private final InvitationLink links;

	private final InternetAddress from;

	private final String messageIdDomain;

	private final DateTimeFormatter dates;

	private final Clock clock;

	InvitationMailer(InvitationSettings settings, Clock clock) throws AddressException {
		this.settings = settings;
		this.links = new InvitationLink(settings.linkSecret());
		this.from = new InternetAddress(settings.from(), true);
		String address = this.from.getAddress();
		this.messageIdDomain = address.substring(address.indexOf('@') + 1);
		this.dates = DateTimeFormatter.ofPattern("d MMM yyyy", settings.locale());
		this.clock = clock;
	}

	/** The Message-ID header of a row's invitation. */
	String messageId(Delivery delivery) {
		return "<" + delivery.id() + "@" + this.messageIdDomain + ">";
	}

	MimeMessage compose(Session session, Delivery delivery, InvitationBatch batch, Discussion discussion)
			throws MessagingException {
		String link = this.settings.publicUrl() + "/invitations/" + this.links.sign(new InvitationLink.Claims(
				delivery.id(), discussion.id(), this.clock.instant().plus(this.settings.linkValidity())));
		String unsubscribe = this.settings.publicUrl() + "/unsubscribe/" + delivery.token();
		String title = discussion.title();
		String closes = (discussion.closesAt() != null) ? "It closes on " + this.dates.format(discussion.closesAt()) + "."
				: null;
		String greeting = (delivery.name() != null) ? "Hello " + delivery.name() + "," : "Hello,";

		StringBuilder text = new StringBuilder(greeting).append("\n\nYou are invited to take part in the consultation \"")
			.append(title)
			.append("\".");
		if (closes != null) {
			text.append(' ').append(closes);
		}
		text.append("\n\n");
		if (batch.message() != null && !batch.message().isBlank()) {
			text.append(batch.message().strip()).append("\n\n");
		}
		text.append("Open your personal link to read the draft and comment:\n")
			.append(link)
			.append("\n\nThe link is for you only; please do not forward it.\n\n--\nTo stop receiving invitations: ")
			.append(unsubscribe)
			.append('\n');

		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
			.append("<p>").append(escape(greeting)).append("</p>")
			.append("<p>You are invited to take part in the consultation <strong>")
			.append(escape(title))
			.append("</strong>.");
		if (closes != null) {
			html.append(' ').append(escape(closes));
		}
		html.append("</p>");
		if (batch.message() != null && !batch.message().isBlank()) {
			html.append("<blockquote>").append(escape(batch.message().strip()).replace("\n", "<br>")).append("</blockquote>");
		}
		html.append("<p><a href=\"").append(escape(link)).append("\">Read the draft and comment</a></p>")
			.append("<p><small>The link is for you only; please do not forward it.</small></p>")
			.append("<hr><p><small><a href=\"").append(escape(unsubscribe))
			.append("\">Stop receiving invitations</a></small></p></body></html>");

		MimeMessage message = new FixedIdMessage(session, messageId(delivery));
		message.setFrom(this.from);
		try {
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(delivery.email(),
					HeaderValue.oneLine(delivery.name()), "UTF-8"));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
		message.setSubject(HeaderValue.oneLine("Invitation: " + title), "UTF-8");
		message.setSentDate(java.util.Date.from(OffsetDateTime.now(this.clock).toInstant()));
		message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text.toString(), "UTF-8", "plain");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html.toString(), "UTF-8", "html");
		MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private static String escape(String s) {
		return HtmlUtils.htmlEscape(s, "UTF-8");
	}

	/** Keeps the Message-ID it was given instead of making a random one on save. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String id;

		FixedIdMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.id);
		}

	}

}
