package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A magic link's record: whom it signs in, to which discussion, until when, and whether
 * it was used.
 */
public record SignInLink(UUID id, String email, UUID discussionId, OffsetDateTime createdAt, OffsetDateTime expiresAt,
		OffsetDateTime usedAt) {

}
