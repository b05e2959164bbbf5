package org.parley.domain.work;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles a request for the job of one row, so that the job runs exactly once in effect
 * (architecture.md): an unknown or finished row is ignored; a row whose last run still
 * runs and moves is left to its worker; one whose last run went quiet for longer than
 * stale-after is claimed, and only the winner recovers that run and starts again. The
 * lines it logs carry the row's id under the kind's own key.
 */
public final class JobRowRequests {

	private static final Logger log = LoggerFactory.getLogger(JobRowRequests.class);

	private final String noun;

	private final String logKey;

	private final JobRows rows;

	private final Duration staleAfter;

	private final Clock clock;

	/**
	 * @param noun what the log calls one row ({@code Import})
	 * @param logKey the MDC key of its id ({@code importId})
	 * @param staleAfter how long a running job may stay quiet before its worker is taken
	 * to be dead
	 */
	public JobRowRequests(String noun, String logKey, JobRows rows, Duration staleAfter, Clock clock) {
		this.noun = noun;
		this.logKey = logKey;
		this.rows = rows;
		this.staleAfter = staleAfter;
		this.clock = clock;
	}

	/**
	 * @param redelivered whether the broker delivered the request before, for the log
	 * @param job the row's job, as the process runs it
	 */
	public void handle(UUID id, boolean redelivered, Job job) {
		try (MDC.MDCCloseable mdc = MDC.putCloseable(this.logKey, id.toString())) {
			if (mayStart(id, redelivered, job)) {
				job.start();
			}
		}
	}

	private boolean mayStart(UUID id, boolean redelivered, Job job) {
		Optional<? extends JobRow> found = this.rows.findById(id);
		if (found.isEmpty()) {
			log.warn("{} {} requested but unknown; ignoring the request", this.noun, id);
			return false;
		}
		if (found.get().isFinished()) {
			log.info("{} {} already {}; ignoring a repeated request", this.noun, id, found.get().workState());
			return false;
		}
		if (!job.lastRunning()) {
			return true;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime quietSince = now.minus(this.staleAfter);
		if (!found.get().updatedAt().isBefore(quietSince)) {
			log.info("{} {} is running on another worker; ignoring a repeated request", this.noun, id);
			return false;
		}
		// A redelivered request and a sweep, or two workers' sweeps, find the abandoned
		// row at once: only the one that wins the claim recovers it, or the loser would
		// recover the winner's new, live run.
		if (!this.rows.claimQuiet(id, quietSince, now)) {
			log.info("{} {} is being recovered by another worker; ignoring a repeated request", this.noun, id);
			return false;
		}
		log.warn("{} {} was abandoned by a worker (redelivered: {}); recovering and restarting", this.noun, id,
				redelivered);
		job.recoverLast();
		return true;
	}

	/** One row's job, as the process that runs it knows it. */
	public interface Job {

		/**
		 * Whether the job's last run still counts as running (its worker may be dead).
		 */
		boolean lastRunning();

		/** Marks the last run abandoned, so that the job may start again. */
		void recoverLast();

		/** Starts the job, or restarts it where it stopped. */
		void start();

	}

}
