package org.parley.web.outcome;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.report.Report;
import org.parley.domain.report.ReportRepository;
import org.parley.domain.report.ReportState;
import org.parley.web.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/discussions/{id}/reports}, then {@code /api/reports/{id}}: the report,
 * its progress over SSE and, once made, its file.
 */
@RestController
class ReportController {

	private static final Logger log = LoggerFactory.getLogger(ReportController.class);

	private final Reports reports;

	private final ReportRepository repository;

	private final ReportStreams streams;

	private final OrganisedDiscussions organised;

	ReportController(Reports reports, ReportRepository repository, ReportStreams streams,
			OrganisedDiscussions organised) {
		this.reports = reports;
		this.repository = repository;
		this.streams = streams;
		this.organised = organised;
	}

	@PostMapping(path = "/api/discussions/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReportView> request(@PathVariable UUID id, @RequestBody ReportForm form, Principal principal) {
		Report report = this.reports.request(id, form.format(), this.organised.organiser(principal));
		return ResponseEntity.accepted()
			.location(URI.create("/api/reports/" + report.id()))
			.body(ReportView.of(report));
	}

	@GetMapping("/api/reports/{id}")
	ReportView get(@PathVariable UUID id, Principal principal) {
		return ReportView.of(find(id, principal));
	}

	@GetMapping(path = "/api/reports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id, Principal principal) {
		return this.streams.open(ReportView.of(find(id, principal)));
	}

	@GetMapping("/api/reports/{id}/file")
	void file(@PathVariable UUID id, Principal principal, HttpServletResponse response) throws IOException {
		Report report = find(id, principal);
		Long size = (report.state() == ReportState.SUCCEEDED) ? this.repository.fileSize(report.id()).orElse(null)
				: null;
		if (size == null) {
			throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "REPORT_NOT_READY",
					"Report not ready", "The report is still being made. Please wait for it to finish.");
		}
		response.setContentType(report.format().mediaType());
		response.setContentLengthLong(size);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(report.fileName()).build().toString());
		try {
			this.repository.copyFile(report.id(), response.getOutputStream());
		}
		catch (java.io.UncheckedIOException ex) {
			log.info("The client left the download of report {}", report.id());
		}
	}

	private Report find(UUID id, Principal principal) {
		return this.reports.find(id, this.organised.organiser(principal)).orElseThrow(ProblemException::notFound);
	}

	/** {@code {"format": "PDF" | "DOCX"}} */
	record ReportForm(String format) {
	}

}
