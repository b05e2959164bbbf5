package org.parley.ingest.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.ingest.job.ImportRunner;
import org.parley.ingest.job.ImportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up imports that nobody advances: their request was lost with an embedded broker's
 * memory, or their worker died. The database, not the broker, is the record of what must
 * be done, so a restart strands nothing; the runner's rules make a second run of a live
 * import harmless.
 */
@Component
class StrandedImportSweep {

	private static final Logger log = LoggerFactory.getLogger(StrandedImportSweep.class);

	private final DocumentImportRepository imports;

	private final ImportRunner runner;

	private final ImportSettings settings;

	private final Clock clock;

	StrandedImportSweep(DocumentImportRepository imports, ImportRunner runner, ImportSettings settings, Clock clock) {
		this.imports = imports;
		this.runner = runner;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${parley.import.sweep-interval:30s}",
			fixedDelayString = "${parley.import.sweep-interval:30s}")
	void resumeStrandedImports() {
		OffsetDateTime quietSince = OffsetDateTime.now(this.clock).minus(this.settings.staleAfter());
		for (UUID importId : this.imports.findUnfinishedQuietSince(quietSince, 10)) {
			try (MDC.MDCCloseable id = MDC.putCloseable("importId", importId.toString())) {
				log.warn("Import {} has not moved since before {}; resuming it", importId, quietSince);
				this.runner.run(importId, true);
			}
		}
	}

}
