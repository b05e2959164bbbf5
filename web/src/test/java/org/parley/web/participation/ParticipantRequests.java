package org.parley.web.participation;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What participants do in one discussion, as the participation tests send it: sign in
 * with a magic link, vote and comment with the session that gives them.
 */
final class ParticipantRequests {

	private final MockMvcTester mvc;

	private final SignInLinks signInLinks;

	private final JdbcClient jdbc;

	private final UUID discussion;

	ParticipantRequests(MockMvcTester mvc, SignInLinks signInLinks, JdbcClient jdbc, UUID discussion) {
		this.mvc = mvc;
		this.signInLinks = signInLinks;
		this.jdbc = jdbc;
		this.discussion = discussion;
	}

	/** Signs in by the newest magic link sent to the address for the discussion. */
	MockHttpSession signIn(String email) {
		this.signInLinks.request(email, this.discussion, "test-" + UUID.randomUUID());
		UUID linkId = this.jdbc.sql("select id from sign_in_link where email = :e order by created_at desc limit 1")
			.param("e", email.toLowerCase())
			.query(UUID.class)
			.single();
		MvcTestResult result = this.mvc.get().uri("/sign-in/{token}", this.signInLinks.token(linkId)).exchange();
		assertThat(result).hasStatus(302);
		return (MockHttpSession) result.getRequest().getSession();
	}

	MvcTestResult vote(MockHttpSession session, int section, String value) {
		return this.mvc.put()
			.uri("/api/discussions/{id}/sections/{n}/vote", this.discussion, section)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"" + value + "\"}")
			.session(session)
			.with(csrf())
			.exchange();
	}

	MvcTestResult comment(MockHttpSession session, String text) {
		return this.mvc.post()
			.uri("/api/discussions/{id}/sections/1/comments", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + text + "\"}")
			.session(session)
			.with(csrf())
			.exchange();
	}

	/**
	 * A comment on a section, or on one of its paragraphs by running number; returns its
	 * id.
	 */
	String comment(MockHttpSession session, int section, Integer paragraph, String text) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/discussions/{id}/sections/{n}/comments", this.discussion, section)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + text + "\"" + ((paragraph != null) ? ",\"paragraphNumber\":" + paragraph : "")
					+ "}")
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus(201);
		return result.getResponse().getHeader("Location").substring("/api/comments/".length());
	}

	void reply(MockHttpSession session, String parentId, String text) {
		assertThat(this.mvc.post()
			.uri("/api/comments/{id}/replies", parentId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + text + "\"}")
			.session(session)
			.with(csrf())).hasStatus(201);
	}

}
