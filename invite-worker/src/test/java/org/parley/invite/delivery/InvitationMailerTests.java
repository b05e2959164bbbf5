package org.parley.invite.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.invite.mail.MailComposer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation email speaks the language chosen for it, dates included, in the
 * discussion's time zone.
 */
class InvitationMailerTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);

	// 23:30 UTC on 14 Feb is already 15 Feb in Vienna: the date shown is the discussion's
	// own.
	private static final Discussion DISCUSSION = new Discussion(UUID.randomUUID(), null, "Klimastrategie 2030", null,
			Privacy.PUBLIC, null, OffsetDateTime.parse("2027-02-14T23:30:00Z"), ZoneId.of("Europe/Vienna"),
			OffsetDateTime.parse("2027-01-01T00:00:00Z"), null, OffsetDateTime.parse("2027-01-01T00:00:00Z"));

	private static final InvitationBatch BATCH = InvitationBatch.requested(DISCUSSION.id(), UUID.randomUUID(),
			"Your view matters.", "list.csv", 1, OffsetDateTime.now(CLOCK));

	private static final Delivery DELIVERY = new Delivery(UUID.randomUUID(), BATCH.id(), 1, "zoe@example.org",
			"zoe@example.org", "Zoë Müller", DeliveryStatus.QUEUED, null, null, 0, null, false, null, "unsub-token",
			OffsetDateTime.now(CLOCK), null, null);

	@Test
	void englishByDefault() throws Exception {
		MimeMessage message = compose(Locale.ENGLISH);

		assertThat(message.getSubject()).isEqualTo("Invitation: Klimastrategie 2030");
		assertThat(part(message, 0)).startsWith("Hello Zoë Müller,")
			.contains(
					"You are invited to take part in the consultation “Klimastrategie 2030”. It closes on 15 Feb 2027.")
			.contains("Your view matters.")
			.contains("https://parley.example/invitations/")
			.contains("To stop receiving invitations: https://parley.example/unsubscribe/unsub-token");
		assertThat(part(message, 1)).startsWith("<!DOCTYPE html><html lang=\"en\">")
			.contains(">Read the draft and comment</a>");
	}

	@Test
	void germanWhenChosen() throws Exception {
		MimeMessage message = compose(Locale.GERMAN);

		assertThat(message.getSubject()).isEqualTo("Einladung: Klimastrategie 2030");
		assertThat(part(message, 0)).startsWith("Guten Tag Zoë Müller,")
			.contains("an der Konsultation „Klimastrategie 2030“ zu beteiligen. Sie endet am 15. Feb. 2027.")
			.contains("Keine Einladungen mehr erhalten: https://parley.example/unsubscribe/unsub-token")
			.doesNotContain("invited");
		assertThat(part(message, 1)).startsWith("<!DOCTYPE html><html lang=\"de\">")
			.contains(">Entwurf lesen und kommentieren</a>");
		assertThat(message.getHeader("Date", null)).as("in English whatever the language of the mail")
			.isEqualTo("Sun, 10 Jan 2027 09:00:00 +0000");
	}

	@Test
	void theDateHeaderReadsBackAsTheClocksInstant() throws Exception {
		assertThat(compose(Locale.ENGLISH).getSentDate().toInstant()).isEqualTo(CLOCK.instant());
	}

	private static MimeMessage compose(Locale locale) throws MessagingException {
		InvitationSettings settings = new InvitationSettings("https://parley.example",
				"test-link-secret-0123456789-abcdefghijklmnop", Duration.ofDays(30),
				"Parley <invitations@parley.example>");
		return new InvitationMailer(settings, new MailComposer(), CLOCK).compose(Session.getInstance(new Properties()),
				DELIVERY, BATCH, DISCUSSION, locale);
	}

	private static String part(MimeMessage message, int index) throws MessagingException, IOException {
		BodyPart part = ((Multipart) message.getContent()).getBodyPart(index);
		return ((String) part.getContent()).replace("\r\n", "\n");
	}

}
