package org.parley.domain.work;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row that records one piece of long work and where it stands: what
 * {@link JobRowRequests} needs to know to run its job once in effect.
 */
public interface JobRow {

	UUID id();

	/** Whether the work is done or failed for good: a request for it is then ignored. */
	boolean isFinished();

	/** When a worker last moved the work on. */
	OffsetDateTime updatedAt();

	/** The state the row is in, as the log names it. */
	Enum<?> workState();

}
