package org.parley.ingest.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
		return new StepBuilder("fetch", jobs).tasklet(fetch, tx).allowStartIfComplete(true).build();
	}

	@Bean
	Step extractStep(JobRepository jobs, PlatformTransactionManager tx, TextExtraction extraction) {
		return new StepBuilder("extract", jobs).tasklet(extraction, tx).allowStartIfComplete(true).build();
	}

	@Bean
	Step structureStep(JobRepository jobs, PlatformTransactionManager tx, OutlineStructuring structuring) {
		return new StepBuilder("structure", jobs).tasklet(structuring, tx).allowStartIfComplete(true).build();
	}

	@Bean
	Step saveStep(JobRepository jobs, PlatformTransactionManager tx, DiscussionSave save) {
		return new StepBuilder("save", jobs).tasklet(save, tx).build();
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
