package org.parley.invite.signin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.participation.SignInLink;
import org.parley.invite.mail.Letter;
import org.parley.invite.mail.MailComposer;
import org.parley.invite.mail.MailFrom;

import org.springframework.stereotype.Component;

/**
 * What the sign-in mail says ({@code mail/sign-in.*}): the link, the discussion it leads
 * to and how long it works. The link is {@code /sign-in/<id>.<hmac>}, which the web
 * checks with the shared secret; the Message-ID is the link's, so a resend shows once.
 */
@Component
class SignInMailer {

	static final String PURPOSE = "sign-in";

	static final String KIND = "sign-in";

	private final SignInMailSettings settings;

	private final LinkSigner signer;

	private final MailComposer composer;

	private final MailFrom from;

	SignInMailer(SignInMailSettings settings, LinkSigner signer, MailComposer composer) throws AddressException {
		this.settings = settings;
		this.signer = signer;
		this.composer = composer;
		this.from = MailFrom.parse(settings.from());
	}

	String link(SignInLink link) {
		return this.settings.publicUrl() + "/sign-in/" + this.signer.sign(PURPOSE, link.id());
	}

	MimeMessage compose(Session session, SignInLink link, String discussionTitle, OffsetDateTime now, Locale language)
			throws MessagingException {
		// Rounded up: a link made a moment ago for 30 minutes works for 30 minutes, not
		// 29.
		long seconds = Duration.between(now, link.expiresAt()).toSeconds();
		long minutes = Math.max(1, (seconds + 59) / 60);
		String validity = (minutes >= 120) ? text(language, "validity.hours", minutes / 60)
				: text(language, "validity.minutes", minutes);
		String lead = (discussionTitle != null) ? text(language, "lead.discussion", discussionTitle)
				: text(language, "lead.parley");
		Letter.Builder letter = Letter.of(KIND, language)
			.from(this.from)
			.to(new InternetAddress(link.email(), true))
			.messageId(this.from.messageId("sign-in-" + link.id()))
			.date(now.toInstant())
			.with("lead", lead)
			.with("link", link(link))
			.with("validity", validity);
		if (discussionTitle != null) {
			letter.subject("subject.discussion", discussionTitle);
		}
		else {
			letter.subject("subject.parley");
		}
		return this.composer.compose(session, letter.build());
	}

	private String text(Locale language, String key, Object... arguments) {
		return this.composer.text(KIND, language, key, arguments);
	}

}
