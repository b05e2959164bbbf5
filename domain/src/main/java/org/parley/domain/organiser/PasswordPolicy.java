package org.parley.domain.organiser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an organiser's password must be (OWASP ASVS 2.1): at least {@value #MINIMUM}
 * characters, at most {@value #MAXIMUM}, and none of the passwords that guessers try
 * first (a built-in list of common ones, compared without case).
 */
public final class PasswordPolicy {

	public static final int MINIMUM = 12;

	/** Long passphrases are welcome; bcrypt reads only the first 72 bytes. */
	public static final int MAXIMUM = 72;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/**
	 * Why the password is refused, as a phrase that follows "The password …", or empty
	 * when it is fine.
	 */
	public static Optional<String> problem(String password) {
		if (password == null || password.length() < MINIMUM) {
			return Optional.of("is shorter than " + MINIMUM + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM) {
			return Optional.of("is longer than " + MAXIMUM + " bytes");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
			return Optional.of("is one of the passwords that are tried first");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> common = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					common.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return common;
	}

}
