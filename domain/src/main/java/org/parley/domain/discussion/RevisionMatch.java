package org.parley.domain.discussion;

import java.util.UUID;

/**
 * One link between a unit of revision n−1 and one of revision n, as the matcher found it
 * or the organiser set it. Every old and every new unit is named at least once.
 *
 * @param from the old unit's id, or null for a {@link ChangeKind#NEW} one
 * @param to the new unit's id, or null for a {@link ChangeKind#REMOVED} one; a draft's
 * own id until publication, the stable id afterwards
 * @param meaningChanged for a paragraph: the organiser says the edit changes its meaning,
 * so its section's votes start again
 * @param byOrganiser set or corrected by an organiser, not by the matcher
 */
public record RevisionMatch(UUID id, Unit unit, UUID from, UUID to, ChangeKind kind, double confidence,
		boolean meaningChanged, boolean byOrganiser) {

	/** The unit a match links. */
	public enum Unit {

		SECTION, PARAGRAPH

	}

	/** A match the matcher found. */
	public static RevisionMatch found(Unit unit, UUID from, UUID to, ChangeKind kind, double confidence) {
		return new RevisionMatch(UUID.randomUUID(), unit, from, to, kind, confidence, false, false);
	}

}
