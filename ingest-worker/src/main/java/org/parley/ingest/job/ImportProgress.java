package org.parley.ingest.job;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.messaging.ImportProgressed;
import org.parley.domain.messaging.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records where an import stands and tells the web about it. Each report commits on its
 * own, outside the step's transaction, so that a page shows progress while the step still
 * runs; the event that follows is only a nudge to re-read the database, so losing one is
 * harmless.
 */
@Component
class ImportProgress {

	private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

	private final DocumentImportRepository imports;

	private final RabbitTemplate rabbit;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ImportProgress(DocumentImportRepository imports, RabbitTemplate rabbit, PlatformTransactionManager transactions,
			Clock clock) {
		this.imports = imports;
		this.rabbit = rabbit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void report(UUID importId, ImportStage stage, int percent, String message, Integer pages) {
		change(importId, i -> i.progress(stage, percent, message, pages, now()));
	}

	/**
	 * Records the fetched document's name and format, which a Drive import learns only
	 * now.
	 */
	void fetched(UUID importId, String name, String mediaType) {
		this.ownTransaction.executeWithoutResult(status -> this.imports.findById(importId)
			.ifPresent(i -> this.imports.update(i.fetched(name, mediaType, now()))));
	}

	void fail(UUID importId, ImportProblem problem) {
		change(importId, i -> i.fail(problem, now()));
	}

	private void change(UUID importId, UnaryOperator<DocumentImport> next) {
		Boolean changed = this.ownTransaction.execute(
				status -> this.imports.findById(importId).map(i -> this.imports.update(next.apply(i))).orElse(false));
		if (Boolean.TRUE.equals(changed)) {
			announce(importId);
		}
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
		try {
			this.rabbit.convertAndSend(Topology.PROGRESS_EXCHANGE, "", new ImportProgressed(importId));
		}
		catch (AmqpException ex) {
			log.warn("Progress of import {} not announced; pages will catch up from the database: {}", importId,
					ex.getMessage());
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
