package org.parley.invite.signin;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.ResourceBundle;

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

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the sign-in mail: the link, the discussion it leads to and how long it works, in plain
 * text and HTML. The link is {@code /sign-in/<id>.<hmac>}, which the web checks with the shared
 * secret; the Message-ID is the link's, so a resend shows once.
 */
@Component
class SignInMailer {

	static final String PURPOSE = "sign-in";

	private final SignInMailSettings settings;

	private final LinkSigner signer;

	private final ResourceBundle texts;

	private final InternetAddress from;

	private final String messageIdDomain;

	SignInMailer(SignInMailSettings settings, LinkSigner signer) throws AddressException {
		this.settings = settings;
		this.signer = signer;
		this.texts = ResourceBundle.getBundle("org.parley.invite.signin.sign-in-text", settings.locale());
		this.from = new InternetAddress(settings.from(), true);
		String address = this.from.getAddress();
		this.messageIdDomain = address.substring(address.indexOf('@') + 1);
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
		String messageId = "<sign-in-" + link.id() + "@" + this.messageIdDomain + ">";
		MimeMessage message = new FixedIdMessage(session, messageId);
		message.setFrom(this.from);
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(link.email(), true));
		message.setSubject(HeaderValue.oneLine((discussionTitle != null) ? text("subject.discussion", discussionTitle)
				: text("subject.parley")), "UTF-8");
		message.setSentDate(Date.from(now.toInstant()));
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
		return new MessageFormat(this.texts.getString(key), this.settings.locale()).format(arguments);
	}

	private static String escape(String s) {
		return HtmlUtils.htmlEscape(s, "UTF-8");
	}

}
