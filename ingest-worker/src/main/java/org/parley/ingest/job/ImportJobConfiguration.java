package org.parley.ingest.job;

import org.parley.ingest.batch.TaskletSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * fetch → extract → structure → save. The first three steps keep their results in memory
 * and run again on a restart; save writes the whole discussion in its one transaction.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String JOB_NAME = "documentImport";

	@Bean
	Step fetchStep(JobRepository jobs, PlatformTransactionManager tx, DocumentFetch fetch) {
		return TaskletSteps.repeatable("fetch", jobs, tx, fetch);
	}

	@Bean
	Step extractStep(JobRepository jobs, PlatformTransactionManager tx, TextExtraction extraction) {
		return TaskletSteps.repeatable("extract", jobs, tx, extraction);
	}

	@Bean
	Step structureStep(JobRepository jobs, PlatformTransactionManager tx, OutlineStructuring structuring) {
		return TaskletSteps.repeatable("structure", jobs, tx, structuring);
	}

	@Bean
	Step saveStep(JobRepository jobs, PlatformTransactionManager tx, DiscussionSave save) {
		return TaskletSteps.once("save", jobs, tx, save);
	}

	/**
	 * Listeners run after the job in reverse order: the outcome is recorded first, then
	 * measured.
	 */
	@Bean
	Job documentImportJob(JobRepository jobs, Step fetchStep, Step extractStep, Step structureStep, Step saveStep,
			ImportMetrics metrics, ImportOutcome outcome) {
		return new JobBuilder(JOB_NAME, jobs).listener(metrics)
			.listener(outcome)
			.start(fetchStep)
			.next(extractStep)
			.next(structureStep)
			.next(saveStep)
			.build();
	}

}
