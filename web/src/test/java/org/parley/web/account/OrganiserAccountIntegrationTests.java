package org.parley.web.account;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 15's organiser accounts: an organiser changes their password with the current
 * one, to one the policy accepts, and adds another organiser, who chooses a password once
 * through a signed set-up link.
 */
@WebIntegrationTest
class OrganiserAccountIntegrationTests {

	private static final String STRONG = "a-long-passphrase-of-mine";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void anOrganiserChangesTheirPasswordWithTheCurrentOne() {
		Organiser organiser = TestOrganisers.add(this.organisers, this.passwords, "changer", "Changer");

		assertThat(changePassword(organiser.email(), TestOrganisers.PASSWORD,
				"{\"currentPassword\": \"" + TestOrganisers.PASSWORD + "\", \"newPassword\": \"" + STRONG + "\"}"))
			.hasStatus(204);

		assertThat(this.mvc.get().uri("/account").with(httpBasic(organiser.email(), TestOrganisers.PASSWORD)))
			.hasStatus(401);
		assertThat(this.mvc.get().uri("/account").with(httpBasic(organiser.email(), STRONG))).hasStatusOk();
	}

	@Test
	void aPasswordChangeNeedsTheRightCurrentPasswordAndAStrongNewOne() {
		Organiser organiser = TestOrganisers.add(this.organisers, this.passwords, "weak", "Weak");

		assertThat(changePassword(organiser.email(), TestOrganisers.PASSWORD,
				"{\"currentPassword\": \"not-it\", \"newPassword\": \"" + STRONG + "\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("WRONG_PASSWORD");
		for (String weak : new String[] { "short-one", "password1234", "aaaaaaaaaaaaaaaa",
				"Correcthorsebatterystaple" }) {
			assertThat(changePassword(organiser.email(), TestOrganisers.PASSWORD,
					"{\"currentPassword\": \"" + TestOrganisers.PASSWORD + "\", \"newPassword\": \"" + weak + "\"}"))
				.as(weak)
				.hasStatus(400)
				.bodyJson()
				.extractingPath("$.code")
				.isEqualTo("WEAK_PASSWORD");
		}
		assertThat(this.mvc.get().uri("/account").with(httpBasic(organiser.email(), TestOrganisers.PASSWORD)))
			.hasStatusOk();
	}

	@Test
	void anAddedOrganiserSetsTheirPasswordOnceThroughTheirLink() throws Exception {
		Organiser inviter = TestOrganisers.add(this.organisers, this.passwords, "inviter", "Inviter");
		String email = "new-" + UUID.randomUUID() + "@parley.test";

		MvcTestResult added = this.mvc.post()
			.uri("/api/organisers")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"displayName\": \"New\"}")
			.with(httpBasic(inviter.email(), TestOrganisers.PASSWORD))
			.exchange();
		assertThat(added).hasStatus(201);
		String link = com.jayway.jsonpath.JsonPath.read(added.getResponse().getContentAsString(), "$.setupLink");
		String path = link.substring(link.indexOf("/organiser-setup/"));
		String token = path.substring("/organiser-setup/".length());

		assertThat(this.mvc.post()
			.uri("/api/organisers")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email.toUpperCase() + "\"}")
			.with(httpBasic(inviter.email(), TestOrganisers.PASSWORD))).hasStatus(409);
		assertThat(this.mvc.get().uri(path)).hasStatusOk().bodyText().contains("name=\"password\"");
		assertThat(this.mvc.get().uri("/organiser-setup/" + tampered(token))).hasStatus(404);
		assertThat(setUp(path, "too-short")).hasStatusOk().bodyText().contains("id=\"setup-problem\"");

		assertThat(setUp(path, STRONG)).hasStatus(302).redirectedUrl().isEqualTo("/login?setup");

		assertThat(this.mvc.get().uri("/account").with(httpBasic(email, STRONG))).hasStatusOk();
		assertThat(setUp(path, STRONG + "-again")).hasStatus(410);
		assertThat(this.mvc.get().uri("/account").with(httpBasic(email, STRONG + "-again"))).hasStatus(401);
	}

	private MvcTestResult changePassword(String email, String password, String json) {
		return this.mvc.put()
			.uri("/api/account/password")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(email, password))
			.exchange();
	}

	private MvcTestResult setUp(String path, String password) {
		return this.mvc.post()
			.uri(path)
			.param("password", password)
			.param("confirmPassword", password)
			.with(csrf())
			.exchange();
	}

	/** The token with the first character of its signature changed. */
	private static String tampered(String token) {
		int dot = token.indexOf('.');
		char first = token.charAt(dot + 1);
		return token.substring(0, dot + 1) + ((first == 'A') ? 'B' : 'A') + token.substring(dot + 2);
	}

}
