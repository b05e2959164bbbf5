package org.parley.web.outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteRepository;
import org.parley.domain.report.Report;
import org.parley.domain.report.ReportRepository;
import org.parley.domain.report.ReportStage;
import org.parley.domain.test.OutcomeFixture;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The web's half of a report: the request stored with its message in the outbox, the
 * report's JSON and page while a worker makes it, and the download once it is stored. The
 * worker's half is the ingest-worker's {@code ReportJobIntegrationTests}.
 */
@WebIntegrationTest
class ReportRequestIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	VoteRepository votes;

	@Autowired
	ResponseRepository responses;

	@Autowired
	CommentGroupRepository groups;

	@Autowired
	ReportRepository reports;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	OutcomeFixture.Made made;

	@BeforeEach
	void discussion() {
		this.made = new OutcomeFixture(this.organisers, this.discussions, this.participants, this.comments, this.votes,
				this.responses, this.groups)
			.discussion(null, this.passwords.encode(TestOrganisers.PASSWORD));
	}

	@Test
	void requestIsAcceptedWithItsMessageInTheOutboxAndServedAsAnImportIs() throws IOException {
		MvcTestResult accepted = request("{\"format\":\"PDF\"}");

		assertThat(accepted).hasStatus(202);
		String location = accepted.getResponse().getHeader("Location");
		assertThat(location).startsWith("/api/reports/");
		UUID id = UUID.fromString(location.substring("/api/reports/".length()));
		assertThat(accepted).bodyJson().extractingPath("$.state").isEqualTo("QUEUED");
		assertThat(accepted).bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Creating your report… please do not close this window.");
		assertThat(this.jdbc
			.sql("select count(*) from outbox_message where routing_key = 'parley.report.requested' "
					+ "and payload like :id")
			.param("id", "%" + id + "%")
			.query(Long.class)
			.single()).isOne();
		MvcTestResult view = this.mvc.get().uri(location).with(organiser()).exchange();
		assertThat(view).bodyJson().extractingPath("$.id").isEqualTo(id.toString());
		assertThat(view).bodyJson().extractingPath("$.download").isNull();
		assertThat(view.getResponse().getContentAsString()).contains("\"stage\"", "\"percent\"", "\"error\"");
		assertThat(this.mvc.get().uri(location + "/file").with(organiser())).hasStatus(409);
	}

	@Test
	void finishedReportIsDownloadedByEveryOrganiserAndNobodyElse() throws IOException {
		UUID id = reportId(request("{\"format\":\"DOCX\"}"));
		Report report = this.reports.findById(id).orElseThrow();
		Path file = Files.createTempFile("report", ".docx");
		Files.write(file, new byte[] { 'P', 'K', 3, 4, 42 });
		this.reports.update(report.progress(ReportStage.STORING, 90, "Storing", OffsetDateTime.now()));
		this.reports.storeFile(report, file, OffsetDateTime.now());
		this.reports.update(report.succeed(OffsetDateTime.now()));

		MvcTestResult view = this.mvc.get().uri("/api/reports/{id}", id).with(organiser()).exchange();
		assertThat(view).bodyJson().extractingPath("$.state").isEqualTo("SUCCEEDED");
		assertThat(view).bodyJson().extractingPath("$.download").isEqualTo("/api/reports/" + id + "/file");
		String page = this.mvc.get()
			.uri("/reports/{id}", id)
			.with(organiser())
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("the progress page of a finished report names its state, in words")
			.contains("<span id=\"progress-stage\">Ready</span>")
			.doesNotContain(">STORING<");
		MvcTestResult download = this.mvc.get().uri("/api/reports/{id}/file", id).with(organiser()).exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).containsExactly('P', 'K', 3, 4, 42);
		assertThat(download.getResponse().getContentType())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(download.getResponse().getHeader("Content-Disposition")).contains("report-" + id + ".docx");
		assertThat(this.mvc.get()
			.uri("/api/reports/{id}/events", id)
			.with(organiser())
			.exchange()
			.getResponse()
			.getContentAsString()).as("a finished report's stream sends its state and closes")
			.contains("event:report", "SUCCEEDED");

		String other = TestOrganisers.add(this.organisers, this.passwords, "other", "Other").email();
		assertThat(this.mvc.get().uri("/api/reports/{id}/file", id).with(httpBasic(other, TestOrganisers.PASSWORD)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/api/reports/{id}", id).with(httpBasic(other, TestOrganisers.PASSWORD)))
			.hasStatus(404);
	}

	@Test
	void unknownFormatIsRefusedAndNothingIsStored() {
		long before = this.jdbc.sql("select count(*) from report").query(Long.class).single();

		assertThat(request("{\"format\":\"ODT\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("REPORT_FORMAT_INVALID");
		assertThat(this.jdbc.sql("select count(*) from report").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void discussionPageFormLeadsToTheProgressPage() throws IOException {
		MvcTestResult posted = this.mvc.post()
			.uri("/discussions/{id}/reports", this.made.discussionId())
			.param("format", "PDF")
			.with(organiser())
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus(302);
		String page = posted.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/reports/");

		MvcTestResult progress = this.mvc.get().uri(page).with(organiser()).exchange();
		assertThat(progress).hasStatusOk();
		assertThat(progress.getResponse().getContentAsString()).contains("please do not close this window",
				"report-progress.js");
		assertThat(this.mvc.get()
			.uri("/discussions/{id}", this.made.discussionId())
			.with(organiser())
			.exchange()
			.getResponse()
			.getContentAsString()).contains("id=\"report-form\"", "comments.xlsx?include=hidden");
	}

	private MvcTestResult request(String body) {
		return this.mvc.post()
			.uri("/api/discussions/{id}/reports", this.made.discussionId())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(organiser())
			.with(csrf())
			.exchange();
	}

	private static UUID reportId(MvcTestResult accepted) {
		return UUID.fromString(accepted.getResponse().getHeader("Location").substring("/api/reports/".length()));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor organiser() {
		return httpBasic(this.made.organiserEmail(), TestOrganisers.PASSWORD);
	}

}
