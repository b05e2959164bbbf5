package org.parley.web.system;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Refusals from Spring Security and Spring MVC answer in the API's format, with a stable
 * code, and the headers every answer carries.
 */
@WebIntegrationTest
class ProblemFormatIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Test
	void moderationWithoutAStateIsABadRequest() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		UUID comment = comment(owner);

		assertThat(this.mvc.put()
			.uri("/api/comments/{id}/state", comment)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(httpBasic(owner.email(), TestOrganisers.PASSWORD))).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_REQUEST");
	}

	@Test
	void unreadableBodiesWrongMethodsAndMediaTypesHaveCodes() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		UUID comment = comment(owner);

		assertThat(code(this.mvc.put()
			.uri("/api/comments/{id}/state", comment)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"state\":\"NO-SUCH-STATE\"}")
			.with(httpBasic(owner.email(), TestOrganisers.PASSWORD))
			.exchange())).isEqualTo("400 INVALID_REQUEST");
		assertThat(code(this.mvc.put()
			.uri("/api/comments/{id}/state", comment)
			.contentType(MediaType.TEXT_PLAIN)
			.content("HIDDEN")
			.with(httpBasic(owner.email(), TestOrganisers.PASSWORD))
			.exchange())).isEqualTo("415 UNSUPPORTED_MEDIA_TYPE");
		assertThat(code(this.mvc.get()
			.uri("/api/discussions/{id}/sections/{n}/comments", UUID.randomUUID(), 1)
			.param("sort", "SIDEWAYS")
			.exchange())).as("a query parameter of the wrong type").isEqualTo("400 INVALID_REQUEST");
	}

	@Test
	void apiWithoutSignInAnswersAProblemAndPagesGoToTheLogin() {
		assertThat(code(this.mvc.get().uri("/api/imports/{id}", UUID.randomUUID()).exchange()))
			.isEqualTo("401 UNAUTHENTICATED");
		assertThat(code(this.mvc.get()
			.uri("/api/imports/{id}", UUID.randomUUID())
			.with(httpBasic(TestOrganisers.ADMIN, "wrong"))
			.exchange())).isEqualTo("401 UNAUTHENTICATED");
		assertThat(this.mvc.get().uri("/imports/new")).hasStatus(302)
			.headers()
			.hasHeaderSatisfying("Location", v -> assertThat(v.get(0)).endsWith("/login"));
	}

	@Test
	void csrfRefusalsSayWhichTokenIsWrong() {
		MockHttpSession session = organiserSession();

		assertThat(code(this.mvc.post()
			.uri("/api/discussions/{id}/organisers", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.org\"}")
			.session(session)
			.exchange())).isEqualTo("403 CSRF_TOKEN_MISSING");
		assertThat(code(this.mvc.post()
			.uri("/api/discussions/{id}/organisers", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.org\"}")
			.session(session)
			.with(csrf().useInvalidToken())
			.exchange())).isEqualTo("403 CSRF_TOKEN_INVALID");
	}

	@Test
	void anAuthorizationHeaderThatIsNoBasicLoginKeepsCsrf() {
		MockHttpSession session = organiserSession();

		MvcTestResult forged = this.mvc.post()
			.uri("/api/discussions/{id}/organisers", UUID.randomUUID())
			.header("Authorization", "Bearer anything")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.org\"}")
			.session(session)
			.exchange();

		assertThat(code(forged)).isEqualTo("403 CSRF_TOKEN_MISSING");
	}

	@Test
	void basicCredentialsAreCheckedEvenWithASessionOfTheSameOrganiser() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		MockHttpSession session = (MockHttpSession) this.mvc.post()
			.uri("/login")
			.param("username", owner.email())
			.param("password", TestOrganisers.PASSWORD)
			.with(csrf())
			.exchange()
			.getRequest()
			.getSession();

		assertThat(code(this.mvc.post()
			.uri("/api/discussions/{id}/organisers", UUID.randomUUID())
			.with(httpBasic(owner.email(), "not-the-password"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.org\"}")
			.session(session)
			.exchange())).isEqualTo("401 UNAUTHENTICATED");
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		MvcTestResult home = this.mvc.get().uri("/").exchange();

		assertThat(home.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(home.getResponse().getHeader("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
		assertThat(home.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(home.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void metricsAndTheApiDescriptionAreForOrganisersAndHealthForAnyone() {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);

		assertThat(code(this.mvc.get().uri("/actuator/prometheus").exchange())).isEqualTo("401 UNAUTHENTICATED");
		assertThat(code(this.mvc.get().uri("/v3/api-docs").exchange())).isEqualTo("401 UNAUTHENTICATED");
		assertThat(this.mvc.get()
			.uri("/actuator/prometheus")
			.with(httpBasic(TestOrganisers.ADMIN, TestOrganisers.ADMIN_PASSWORD))).hasStatusOk();
		assertThat(
				this.mvc.get().uri("/v3/api-docs").with(httpBasic(TestOrganisers.ADMIN, TestOrganisers.ADMIN_PASSWORD)))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	private MockHttpSession organiserSession() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		MvcTestResult login = this.mvc.post()
			.uri("/login")
			.param("username", owner.email())
			.param("password", TestOrganisers.PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(login).hasStatus(302);
		return (MockHttpSession) login.getRequest().getSession();
	}

	private UUID comment(Organiser owner) {
		UUID discussion = this.discussions.addDraft(null, owner.id(), "Problems",
				new Outline("Problems", null,
						List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("Text."))))),
				OffsetDateTime.now());
		this.discussions
			.update(this.discussions.findById(discussion).orElseThrow().publish(java.time.Clock.systemUTC()));
		var author = this.participants.findOrCreate("author-" + UUID.randomUUID() + "@example.org",
				OffsetDateTime.now());
		UUID id = UUID.randomUUID();
		UUID section = this.discussions.sectionId(discussion, 1).orElseThrow();
		this.comments.add(new Comment(id, discussion, section, null, null, null, author.id(), "First.",
				CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		return id;
	}

	private static String code(MvcTestResult result) {
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		String body = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
		int start = body.indexOf("\"code\":\"") + 8;
		return result.getResponse().getStatus() + " " + body.substring(start, body.indexOf('"', start));
	}

}
