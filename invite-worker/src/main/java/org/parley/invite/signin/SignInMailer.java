package org.parley.invite.signin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.participation.SignInLink;
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

	private final InternetAddress from;

	private final String messageIdDomain;

	SignInMailer(SignInMailSettings settings, LinkSigner signer) throws AddressException {
		this.settings = settings;
		this.signer = signer;
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
		String validity = (minutes >= 120) ? (minutes / 60) + " hours" : minutes + " minutes";
		String purpose = (discussionTitle != null) ? "to take part in \"" + discussionTitle + "\"" : "to Parley";
		String text = "Hello,\n\nHere is your link to sign in " + purpose + ":\n" + url + "\n\nIt works once, for the next "
				+ validity + ". If you did not ask for it, you can ignore this message.\n";
		String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>Hello,</p><p>Here is your link to sign in "
				+ escape(purpose) + ":</p><p><a href=\"" + escape(url) + "\">Sign in</a></p><p><small>It works once, for the next "
				+ validity + ". If you did not ask for it, you can ignore this message.</small></p></body></html>";
		String messageId = "<sign-in-" + link.id() + "@" + this.messageIdDomain + ">";
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(this.from);
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(link.email(), true));
		message.setSubject(HeaderValue.oneLine((discussionTitle != null) ? "Your sign-in link for " + discussionTitle
				: "Your sign-in link for Parley"), "UTF-8");
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

	private static String escape(String s) {
		return HtmlUtils.htmlEscape(s, "UTF-8");
	}

}
