package org.parley.web.system;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;
import org.parley.web.participation.SignInLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Standalone mode's caught mail holds every magic link: only organisers may read it.
 */
@WebIntegrationTest
@Import(DevMailboxIntegrationTests.CaughtMail.class)
class DevMailboxIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void participantsCannotReadTheCaughtMail() {
		MockHttpSession participant = participantSession();

		assertThat(this.mvc.get().uri("/api/dev/mailbox").session(participant)).hasStatus(403)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("FORBIDDEN");
		assertThat(this.mvc.get().uri("/dev/mailbox").session(participant)).hasStatus(403);
		assertThat(this.mvc.get().uri("/api/dev/mailbox")).hasStatus(401);
	}

	@Test
	void organisersReadTheCaughtMail() {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);

		assertThat(this.mvc.get()
			.uri("/api/dev/mailbox")
			.with(httpBasic(TestOrganisers.ADMIN, TestOrganisers.ADMIN_PASSWORD))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].subject")
			.isEqualTo("Your sign-in link");
	}

	private MockHttpSession participantSession() {
		String email = "mailbox-reader-" + UUID.randomUUID() + "@example.org";
		this.signInLinks.request(email, null, "test-" + UUID.randomUUID());
		UUID link = this.jdbc.sql("select id from sign_in_link where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
		return (MockHttpSession) this.mvc.get()
			.uri("/sign-in/{token}", this.signInLinks.token(link))
			.exchange()
			.getRequest()
			.getSession();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CaughtMail {

		@Bean
		DevMailbox devMailbox() {
			return () -> List.of(new DevMailbox.Mail("someone@example.org", "Your sign-in link", "http://x/sign-in/t",
					null, Map.of(), OffsetDateTime.now()));
		}

	}

}
