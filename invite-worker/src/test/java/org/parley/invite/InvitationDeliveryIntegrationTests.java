package org.parley.invite;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationCounts;
import org.parley.domain.invitation.InvitationLink;
import org.parley.domain.invitation.SuppressionReason;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.messaging.SendInvitation;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@InviteWorkerIntegrationTest
class InvitationDeliveryIntegrationTests {

	static final GreenMail mail = MailCatcher.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, mail.getSmtp().getPort());
	}

	@BeforeAll
	static void startMail() {
		// A subclass runs these tests once more, with the server this class stopped.
		if (!mail.isRunning()) {
			mail.start();
		}
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	SuppressionRepository suppressions;

	@Autowired
	RabbitTemplate rabbit;

	InvitationFixtures fixtures;

	@BeforeEach
	void purgeMail() throws Exception {
		this.fixtures = new InvitationFixtures(this.context);
		mail.purgeEmailFromAllMailboxes();
	}

	@Test
	void invitesAThousandCleaningInvalidDuplicateAndSuppressedEntries() throws Exception {
		UUID discussion = this.fixtures.discussion("Open Government Strategy 2027");
		String tag = UUID.randomUUID().toString().substring(0, 6);
		StringBuilder csv = new StringBuilder("\uFEFFEmail;Name\r\n");
		Set<String> valid = new HashSet<>();
		for (int i = 0; i < 940; i++) {
			String address = "person" + i + "-" + tag + "@example.org";
			valid.add(address);
			csv.append(address).append(';').append((i % 2 == 0) ? "Person " + i : "").append("\r\n");
			if (i < 20) {
				csv.append("broken").append(i).append(".example.org\r\n");
				csv.append(address.toUpperCase()).append("\r\n");
				String gone = "gone" + i + "-" + tag + "@example.org";
				this.suppressions.suppress(gone, SuppressionReason.UNSUBSCRIBED, null, java.time.OffsetDateTime.now());
				csv.append(gone).append(";Gone\r\n");
			}
		}

		UUID batchId = this.fixtures.invite(discussion, csv.toString(), "Please have your say\non our strategy.");

		InvitationCounts counts = this.fixtures.awaitFinished(batchId, Duration.ofSeconds(90));
		assertThat(counts).isEqualTo(new InvitationCounts(1000, 20, 20, 20, 0, 940, 0));
		MimeMessage[] received = InvitationDeliveryIntegrationTestsSupport.tagged(mail.getReceivedMessages(), tag)
			.toArray(MimeMessage[]::new);
		Map<String, Long> perRecipient = InvitationDeliveryIntegrationTestsSupport.recipients(received);
		assertThat(perRecipient.keySet()).isEqualTo(valid);
		assertThat(perRecipient.values()).allMatch(n -> n == 1);
		Set<String> messageIds = new HashSet<>();
		for (MimeMessage message : received) {
			messageIds.add(message.getMessageID());
		}
		assertThat(messageIds).hasSize(940);

		MimeMessage one = received[0];
		String to = one.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
		Delivery row = this.deliveries.findByBatch(batchId, DeliveryStatus.SENT, 1000, 0)
			.stream()
			.filter(d -> d.email().equals(to))
			.findFirst()
			.orElseThrow();
		assertThat(one.getHeader("List-Unsubscribe")[0])
			.isEqualTo("<http://parley.test/unsubscribe/" + row.token() + ">");
		assertThat(one.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(one.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(one.getMessageID()).isEqualTo(row.messageId());
		assertThat(one.getSubject()).isEqualTo("Invitation: Open Government Strategy 2027");
		String body = MailBodies.decoded(one);
		assertThat(body).contains("Please have your say").contains("15 Feb 2027").contains("text/html");
		Matcher link = Pattern.compile("http://parley\\.test/invitations/([A-Za-z0-9_\\-.]+)").matcher(body);
		assertThat(link.find()).isTrue();
		InvitationLink.Claims claims = new InvitationLink(InvitationFixtures.LINK_SECRET).verify(link.group(1),
				Instant.now());
		assertThat(claims.deliveryId()).isEqualTo(row.id());
		assertThat(claims.discussionId()).isEqualTo(discussion);

		List<Delivery> invalid = this.deliveries.findByBatch(batchId, DeliveryStatus.INVALID, 100, 0);
		assertThat(invalid).hasSize(20).allMatch(d -> "No @ in the address".equals(d.reason()));
	}

	@Test
	void redeliveredInvitationIsSentOnce() throws Exception {
		UUID discussion = this.fixtures.discussion("Redelivery");
		String tag = UUID.randomUUID().toString();
		UUID batchId = this.fixtures.invite(discussion, "once-" + tag + "@example.org\n", null);
		this.fixtures.awaitFinished(batchId, Duration.ofSeconds(90));
		Delivery sent = this.deliveries.findByBatch(batchId, DeliveryStatus.SENT, 10, 0).get(0);
		assertThat(InvitationDeliveryIntegrationTestsSupport.tagged(mail.getReceivedMessages(), tag)).hasSize(1);

		for (int i = 0; i < 3; i++) {
			UUID messageId = UUID.randomUUID();
			this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.SEND_INVITATION,
					new SendInvitation(messageId, sent.id()));
		}

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> InvitationDeliveryIntegrationTestsSupport.tagged(mail.getReceivedMessages(), tag).size() == 1);
		assertThat(this.deliveries.findById(sent.id()).orElseThrow().attempts()).isEqualTo(1);
	}

}
