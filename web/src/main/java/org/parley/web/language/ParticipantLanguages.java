package org.parley.web.language;

import java.util.Locale;
import java.util.Optional;

import org.parley.domain.invitation.EmailAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language a participant chose ({@code participant.language}), looked up by the
 * signed-in email. Choosing creates no participant: whoever has no row yet keeps the
 * cookie until they take part.
 */
@Component
public class ParticipantLanguages {

	private final JdbcClient jdbc;

	ParticipantLanguages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> chosen(String email) {
		return this.jdbc.sql("select language from participant where email = :email")
			.param("email", EmailAddress.normalise(email))
			.query(String.class)
			.optional();
	}

	/** Records the choice; false when there is no such participant. */
	public boolean choose(String email, Locale language) {
		return this.jdbc.sql("update participant set language = :language where email = :email")
			.param("language", language.toLanguageTag())
			.param("email", EmailAddress.normalise(email))
			.update() > 0;
	}

}
