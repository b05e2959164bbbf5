package org.parley.invite.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.invite.InjectedHeaders;
import org.parley.invite.mail.MailComposer;
import org.parley.invite.InvitationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationMailerHeaderTests {

	static final java.util.List<String> PAYLOADS = InjectedHeaders.PAYLOADS;

	static final InjectedHeaders smtp = new InjectedHeaders();

	@AfterAll
	static void stop() {
		smtp.close();
	}

	private final InvitationMailer mailer;

	InvitationMailerHeaderTests() throws Exception {
		this.mailer = new InvitationMailer(new InvitationSettings("http://parley.test", InvitationFixtures.LINK_SECRET,
				Duration.ofDays(30), "Parley <invitations@parley.test>"), new MailComposer(), Clock.systemUTC());
	}

	@ParameterizedTest
	@FieldSource("PAYLOADS")
	void inviteeNameDiscussionTitleAndMessageWithLineBreaksAddNoHeader(String payload) throws Exception {
		OffsetDateTime now = OffsetDateTime.now();
		Discussion discussion = new Discussion(UUID.randomUUID(), null, payload, null, Privacy.PUBLIC, null,
				now.plusDays(30), ZoneId.of("UTC"), now, null, now);
		InvitationBatch batch = InvitationBatch.requested(discussion.id(), UUID.randomUUID(), payload, "list.csv", 1,
				now);
		Delivery delivery = new Delivery(UUID.randomUUID(), batch.id(), 1, "eve@example.org", "eve@example.org",
				payload, DeliveryStatus.SENDING, null, null, 1, null, false, null, "token", now, null, null);

		MimeMessage received = smtp.sendAndReceive(
				this.mailer.compose(smtp.session(), delivery, batch, discussion, Locale.ENGLISH), "eve@example.org");

		assertThat(received.getSubject()).startsWith("Invitation: ").contains("Bcc: victim@evil.test");
	}

}
