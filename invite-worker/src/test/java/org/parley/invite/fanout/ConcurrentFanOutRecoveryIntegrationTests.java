package org.parley.invite.fanout;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Two invite-workers that find one abandoned fan-out at the same moment (a redelivered
 * request and a sweep, or two sweeps): only the one that wins the claim recovers it, so
 * the other never recovers the winner's new, live execution.
 */
@InviteWorkerIntegrationTest
@TestPropertySource(properties = "parley.invitation.fan-out.sweep-interval=1h")
class ConcurrentFanOutRecoveryIntegrationTests {

	static final GreenMail mail = MailCatcher.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, mail.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	FanOutRunner runner;

	@MockitoSpyBean
	InvitationBatchRepository batches;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoWorkersRecoveringOneAbandonedFanOutRecoverItOnce() throws Exception {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("email\n");
		for (int i = 0; i < 300; i++) {
			csv.append("race").append(i).append('-').append(tag).append("@example.org\n");
		}
		UUID batchId = fixtures.store(fixtures.discussion("Race"), csv.toString(), null, false);
		abandon(batchId);
		// Both workers read the abandoned batch before either acts on it.
		CyclicBarrier bothRead = new CyclicBarrier(2);
		Set<String> passed = ConcurrentHashMap.newKeySet();
		doAnswer(invocation -> {
			Object batch = invocation.callRealMethod();
			String thread = Thread.currentThread().getName();
			if (thread.startsWith("recovery-") && passed.add(thread)) {
				bothRead.await(10, TimeUnit.SECONDS);
			}
			return batch;
		}).when(this.batches).findById(any());

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.runner.run(batchId),
				r -> new Thread(r, "recovery-1").start());
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> this.runner.run(batchId),
				r -> new Thread(r, "recovery-2").start());
		CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

		assertThat(executionStatuses(batchId)).as("the dead worker's execution, then one recovery")
			.containsExactly("FAILED", "COMPLETED");
		assertThat(this.jdbc.sql("select count(*) from invitation_delivery where batch_id = :b")
			.param("b", batchId)
			.query(Integer.class)
			.single()).isEqualTo(300);
		fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
	}

	/**
	 * A fan-out that last moved an hour ago, whose job execution is still STARTED: its
	 * worker died.
	 */
	private void abandon(UUID batchId) throws Exception {
		this.jdbc.sql("update invitation_batch set fan_out = 'RUNNING', updated_at = :t where id = :id")
			.param("t", OffsetDateTime.now().minusHours(1))
			.param("id", batchId)
			.update();
		JobParameters parameters = FanOutJobParameters.of(batchId);
		JobInstance instance = this.jobRepository.createJobInstance(InvitationFanOutJobConfiguration.JOB_NAME,
				parameters);
		JobExecution dead = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		dead.setStatus(BatchStatus.STARTED);
		dead.setStartTime(LocalDateTime.now().minusHours(1));
		this.jobRepository.update(dead);
	}

	private List<String> executionStatuses(UUID batchId) {
		return this.jdbc.sql("""
				select e.status from batch_job_execution e join batch_job_execution_params p
				  on p.job_execution_id = e.job_execution_id
				where p.parameter_name = 'batchId' and p.parameter_value = :id order by e.job_execution_id""")
			.param("id", batchId.toString())
			.query(String.class)
			.list();
	}

}
