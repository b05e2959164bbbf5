package org.parley.invite.fanout;

import java.time.Clock;
import java.util.UUID;

import org.parley.domain.database.PlannerStatistics;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.outbox.Outbox;
import org.parley.invite.delivery.BatchProgress;
import org.parley.invite.delivery.DeliverySettings;
import org.parley.invite.delivery.LedgerQueue;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** One step: read the list, write the ledger and the outbox, a chunk per transaction. */
@Configuration(proxyBeanMethods = false)
class InvitationFanOutJobConfiguration {

	static final String JOB_NAME = "invitationFanOut";

	@Bean
	@StepScope
	InviteeListReader inviteeListReader(@Value("#{jobParameters['batchId']}") String batchId,
			InvitationBatchRepository batches) {
		return new InviteeListReader(UUID.fromString(batchId), batches);
	}

	@Bean
	@StepScope
	DeliveryLedgerWriter deliveryLedgerWriter(@Value("#{jobParameters['batchId']}") String batchId,
			DeliveryRepository deliveries, SuppressionRepository suppressions, InvitationBatchRepository batches,
			Outbox outbox, LedgerQueue queue, BatchProgress progress, DeliverySettings delivery,
			PlannerStatistics statistics, Clock clock) {
		return new DeliveryLedgerWriter(UUID.fromString(batchId), deliveries, suppressions, batches, outbox, queue,
				progress, delivery, statistics, clock);
	}

	@Bean
	Step fanOutStep(JobRepository jobs, PlatformTransactionManager tx, InviteeListReader inviteeListReader,
			DeliveryLedgerWriter deliveryLedgerWriter, FanOutSettings settings) {
		return new StepBuilder("fanOut", jobs).<Invitee, Invitee>chunk(settings.chunkSize())
			.transactionManager(tx)
			.reader(inviteeListReader)
			.writer(deliveryLedgerWriter)
			.build();
	}

	@Bean
	Job invitationFanOutJob(JobRepository jobs, Step fanOutStep, FanOutOutcome outcome) {
		return new JobBuilder(JOB_NAME, jobs).listener(outcome).start(fanOutStep).build();
	}

}
