package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone who takes part, known by the email address they proved they own. */
public record Participant(UUID id, String email, String displayName, OffsetDateTime createdAt) {

	/** The name others see: the chosen one, or the part of the address before the @. */
	public String shownName() {
		if (this.displayName != null && !this.displayName.isBlank()) {
			return this.displayName;
		}
		int at = this.email.indexOf('@');
		return (at > 0) ? this.email.substring(0, at) : this.email;
	}

}
