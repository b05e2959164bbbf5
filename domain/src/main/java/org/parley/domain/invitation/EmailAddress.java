package org.parley.domain.invitation;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges whether an entry is an address mail can be sent to, and says why not in words an
 * organiser understands. Stricter than RFC 5322 on purpose: quoted local parts and
 * address literals are legal but in practice mistakes in a list.
 */
public final class EmailAddress {

	private static final String LOCAL_CHARACTERS = "!#$%&'*+-/=?^_`{|}~.";

	private EmailAddress() {
	}

	/** The address in the form duplicates and suppressions are compared in. */
	public static String key(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return why the address is not valid, or empty if it is
	 */
	public static Optional<String> problem(String email) {
		if (email == null || email.isBlank()) {
			return Optional.of("No address");
		}
		if (email.chars().anyMatch(Character::isWhitespace)) {
			return Optional.of("Contains a space");
		}
		int at = email.indexOf('@');
		if (at < 0) {
			return Optional.of("No @ in the address");
		}
		if (email.indexOf('@', at + 1) >= 0) {
			return Optional.of("More than one @");
		}
		if (email.length() > 254) {
			return Optional.of("Longer than 254 characters");
		}
		String local = email.substring(0, at);
		String domain = email.substring(at + 1);
		if (local.isEmpty()) {
			return Optional.of("Nothing before the @");
		}
		if (domain.isEmpty()) {
			return Optional.of("Nothing after the @");
		}
		if (local.length() > 64) {
			return Optional.of("The part before the @ is longer than 64 characters");
		}
		for (char c : local.toCharArray()) {
			if (c > 127 || !(Character.isLetterOrDigit(c) || LOCAL_CHARACTERS.indexOf(c) >= 0)) {
				return Optional.of("The part before the @ contains '" + c + "', which mail servers refuse");
			}
		}
		if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
			return Optional.of("The part before the @ has a misplaced dot");
		}
		return domainProblem(domain);
	}

	private static Optional<String> domainProblem(String domain) {
		String ascii;
		try {
			ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("The domain '" + domain + "' is not valid");
		}
		if (!ascii.contains(".")) {
			return Optional.of("The domain '" + domain + "' has no dot, like example.org");
		}
		for (String label : ascii.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
				return Optional.of("The domain '" + domain + "' is not valid");
			}
		}
		String top = ascii.substring(ascii.lastIndexOf('.') + 1);
		if (top.length() < 2 || top.chars().allMatch(Character::isDigit)) {
			return Optional.of("The domain '" + domain + "' does not end in a real top-level domain");
		}
		return Optional.empty();
	}

}
