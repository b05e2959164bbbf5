package org.parley.invite.signin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.participation.SignInLink;
import org.parley.invite.InjectedHeaders;
import org.parley.invite.mail.MailComposer;
import org.parley.invite.InvitationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class SignInMailerHeaderTests {

	static final java.util.List<String> PAYLOADS = InjectedHeaders.PAYLOADS;

	static final InjectedHeaders smtp = new InjectedHeaders();

	@AfterAll
	static void stop() {
		smtp.close();
	}

	@ParameterizedTest
	@FieldSource("PAYLOADS")
	void discussionTitleWithLineBreaksAddsNoHeader(String payload) throws Exception {
		SignInMailer mailer = new SignInMailer(new SignInMailSettings("http://parley.test",
				"Parley <invitations@parley.test>", Duration.ofSeconds(2), Duration.ofMinutes(1)),
				new LinkSigner(InvitationFixtures.LINK_SECRET), new MailComposer());
		OffsetDateTime now = OffsetDateTime.now();
		SignInLink link = new SignInLink(UUID.randomUUID(), "eve@example.org", UUID.randomUUID(), now,
				now.plusMinutes(30), null);

		MimeMessage received = smtp.sendAndReceive(mailer.compose(smtp.session(), link, payload, now, Locale.ENGLISH),
				"eve@example.org");

		assertThat(received.getSubject()).startsWith("Your sign-in link for ").contains("Bcc: victim@evil.test");
	}

}
