package org.parley.ingest.revision;

import java.util.UUID;

/**
 * One pairing of an old section with a new one.
 *
 * @param from the old section's id, or null for a {@link MatchKind#NEW} one
 * @param to the new section's place (paragraph 0), or null for a
 * {@link MatchKind#REMOVED} one
 */
public record SectionMatch(UUID from, Position to, MatchKind kind, double confidence) {
}
