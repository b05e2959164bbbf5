package org.parley.domain.organiser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void refusesShortCommonAndRepetitivePasswords() {
		assertThat(PasswordPolicy.problem(null)).contains("is shorter than 12 characters");
		assertThat(PasswordPolicy.problem("eleven-char")).contains("is shorter than 12 characters");
		assertThat(PasswordPolicy.problem("Password1234")).contains("is one of the passwords that are tried first");
		assertThat(PasswordPolicy.problem("abababababab")).isPresent();
		assertThat(PasswordPolicy.problem("x".repeat(73))).contains("is longer than 72 bytes");
	}

	@Test
	void acceptsALongUncommonPassphrase() {
		assertThat(PasswordPolicy.problem("twelve-chars")).isEmpty();
		assertThat(PasswordPolicy.problem("river otter piano 1987")).isEmpty();
	}

}
