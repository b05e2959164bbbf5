package org.parley.ingest.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.messaging.ReportRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteRepository;
import org.parley.domain.report.Report;
import org.parley.domain.report.ReportFormat;
import org.parley.domain.report.ReportRepository;
import org.parley.domain.report.ReportState;
import org.parley.domain.test.OutcomeFixture;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.IngestWorkerApplication;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The report job on the test database and broker: a request makes one report, read back
 * with PDFBox or POI; a worker killed mid-way leaves a report that the next request after
 * a restart finishes, with exactly one file, whatever the dead worker does if it wakes.
 */
@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME, "parley.import.sweep-interval=1h",
				"parley.report.sweep-interval=1h" })
class ReportJobIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	ReportRunner runner;

	@Autowired
	ReportRepository reports;

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
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	ConsultationReader reader;

	OutcomeFixture.Made made;

	@BeforeEach
	void discussion() {
		this.made = new OutcomeFixture(this.organisers, this.discussions, this.participants, this.comments, this.votes,
				this.responses, this.groups)
			.discussion(null, "{noop}x");
	}

	@Test
	void requestedPdfReportIsMadeOnceWithPublishedCommentsAndEachGroupOnce() throws IOException {
		Report report = report(ReportFormat.PDF);

		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPORT_REQUESTED,
				new ReportRequested(UUID.randomUUID(), report.id(), OffsetDateTime.now()));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.reports.findById(report.id()).orElseThrow().state() == ReportState.SUCCEEDED);
		try (PDDocument pdf = Loader.loadPDF(file(report.id()))) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Cycling plan", "The scope is too narrow.", "We widen it to the villages.",
					"I agree with Alice.", "Identical or nearly identical text sent by 3 participants",
					"Partly accepted");
			assertThat(text).as("hidden and waiting comments stay out of a published report")
				.doesNotContain("Something rude.")
				.doesNotContain("Waiting for approval.");
			assertThat(occurrences(text, "it is the safest for children")).as("a group is shown once").isOne();
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
		}
		this.runner.run(report.id(), true);
		assertThat(files(report.id())).isOne();
		assertThat(executions(report.id())).containsExactly("COMPLETED");
	}

	@Test
	void docxReportHasTheSameContent() throws IOException {
		Report report = report(ReportFormat.DOCX);

		this.runner.run(report.id(), false);

		assertThat(this.reports.findById(report.id()).orElseThrow().state()).isEqualTo(ReportState.SUCCEEDED);
		try (XWPFDocument docx = new XWPFDocument(new java.io.ByteArrayInputStream(file(report.id())));
				XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
			assertThat(words.getText())
				.contains("Cycling plan", "The river route comes first.",
						"Identical or nearly identical text sent by 3 participants")
				.doesNotContain("Something rude.");
		}
	}

	@Test
	void reportOfAWorkerKilledMidWayIsFinishedAfterARestartWithExactlyOneFile() throws Exception {
		Report report = report(ReportFormat.PDF);
		CountDownLatch midWay = new CountDownLatch(1);
		CountDownLatch wake = new CountDownLatch(1);
		AtomicBoolean first = new AtomicBoolean(true);
		doAnswer(invocation -> {
			if (first.getAndSet(false)) {
				// The first worker has started the job and reported, then stops here for
				// good: killed.
				midWay.countDown();
				wake.await();
			}
			return invocation.callRealMethod();
		}).when(this.reader).read(any(), any());
		Thread dead = new Thread(() -> this.runner.run(report.id(), false), "killed-worker");
		dead.start();
		assertThat(midWay.await(30, TimeUnit.SECONDS)).isTrue();
		Report stuck = this.reports.findById(report.id()).orElseThrow();
		assertThat(stuck.state()).isEqualTo(ReportState.RUNNING);
		assertThat(executions(report.id())).containsExactly("STARTED");
		// Nothing moved for longer than stale-after: the worker is dead to everyone else.
		this.jdbc.sql("update report set updated_at = :t where id = :id")
			.param("t", OffsetDateTime.now().minusHours(1))
			.param("id", report.id())
			.update();

		this.runner.run(report.id(), true);

		Report done = this.reports.findById(report.id()).orElseThrow();
		assertThat(done.state()).isEqualTo(ReportState.SUCCEEDED);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(files(report.id())).isOne();
		assertThat(executions(report.id())).as("the dead worker's execution, then the restart's")
			.containsExactly("FAILED", "COMPLETED");

		wake.countDown();
		dead.join(TimeUnit.SECONDS.toMillis(60));
		assertThat(files(report.id())).as("the woken worker stores nothing more").isOne();
		assertThat(this.reports.findById(report.id()).orElseThrow().state()).isEqualTo(ReportState.SUCCEEDED);
		try (PDDocument pdf = Loader.loadPDF(file(report.id()))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Cycling plan");
		}
	}

	private Report report(ReportFormat format) {
		Report report = Report.requested(this.made.discussionId(), this.made.organiserId(), format,
				OffsetDateTime.now());
		this.reports.add(report);
		return report;
	}

	private byte[] file(UUID reportId) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(this.reports.copyFile(reportId, out)).isTrue();
		return out.toByteArray();
	}

	private long files(UUID reportId) {
		return this.jdbc.sql("select count(*) from report_file where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	private List<String> executions(UUID reportId) {
		return this.jdbc.sql("""
				select e.status from batch_job_execution e join batch_job_execution_params p
				  on p.job_execution_id = e.job_execution_id
				where p.parameter_name = 'reportId' and p.parameter_value = :id order by e.job_execution_id""")
			.param("id", reportId.toString())
			.query(String.class)
			.list();
	}

	private static int occurrences(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
