package org.parley.web.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A discussion closes by itself at its close date: nobody presses a button, only the
 * clock moves. The application's clock is replaced by one the test sets, so the instant
 * of closing is exact.
 */
@WebIntegrationTest
@Import(ClosingByDateIntegrationTests.ClockConfiguration.class)
class ClosingByDateIntegrationTests {

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	String owner;

	UUID discussion;

	OffsetDateTime closesAt;

	ParticipantRequests requests;

	@BeforeEach
	void openDiscussionClosingInThreeDays() {
		this.clock.set(START);
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategy",
				new Outline("Strategy", null,
						List.of(new OutlineSection("1.", "Lead", 1, List.of(Block.paragraph("One."))))),
				OffsetDateTime.now());
		this.requests = new ParticipantRequests(this.mvc, this.signInLinks, this.jdbc, this.discussion);
		this.closesAt = START.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC);
		assertThat(TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner,
				"{\"status\":\"OPEN\",\"timeZone\":\"UTC\",\"closesAt\":\"" + this.closesAt + "\"}"))
			.hasStatusOk();
	}

	@Test
	void votesAndCommentsStopAtTheCloseDateAndThePageSaysClosed() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		assertThat(this.requests.vote(alice, 1, "AGREE")).hasStatus(204);
		assertThat(this.requests.comment(alice, "Before the close")).hasStatus(201);
		assertThat(page(alice)).contains(">Open<").contains("3 days left");

		this.clock.set(this.closesAt.toInstant().minusSeconds(1));
		assertThat(this.requests.vote(alice, 1, "AGREE")).as("one second before the close date").hasStatus(204);
		String commentId = this.jdbc.sql("select id from comment where discussion_id = :d")
			.param("d", this.discussion)
			.query(String.class)
			.single();

		this.clock.set(this.closesAt.toInstant());
		assertThat(this.requests.vote(alice, 1, "AGREE")).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("DISCUSSION_CLOSED");
		assertThat(this.requests.comment(alice, "After the close")).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("DISCUSSION_CLOSED");
		assertThat(this.mvc.post()
			.uri("/api/comments/{id}/replies", commentId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Late reply\"}")
			.session(alice)
			.with(csrf())).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo("DISCUSSION_CLOSED");
		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.status").isEqualTo("CLOSED");
				assertThat(json).extractingPath("$.daysLeft").isNull();
			});
		String closed = page(alice);
		assertThat(closed).contains(">Closed<").doesNotContain("days left").doesNotContain("class=\"comment-form\"");
		assertThat(this.jdbc.sql("select count(*) from comment where discussion_id = :d")
			.param("d", this.discussion)
			.query(Integer.class)
			.single()).as("nothing posted after the close").isEqualTo(1);
	}

	private String page(MockHttpSession session) throws java.io.UnsupportedEncodingException {
		MvcTestResult result = this.mvc.get().uri("/discussions/{id}", this.discussion).session(session).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The application's clock, set by the test. */
	static final class SettableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(START);

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now.get(), zone);
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

}
