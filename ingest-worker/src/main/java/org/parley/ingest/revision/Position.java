package org.parley.ingest.revision;

/**
 * Where a unit is in the new version: the section's running number from 1 and, for a
 * paragraph, its number from 1 within that section (0 for a section itself).
 */
public record Position(int section, int paragraph) {

	public static Position section(int section) {
		return new Position(section, 0);
	}

}
