package org.parley.ingest.job;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.messaging.ImportProgressed;
import org.parley.domain.messaging.broker.ProgressAnnouncer;
import org.parley.domain.work.JobRowProgress;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Records where an import stands and tells the web about it, each change in its own
 * transaction ({@link JobRowProgress}), so that a page shows progress while the step
 * still runs.
 */
@Component
class ImportProgress {

	private final DocumentImportRepository imports;

	private final JobRowProgress<DocumentImport> progress;

	private final ProgressAnnouncer announcer;

	private final Clock clock;

	ImportProgress(DocumentImportRepository imports, RabbitTemplate rabbit, PlatformTransactionManager transactions,
			Clock clock) {
		this.imports = imports;
		this.progress = new JobRowProgress<>(transactions, imports::findById, imports::update, this::announce);
		this.announcer = new ProgressAnnouncer(rabbit);
		this.clock = clock;
	}

	void report(UUID importId, ImportStage stage, int percent, String message, Integer pages) {
		this.progress.change(importId, i -> i.progress(stage, percent, message, pages, now()));
	}

	/**
	 * Records the fetched document's name and format, which a Drive import learns only
	 * now.
	 */
	void fetched(UUID importId, String name, String mediaType) {
		this.progress.record(importId, i -> i.fetched(name, mediaType, now()));
	}

	void fail(UUID importId, ImportProblem problem) {
		this.progress.change(importId, i -> i.fail(problem, now()));
	}

	/**
	 * Marks the import done, in the caller's transaction: the one that saves the
	 * discussion.
	 */
	DocumentImport succeed(DocumentImport documentImport, UUID discussionId) {
		DocumentImport done = documentImport.succeed(discussionId, now());
		this.imports.update(done);
		return done;
	}

	void announce(UUID importId) {
		this.announcer.announce(new ImportProgressed(importId), "import", importId);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
