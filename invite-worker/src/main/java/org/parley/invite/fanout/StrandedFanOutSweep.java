package org.parley.invite.fanout;

import java.time.Clock;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.work.StrandedWorkSweep;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes fan-outs that nobody advances ({@link StrandedWorkSweep}): their request was
 * lost with an embedded broker's memory, their worker died, or their last run failed.
 */
@Component
class StrandedFanOutSweep {

	private final StrandedWorkSweep sweep;

	StrandedFanOutSweep(InvitationBatchRepository batches, FanOutRunner runner, FanOutSettings settings, Clock clock) {
		this.sweep = new StrandedWorkSweep("Invitation batch", "batchId", batches, runner::run, settings.staleAfter(),
				clock);
	}

	@Scheduled(initialDelayString = "${parley.invitation.fan-out.sweep-interval:30s}",
			fixedDelayString = "${parley.invitation.fan-out.sweep-interval:30s}")
	void resumeStrandedFanOuts() {
		this.sweep.sweep();
	}

}
