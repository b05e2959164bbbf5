package org.parley.domain.discussion;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One version of a discussion's document. Revision 1 is the first import; each re-import
 * adds the next as a draft beside the published one (ADR 0022).
 *
 * @param importId the import that brought it, or null
 * @param publishedAt when it was published, or null while it is a draft
 */
public record Revision(int number, RevisionState state, UUID importId, OffsetDateTime createdAt,
		OffsetDateTime publishedAt) {

}
