package org.parley.web.outcome;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.messaging.ReportRequested;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.report.Report;
import org.parley.domain.report.ReportFormat;
import org.parley.domain.report.ReportRepository;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for reports: the report row and its {@link ReportRequested} message in one
 * transaction, as an import's, so that the worker hears of every report and of no report
 * that was not stored. Every organiser of the discussion may follow and download it.
 */
@Service
public class Reports {

	private final ReportRepository reports;

	private final DiscussionRepository discussions;

	private final OrganisedDiscussions organised;

	private final Outbox outbox;

	private final Clock clock;

	Reports(ReportRepository reports, DiscussionRepository discussions, OrganisedDiscussions organised, Outbox outbox,
			Clock clock) {
		this.reports = reports;
		this.discussions = discussions;
		this.organised = organised;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	public Report request(UUID discussionId, String format, UUID organiserId) {
		Discussion discussion = this.organised.require(discussionId, organiserId);
		ReportFormat chosen = format(format);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Report report = Report.requested(discussion.id(), organiserId, chosen, now);
		this.reports.add(report);
		this.outbox.send(new ReportRequested(UUID.randomUUID(), report.id(), now));
		return report;
	}

	/** The report, if the organiser organises its discussion. */
	public Optional<Report> find(UUID reportId, UUID organiserId) {
		return this.reports.findById(reportId)
			.filter(r -> this.discussions.isOrganisedBy(r.discussionId(), organiserId));
	}

	static ReportFormat format(String format) {
		if (format != null) {
			for (ReportFormat f : ReportFormat.values()) {
				if (f.name().equalsIgnoreCase(format.strip())) {
					return f;
				}
			}
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "REPORT_FORMAT_INVALID", "Unknown report format",
				"A report is made as PDF or DOCX.");
	}

}
