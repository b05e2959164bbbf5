package org.parley.invite.fanout;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes fan-outs that nobody advances: their request was lost with an embedded broker's
 * memory, their worker died, or their last run failed. The database is the record of what
 * must be done.
 */
@Component
class StrandedFanOutSweep {

	private static final Logger log = LoggerFactory.getLogger(StrandedFanOutSweep.class);

	private final InvitationBatchRepository batches;

	private final FanOutRunner runner;

	private final FanOutSettings settings;

	private final Clock clock;

	StrandedFanOutSweep(InvitationBatchRepository batches, FanOutRunner runner, FanOutSettings settings, Clock clock) {
		this.batches = batches;
		this.runner = runner;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${parley.invitation.fan-out.sweep-interval:30s}",
			fixedDelayString = "${parley.invitation.fan-out.sweep-interval:30s}")
	void resumeStrandedFanOuts() {
		OffsetDateTime quietSince = OffsetDateTime.now(this.clock).minus(this.settings.staleAfter());
		for (UUID batchId : this.batches.findFanOutQuietSince(quietSince, 10)) {
			try (MDC.MDCCloseable id = MDC.putCloseable("batchId", batchId.toString())) {
				log.warn("Invitation batch {} has not moved since before {}; resuming its fan-out", batchId,
						quietSince);
				this.runner.run(batchId);
			}
		}
	}

}
