package org.parley.web.outcome;

import org.parley.domain.messaging.ReportProgressed;
import org.parley.domain.report.ReportRepository;
import org.parley.web.progress.ProgressStreams;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by report. */
@Component
class ReportStreams extends ProgressStreams<ReportView> {

	ReportStreams(ReportRepository reports) {
		super("report", ReportProgressed.class, id -> reports.findById(id).map(ReportView::of));
	}

}
