package org.parley.ingest.report;

import org.parley.ingest.batch.TaskletSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * write → store. Write runs again on a restart (its file lived on the worker that died);
 * store writes the file and the report's end in one transaction, once.
 */
@Configuration(proxyBeanMethods = false)
class ReportJobConfiguration {

	static final String JOB_NAME = "discussionReport";

	@Bean
	Step reportWriteStep(JobRepository jobs, PlatformTransactionManager tx, ReportWriting writing) {
		return TaskletSteps.repeatable("reportWrite", jobs, tx, writing);
	}

	@Bean
	Step reportStoreStep(JobRepository jobs, PlatformTransactionManager tx, ReportStoring storing) {
		return TaskletSteps.once("reportStore", jobs, tx, storing);
	}

	@Bean
	Job discussionReportJob(JobRepository jobs, Step reportWriteStep, Step reportStoreStep, ReportOutcome outcome) {
		return new JobBuilder(JOB_NAME, jobs).listener(outcome).start(reportWriteStep).next(reportStoreStep).build();
	}

}
