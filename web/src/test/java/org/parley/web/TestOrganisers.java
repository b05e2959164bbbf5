package org.parley.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;

import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The organiser accounts the web's tests sign in with over HTTP Basic, and what those
 * organisers ask of a discussion.
 */
public final class TestOrganisers {

	/** The first organiser, as {@link WebIntegrationTest} configures it. */
	public static final String ADMIN = "admin@parley.test";

	public static final String ADMIN_PASSWORD = "admin-secret";

	/** The password of every organiser {@link #add} creates. */
	public static final String PASSWORD = "pw";

	private TestOrganisers() {
	}

	/**
	 * Adds an organiser with a fresh address that starts with the prefix, and the
	 * password {@value #PASSWORD}.
	 */
	public static Organiser add(OrganiserRepository organisers, PasswordEncoder passwords, String prefix,
			String displayName) {
		Organiser organiser = new Organiser(UUID.randomUUID(), prefix + "-" + UUID.randomUUID() + "@parley.test",
				passwords.encode(PASSWORD), displayName, OffsetDateTime.now());
		organisers.add(organiser);
		return organiser;
	}

	/**
	 * Adds the organiser unless the address has one already: the account outlives a test,
	 * and on a shared database the first-organiser bootstrap may have run for another
	 * account.
	 * @return the organiser's id
	 */
	public static UUID ensure(OrganiserRepository organisers, PasswordEncoder passwords, String email, String password,
			String displayName) {
		if (organisers.findByEmail(email).isEmpty()) {
			organisers.add(new Organiser(UUID.randomUUID(), email, passwords.encode(password), displayName,
					OffsetDateTime.now()));
		}
		return organisers.findByEmail(email).orElseThrow().id();
	}

	/** The {@link #ADMIN} organiser, added unless it exists. */
	public static UUID ensureAdmin(OrganiserRepository organisers, PasswordEncoder passwords) {
		return ensure(organisers, passwords, ADMIN, ADMIN_PASSWORD, "Admin");
	}

	/**
	 * Changes a discussion's settings ({@code PATCH /api/discussions/{id}}) as an
	 * organiser added by {@link #add}.
	 */
	public static MvcTestResult patchDiscussion(MockMvcTester mvc, UUID discussion, String organiser, String json) {
		return mvc.patch()
			.uri("/api/discussions/{id}", discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(organiser, PASSWORD))
			.exchange();
	}

}
