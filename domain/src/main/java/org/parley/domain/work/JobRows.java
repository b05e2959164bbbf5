package org.parley.domain.work;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The repository of one kind of job row, as the once-in-effect rules read it. */
public interface JobRows {

	Optional<? extends JobRow> findById(UUID id);

	/**
	 * Unfinished rows that have not moved since {@code before}, oldest first: their
	 * request was lost (an embedded broker restarted) or their worker died.
	 */
	List<UUID> findUnfinishedQuietSince(OffsetDateTime before, int limit);

	/**
	 * Claims the recovery of an unfinished row that has not moved since
	 * {@code quietSince} (see {@link JobRowClaims}).
	 * @return whether this caller won the claim
	 */
	boolean claimQuiet(UUID id, OffsetDateTime quietSince, OffsetDateTime now);

}
