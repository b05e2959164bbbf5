package org.parley.ingest.batch;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two kinds of step the worker's jobs are made of, one tasklet each. A step whose
 * result lives in the worker's memory must run again on a restart, because that memory
 * died with the worker; a step that writes its result to the database runs once.
 */
public final class TaskletSteps {

	private TaskletSteps() {
	}

	/** A step that runs again on a restart, even if it completed before. */
	public static Step repeatable(String name, JobRepository jobs, PlatformTransactionManager tx, Tasklet tasklet) {
		return new StepBuilder(name, jobs).tasklet(tasklet, tx).allowStartIfComplete(true).build();
	}

	/** A step whose completion is final: a restart skips it. */
	public static Step once(String name, JobRepository jobs, PlatformTransactionManager tx, Tasklet tasklet) {
		return new StepBuilder(name, jobs).tasklet(tasklet, tx).build();
	}

}
