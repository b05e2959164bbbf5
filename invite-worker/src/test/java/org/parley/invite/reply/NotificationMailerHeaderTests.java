package org.parley.invite.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.notification.CommentContext;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.participation.Participant;
import org.parley.invite.InjectedHeaders;
import org.parley.invite.InvitationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMailerHeaderTests {

	static final List<String> PAYLOADS = InjectedHeaders.PAYLOADS;

	static final InjectedHeaders smtp = new InjectedHeaders();

	@AfterAll
	static void stop() {
		smtp.close();
	}

	private final NotificationMailer mailer;

	NotificationMailerHeaderTests() throws Exception {
		this.mailer = new NotificationMailer(
				new NotificationSettings("http://parley.test", "Parley <notifications@parley.test>", Locale.ENGLISH, 1,
						18, ZoneId.of("UTC"), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3),
						Duration.ofMinutes(5), Duration.ofMinutes(1)),
				new LinkSigner(InvitationFixtures.LINK_SECRET), null, Clock.systemUTC());
	}

	@ParameterizedTest
	@FieldSource("PAYLOADS")
	void namesSectionHeadingsAndTitlesWithLineBreaksAddNoHeader(String payload) throws Exception {
		OffsetDateTime now = OffsetDateTime.now();
		Participant recipient = new Participant(UUID.randomUUID(), "eve@example.org", payload, now);
		NotificationMail mail = new NotificationMail(UUID.randomUUID(), recipient.id(), UUID.randomUUID(),
				MailKind.IMMEDIATE, null, MailStatus.SENDING, 1, null, now);
		CommentContext comment = new CommentContext(UUID.randomUUID(), mail.discussionId(), payload, 2, payload,
				payload, UUID.randomUUID(), payload, "A reply.", UUID.randomUUID(), "The parent.", now);

		MimeMessage immediate = smtp.sendAndReceive(
				this.mailer.immediate(smtp.session(), mail, recipient, NotificationCause.REPLY, comment),
				"eve@example.org");
		MimeMessage digest = smtp.sendAndReceive(this.mailer.digest(smtp.session(), mail, recipient, List.of(comment)),
				"eve@example.org");

		assertThat(immediate.getSubject()).contains("Bcc: victim@evil.test");
		assertThat(digest.getSubject()).contains("Bcc: victim@evil.test");
	}

}
