package org.parley.domain.work;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Resumes job rows that nobody advances: their request was lost with an embedded broker's
 * memory, or their worker died. The database, not the broker, is the record of what must
 * be done, so a restart strands nothing; {@link JobRowRequests} makes a second run of a
 * live row harmless. A process calls {@link #sweep()} on its own schedule.
 */
public final class StrandedWorkSweep {

	private static final Logger log = LoggerFactory.getLogger(StrandedWorkSweep.class);

	/** How many rows one sweep resumes at most: the next sweep takes the rest. */
	private static final int PAGE = 10;

	private final String noun;

	private final String logKey;

	private final JobRows rows;

	private final Consumer<UUID> resume;

	private final Duration staleAfter;

	private final Clock clock;

	/**
	 * @param noun what the log calls one row ({@code Import})
	 * @param logKey the MDC key of its id ({@code importId})
	 * @param resume runs a row's job again, as a redelivered request would
	 */
	public StrandedWorkSweep(String noun, String logKey, JobRows rows, Consumer<UUID> resume, Duration staleAfter,
			Clock clock) {
		this.noun = noun;
		this.logKey = logKey;
		this.rows = rows;
		this.resume = resume;
		this.staleAfter = staleAfter;
		this.clock = clock;
	}

	public void sweep() {
		OffsetDateTime quietSince = OffsetDateTime.now(this.clock).minus(this.staleAfter);
		for (UUID id : this.rows.findUnfinishedQuietSince(quietSince, PAGE)) {
			try (MDC.MDCCloseable mdc = MDC.putCloseable(this.logKey, id.toString())) {
				log.warn("{} {} has not moved since before {}; resuming it", this.noun, id, quietSince);
				this.resume.accept(id);
			}
		}
	}

}
