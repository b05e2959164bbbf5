package org.parley.web.outcome;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.parley.domain.report.Report;
import org.parley.domain.report.ReportFormat;
import org.parley.domain.report.ReportStage;
import org.parley.domain.report.ReportState;
import org.parley.web.progress.ProgressStreams;

/**
 * A report as the API shows it, {@code GET /api/reports/{id}} and every SSE event:
 * {@code {id, state, stage, percent, message, error, download}}, as an import.
 *
 * @param download the file's URL once {@code SUCCEEDED}, else null
 */
public record ReportView(UUID id, ReportState state, ReportStage stage, int percent, String message, Error error,
		String download, UUID discussionId, ReportFormat format) implements ProgressStreams.Progress {

	/** The state and how far it got: a repeated event id tells a client nothing moved. */
	@JsonIgnore
	@Override
	public String eventId() {
		return this.state + "-" + this.percent;
	}

	static ReportView of(Report r) {
		Error error = (r.problemCode() != null)
				? new Error("https://parley.example/problems/" + r.problemCode().toLowerCase().replace('_', '-'),
						"Report failed", 422, r.message(), r.problemCode())
				: null;
		String download = (r.state() == ReportState.SUCCEEDED) ? "/api/reports/" + r.id() + "/file" : null;
		return new ReportView(r.id(), r.state(), r.stage(), r.percent(), r.message(), error, download, r.discussionId(),
				r.format());
	}

	@JsonIgnore
	public boolean isFinished() {
		return this.state.isFinal();
	}

	/** The problem object of a failed report, as in problem+json. */
	public record Error(String type, String title, int status, String detail, String code) {
	}

}
