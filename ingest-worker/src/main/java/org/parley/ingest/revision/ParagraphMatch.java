package org.parley.ingest.revision;

import java.util.UUID;

/**
 * One pairing of an old paragraph with a new one. A split gives one match per new piece,
 * all from the same old paragraph; a merge one match per old paragraph, all to the same
 * new one.
 *
 * @param from the old paragraph's id, or null for a {@link MatchKind#NEW} one
 * @param to the new paragraph's place, or null for a {@link MatchKind#REMOVED} one
 * @param confidence from 0 to 1: how sure the pairing is (the text similarity)
 */
public record ParagraphMatch(UUID from, Position to, MatchKind kind, double confidence) {
}
