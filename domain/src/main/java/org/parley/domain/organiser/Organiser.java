package org.parley.domain.organiser;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organiser account; the password is stored only as a one-way hash. */
public record Organiser(UUID id, String email, String passwordHash, String displayName, OffsetDateTime createdAt) {

}
