package org.parley.domain.report;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.work.JobRow;

/**
 * One report of a discussion, from the organiser's request to its file. Immutable: each
 * state change returns the next state, which the repository saves.
 *
 * @param problemCode why it failed ({@code REPORT_FAILED}), or null
 */
public record Report(UUID id, UUID discussionId, UUID organiserId, ReportFormat format, ReportState state,
		ReportStage stage, int percent, String message, String problemCode, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) implements JobRow {

	public static final String QUEUED_MESSAGE = "Creating your report… please do not close this window.";

	public static Report requested(UUID discussionId, UUID organiserId, ReportFormat format, OffsetDateTime now) {
		return new Report(UUID.randomUUID(), discussionId, organiserId, format, ReportState.QUEUED, null, 0,
				QUEUED_MESSAGE, null, now, now);
	}

	public Report progress(ReportStage nextStage, int nextPercent, String nextMessage, OffsetDateTime now) {
		if (this.state.isFinal()) {
			return this;
		}
		int clamped = Math.max(0, Math.min(99, nextPercent));
		return new Report(this.id, this.discussionId, this.organiserId, this.format, ReportState.RUNNING, nextStage,
				clamped, nextMessage, null, this.createdAt, now);
	}

	public Report succeed(OffsetDateTime now) {
		return new Report(this.id, this.discussionId, this.organiserId, this.format, ReportState.SUCCEEDED,
				ReportStage.STORING, 100, "Your report is ready.", null, this.createdAt, now);
	}

	public Report fail(String code, String why, OffsetDateTime now) {
		if (this.state == ReportState.SUCCEEDED) {
			return this;
		}
		return new Report(this.id, this.discussionId, this.organiserId, this.format, ReportState.FAILED, this.stage,
				this.percent, why, code, this.createdAt, now);
	}

	@Override
	public boolean isFinished() {
		return this.state.isFinal();
	}

	@Override
	public ReportState workState() {
		return this.state;
	}

	/** The name the file is downloaded under. */
	public String fileName() {
		return "report-" + this.id + "." + this.format.extension();
	}

}
