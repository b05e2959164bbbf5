package org.parley.web.outcome;

import java.util.Optional;
import java.util.UUID;

import org.parley.domain.messaging.ReportProgressed;
import org.parley.domain.report.ReportRepository;
import org.parley.web.progress.ProgressStreams;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by report. */
@Component
class ReportStreams extends ProgressStreams<ReportView> {

	private final ReportRepository reports;

	ReportStreams(ReportRepository reports) {
		super("report", ReportProgressed.class);
		this.reports = reports;
	}

	@Override
	protected Optional<ReportView> load(UUID reportId) {
		return this.reports.findById(reportId).map(ReportView::of);
	}

	@Override
	protected String eventId(ReportView view) {
		return view.state() + "-" + view.percent();
	}

}
