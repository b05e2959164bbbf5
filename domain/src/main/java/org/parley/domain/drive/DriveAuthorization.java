package org.parley.domain.drive;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An organiser's connected Google account: the sealed refresh token that lets Parley read
 * their Drive files (read-only scope) while they are away.
 *
 * @param googleAccount the Google account's email as Drive reports it; {@code null} if
 * unknown
 * @param scope the scopes Google granted, space-separated
 */
public record DriveAuthorization(UUID organiserId, String googleAccount, SealedToken refreshToken, String scope,
		OffsetDateTime connectedAt) {

}
