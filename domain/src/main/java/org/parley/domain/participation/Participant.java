package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone who takes part, known by the email address they proved they own. */
public record Participant(UUID id, String email, String displayName, OffsetDateTime createdAt) {

	/**
	 * The mail domain of an erased participant's address: {@code .invalid} can never
	 * receive a sign-in link (RFC 2606), and the address tells every query that the
	 * account was erased without a column of its own to read.
	 */
	public static final String ERASED_MAIL_DOMAIN = "erased.invalid";

	/** The name an erased participant's comments show. */
	public static final String FORMER_PARTICIPANT = "A former participant";

	/** The address an erased participant's row keeps in place of theirs. */
	public static String erasedAddress(UUID id) {
		return "erased-" + id + "@" + ERASED_MAIL_DOMAIN;
	}

	/** Whether the person erased their account (GDPR article 17). */
	public boolean isErased() {
		return this.email != null && this.email.endsWith("@" + ERASED_MAIL_DOMAIN);
	}

	/**
	 * The name others see: the chosen one, or else a neutral name with a short part of
	 * the id ("Participant 4f2a9c"); "A former participant" once the account is erased.
	 * Never anything from the address, which others must not learn.
	 */
	public String shownName() {
		if (isErased()) {
			return FORMER_PARTICIPANT;
		}
		if (this.displayName != null && !this.displayName.isBlank()) {
			return this.displayName;
		}
		return (this.id != null) ? "Participant " + this.id.toString().substring(0, 6) : "A participant";
	}

}
