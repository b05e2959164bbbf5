package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone who takes part, known by the email address they proved they own. */
public record Participant(UUID id, String email, String displayName, OffsetDateTime createdAt) {

	/**
	 * The name others see: the chosen one, or else a neutral name with a short part of
	 * the id ("Participant 4f2a9c"). Never anything from the address, which others must
	 * not learn.
	 */
	public String shownName() {
		if (this.displayName != null && !this.displayName.isBlank()) {
			return this.displayName;
		}
		return (this.id != null) ? "Participant " + this.id.toString().substring(0, 6) : "A participant";
	}

}
