package org.parley.invite.signin;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.participation.SignInLink;
import org.parley.invite.FixedIdMessage;
import org.parley.invite.HeaderValue;
import org.parley.invite.MailFrom;
import org.parley.invite.MailTexts;

import org.springframework.stereotype.Component;

import static org.parley.invite.MailTexts.escape;

/**
 * Writes the sign-in mail: the link, the discussion it leads to and how long it works, in
 * plain text and HTML. The link is {@code /sign-in/<id>.<hmac>}, which the web checks
 * with the shared secret; the Message-ID is the link's, so a resend shows once.
 */
@Component
class SignInMailer {

	static final String PURPOSE = "sign-in";

	private final SignInMailSettings settings;

	private final LinkSigner signer;

	private final MailTexts texts;

	private final MailFrom from;

	SignInMailer(SignInMailSettings settings, LinkSigner signer) throws AddressException {
		this.settings = settings;
		this.signer = signer;
		this.texts = new MailTexts("org.parley.invite.signin.sign-in-text", settings.locale());
		this.from = MailFrom.parse(settings.from());
	}

	String link(SignInLink link) {
		return this.settings.publicUrl() + "/sign-in/" + this.signer.sign(PURPOSE, link.id());
	}

	MimeMessage compose(Session session, SignInLink link, String discussionTitle, OffsetDateTime now)
			throws MessagingException {
		String url = link(link);
		long minutes = Math.max(1, Duration.between(now, link.expiresAt()).toMinutes());
		String validity = (minutes >= 120) ? text("validity.hours", minutes / 60) : text("validity.minutes", minutes);
		String lead = (discussionTitle != null) ? text("lead.discussion", discussionTitle) : text("lead.parley");
		String works = text("works", validity);
		String text = text("hello") + "\n\n" + lead + "\n" + url + "\n\n" + works + "\n";
		String html = "<!DOCTYPE html><html lang=\"" + escape(this.settings.locale().toLanguageTag())
				+ "\"><body style=\"font-family:sans-serif\"><p>" + escape(text("hello")) + "</p><p>" + escape(lead)
				+ "</p><p><a href=\"" + escape(url) + "\">" + escape(text("sign-in")) + "</a></p><p><small>"
				+ escape(works) + "</small></p></body></html>";
		String messageId = this.from.messageId("sign-in-" + link.id());
		MimeMessage message = new FixedIdMessage(session, messageId);
		message.setFrom(this.from.address());
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(link.email(), true));
		message.setSubject(HeaderValue
			.oneLine((discussionTitle != null) ? text("subject.discussion", discussionTitle) : text("subject.parley")),
				"UTF-8");
		message.setHeader("Date", HeaderValue.date(now.toInstant()));
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8", "plain");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html, "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", plain, rich));
		message.saveChanges();
		return message;
	}

	private String text(String key, Object... arguments) {
		return this.texts.text(key, arguments);
	}

}
