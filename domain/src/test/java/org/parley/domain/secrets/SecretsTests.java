package org.parley.domain.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTests {

	@Test
	void refusesMissingShortAndPlaceholderSecretsNamingTheVariable() {
		assertThatThrownBy(() -> Secrets.require("PARLEY_LINKS_SECRET", null, 32)).isInstanceOf(SecretRejected.class)
			.hasMessageContaining("PARLEY_LINKS_SECRET is missing")
			.hasMessageContaining("openssl rand -base64 32");
		assertThatThrownBy(() -> Secrets.require("PARLEY_LINKS_SECRET", "  ", 32)).hasMessageContaining("missing");
		assertThatThrownBy(() -> Secrets.require("PARLEY_LINKS_SECRET", "0123456789abcdef", 32))
			.hasMessageContaining("shorter than 32");
		for (String placeholder : new String[] { "change-me", "CHANGE-ME",
				"change-me-to-a-long-random-secret-of-48-characters", "replace-me-with-openssl-rand-base64-32" }) {
			assertThatThrownBy(() -> Secrets.require("PARLEY_LINKS_SECRET", placeholder, 8)).as(placeholder)
				.hasMessageContaining("placeholder")
				.hasMessageNotContaining(placeholder);
		}
	}

	@Test
	void acceptsARandomSecret() {
		String secret = Secrets.random();
		assertThat(Secrets.require("PARLEY_LINKS_SECRET", secret, 32)).isEqualTo(secret);
		assertThat(Secrets.random()).isNotEqualTo(secret);
	}

}
