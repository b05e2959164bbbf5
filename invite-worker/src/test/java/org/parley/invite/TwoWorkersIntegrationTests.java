package org.parley.invite;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.test.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second invite-worker on the same database and broker shares the work: nobody is
 * mailed twice.
 */
@InviteWorkerIntegrationTest
class TwoWorkersIntegrationTests {

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

	@Test
	void twoWorkersSendEveryInvitationOnce() {
		Map<String, Object> properties = new HashMap<>();
		properties.putAll(TestInfrastructure.databaseProperties());
		properties.putAll(TestInfrastructure.brokerProperties());
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", mail.getSmtp().getPort());
		properties.put("parley.invitation.public-url", "http://parley.test");
		properties.put("parley.invitation.link-secret", InvitationFixtures.LINK_SECRET);
		properties.put("parley.invitation.fan-out.chunk-size", 50);
		properties.put("parley.outbox.poll-interval", "100ms");
		properties.put("parley.invitation.delivery.queue",
				this.context.getEnvironment().getProperty("parley.invitation.delivery.queue", "messages"));
		try (ConfigurableApplicationContext second = InviteWorkerApplication.builder()
			.web(WebApplicationType.NONE)
			.initializers(ctx -> ctx.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("second-worker", properties)))
			.run()) {
			InvitationFixtures fixtures = new InvitationFixtures(this.context);
			String tag = UUID.randomUUID().toString().substring(0, 8);
			StringBuilder csv = new StringBuilder();
			Set<String> valid = new HashSet<>();
			for (int i = 0; i < 400; i++) {
				String address = "pair" + i + "-" + tag + "@example.org";
				valid.add(address);
				csv.append(address).append('\n');
			}
			UUID first = fixtures.invite(fixtures.discussion("Two workers"), csv.toString(), null);

			fixtures.awaitFinished(first, Duration.ofSeconds(90));
			Map<String, Long> received = InvitationDeliveryIntegrationTestsSupport
				.recipients(mail.getReceivedMessages(), tag);
			assertThat(received.keySet()).isEqualTo(valid);
			assertThat(received.values()).allMatch(n -> n == 1);
		}
	}

}
