package org.parley.domain.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.PropertyResolver;

/**
 * Checks of deployment secrets, and random ones for the modes that make their own (the
 * standalone mode and tests).
 */
public final class Secrets {

	/** How an operator makes a secret; given in every refusal. */
	public static final String HOW_TO_MAKE_ONE = "openssl rand -base64 32";

	/**
	 * Values that earlier releases committed, that the example files carry, or that any
	 * guesser tries first: never a secret, whatever their length.
	 */
	private static final Set<String> KNOWN = Set.of("change-me", "changeme", "secret", "password", "parley", "admin",
			"change-me-to-a-long-random-secret-of-48-characters");

	/** Marks of a placeholder that was copied and never filled in. */
	private static final List<String> PLACEHOLDER_MARKS = List.of("change-me", "changeme", "change_me", "replace-me",
			"replace_me", "replace-with", "<generate");

	private static final Logger log = LoggerFactory.getLogger(Secrets.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/**
	 * The secret, if it is given, at least {@code minimum} characters long and no known
	 * placeholder.
	 * @param variable the environment variable an operator sets, named in the refusal
	 * @throws SecretRejected otherwise
	 */
	public static String require(String variable, String value, int minimum) {
		if (value == null || value.isBlank()) {
			throw logged(new SecretRejected(variable, "is missing"));
		}
		refuseKnown(variable, value);
		if (value.length() < minimum) {
			throw logged(new SecretRejected(variable, "is shorter than " + minimum + " characters"));
		}
		return value;
	}

	/**
	 * Logs the refusal once, on its own line, before the start fails: an operator finds
	 * it without reading through the stack trace of the failed start.
	 */
	public static SecretRejected logged(SecretRejected rejected) {
		log.error("Refusing to start: {}", rejected.getMessage());
		return rejected;
	}

	/**
	 * Refuses a known or placeholder value; an absent value is the caller's business (for
	 * example a password the database does not need).
	 * @throws SecretRejected if the value is a known one
	 */
	public static void refuseKnown(String variable, String value) {
		if (value != null && isKnown(value)) {
			throw logged(new SecretRejected(variable, "is a published placeholder, not a secret"));
		}
	}

	/** Whether the value is one that a reader of the repository or any guesser knows. */
	public static boolean isKnown(String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		return KNOWN.contains(lower) || PLACEHOLDER_MARKS.stream().anyMatch(lower::contains);
	}

	/**
	 * Refuses the published placeholders in the settings every process may have: the
	 * database, broker and mail relay passwords and the Drive secrets. Absent ones are
	 * left to the service that needs them, except the Drive token key, which an OAuth
	 * client needs.
	 * @throws SecretRejected naming the first placeholder found
	 */
	public static void refuseKnownConnectionSecrets(PropertyResolver settings) {
		refuseKnown("SPRING_DATASOURCE_PASSWORD", settings.getProperty("spring.datasource.password"));
		refuseKnown("SPRING_RABBITMQ_PASSWORD", settings.getProperty("spring.rabbitmq.password"));
		refuseKnown("SPRING_MAIL_PASSWORD", settings.getProperty("spring.mail.password"));
		refuseKnown("PARLEY_DRIVE_TOKEN_ENCRYPTION_KEY", settings.getProperty("parley.drive.token-encryption-key"));
		refuseKnown("PARLEY_DRIVE_OAUTH_CLIENT_SECRET", settings.getProperty("parley.drive.oauth.client-secret"));
		String clientId = settings.getProperty("parley.drive.oauth.client-id");
		if (clientId != null && !clientId.isBlank()) {
			// With an OAuth client, organisers' refresh tokens are sealed with this key;
			// 32 bytes in base64 are 44 characters.
			require("PARLEY_DRIVE_TOKEN_ENCRYPTION_KEY", settings.getProperty("parley.drive.token-encryption-key"), 44);
		}
	}

	/** 32 random bytes in base64: a secret for a process that may make its own. */
	public static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
