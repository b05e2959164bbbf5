package org.parley.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.imports.ImportState;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.IngestWorkerApplication;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * An import whose worker died (its job execution STARTED, the import quiet for longer
 * than stale-after) is recovered once, however many requests find it abandoned at the
 * same moment: the production shape's fault scenario saw a restarted worker's redelivered
 * request and its own sweep both recover it, the second one recovering the first one's
 * new, live execution.
 */
@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME, "parley.import.sweep-interval=1h" })
class AbandonedImportIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	ImportRunner runner;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	DocumentFetch fetch;

	@Test
	void abandonedImportIsRecoveredAndFinished() throws IOException {
		UUID importId = abandonedImport();

		this.runner.run(importId, true);

		assertThat(this.imports.findById(importId).orElseThrow().state()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(executionStatuses(importId)).containsExactly("FAILED", "COMPLETED");
		assertThat(discussionsOf(importId)).isOne();
	}

	@Test
	void requestArrivingWhileTheRecoveredJobStartsLeavesItAlone() throws Exception {
		UUID importId = abandonedImport();
		AtomicBoolean first = new AtomicBoolean(true);
		doAnswer(invocation -> {
			if (first.getAndSet(false)) {
				// The recovered job exists and has not reported yet: a sweep or a
				// redelivery finds the import now.
				this.runner.run(importId, true);
			}
			return invocation.callRealMethod();
		}).when(this.fetch).execute(any(), any());

		this.runner.run(importId, true);

		assertThat(this.imports.findById(importId).orElseThrow().state()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(executionStatuses(importId)).as("the dead worker's execution, then one recovery")
			.containsExactly("FAILED", "COMPLETED");
		assertThat(discussionsOf(importId)).isOne();
	}

	/**
	 * An import at 40 % an hour ago, whose job execution is still STARTED: its worker
	 * died.
	 */
	private UUID abandonedImport() throws IOException {
		OffsetDateTime hourAgo = OffsetDateTime.now().minusHours(1);
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", hourAgo));
		DocumentImport uploaded = DocumentImport.uploaded(organiser, "doc-office.pdf", "application/pdf", null,
				hourAgo);
		try (InputStream in = getClass().getResourceAsStream("/samples/ogp-draft-strategy/doc-office.pdf")) {
			this.imports.add(uploaded, in.readAllBytes());
		}
		this.imports.update(uploaded.progress(ImportStage.EXTRACTING, 40, "Reading", 12, hourAgo));
		JobParameters parameters = ImportJobParameters.of(uploaded.id());
		JobInstance instance = this.jobRepository.createJobInstance(ImportJobConfiguration.JOB_NAME, parameters);
		JobExecution dead = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		dead.setStatus(BatchStatus.STARTED);
		dead.setStartTime(LocalDateTime.now().minusHours(1));
		this.jobRepository.update(dead);
		return uploaded.id();
	}

	private List<String> executionStatuses(UUID importId) {
		return this.jdbc.sql("""
				select e.status from batch_job_execution e join batch_job_execution_params p
				  on p.job_execution_id = e.job_execution_id
				where p.parameter_name = 'importId' and p.parameter_value = :id order by e.job_execution_id""")
			.param("id", importId.toString())
			.query(String.class)
			.list();
	}

	private long discussionsOf(UUID importId) {
		return this.jdbc.sql("select count(*) from discussion where import_id = :id")
			.param("id", importId)
			.query(Long.class)
			.single();
	}

}
