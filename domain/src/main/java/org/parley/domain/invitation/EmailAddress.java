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

	/**
	 * The address in the one form that every limit, suppression, duplicate check and
	 * account compares: surrounding space and RFC 5322 comments
	 * ({@code (x)v@example.org}, {@code v@example.org(1)}) removed, a quoted local part
	 * whose content needs no quotes ({@code "v"@example.org}) unquoted, a trailing dot of
	 * the domain dropped, and the whole address in lower case. The local part is
	 * case-sensitive by RFC 5321, but no mailbox provider in use treats it so, and two
	 * accounts for {@code Ana@} and {@code ana@} would be one person twice; so identity
	 * is the lower-cased address. A quoted local part that needs its quotes stays quoted,
	 * and {@link #problem} refuses it.
	 */
	public static String normalise(String email) {
		String bare = withoutComments(email.strip()).strip();
		int at = bare.lastIndexOf('@');
		if (at > 0) {
			String local = bare.substring(0, at);
			String domain = bare.substring(at + 1);
			if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
				String unquoted = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
				if (isDotAtom(unquoted)) {
					local = unquoted;
				}
			}
			if (domain.endsWith(".")) {
				domain = domain.substring(0, domain.length() - 1);
			}
			bare = local + "@" + domain;
		}
		return bare.toLowerCase(Locale.ROOT);
	}

	/** The address in the form duplicates and suppressions are compared in. */
	public static String key(String email) {
		return normalise(email);
	}

	/** The text outside comments: parenthesised, possibly nested, not within quotes. */
	private static String withoutComments(String email) {
		if (email.indexOf('(') < 0) {
			return email;
		}
		StringBuilder kept = new StringBuilder(email.length());
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < email.length(); i++) {
			char c = email.charAt(i);
			if (c == '\\' && (quoted || depth > 0) && i + 1 < email.length()) {
				if (depth == 0) {
					kept.append(c).append(email.charAt(i + 1));
				}
				i++;
			}
			else if (depth == 0 && c == '"') {
				quoted = !quoted;
				kept.append(c);
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')' && depth > 0) {
				depth--;
			}
			else if (depth == 0) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	private static boolean isDotAtom(String local) {
		if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
			return false;
		}
		for (char c : local.toCharArray()) {
			if (c > 127 || !(Character.isLetterOrDigit(c) || LOCAL_CHARACTERS.indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
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
