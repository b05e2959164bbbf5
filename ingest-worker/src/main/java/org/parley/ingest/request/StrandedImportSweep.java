package org.parley.ingest.request;

import java.time.Clock;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.work.StrandedWorkSweep;
import org.parley.ingest.job.ImportRunner;
import org.parley.ingest.job.ImportSettings;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up imports that nobody advances ({@link StrandedWorkSweep}): their request was
 * lost with an embedded broker's memory, or their worker died.
 */
@Component
class StrandedImportSweep {

	private final StrandedWorkSweep sweep;

	StrandedImportSweep(DocumentImportRepository imports, ImportRunner runner, ImportSettings settings, Clock clock) {
		this.sweep = new StrandedWorkSweep("Import", "importId", imports, id -> runner.run(id, true),
				settings.staleAfter(), clock);
	}

	@Scheduled(initialDelayString = "${parley.import.sweep-interval:30s}",
			fixedDelayString = "${parley.import.sweep-interval:30s}")
	void resumeStrandedImports() {
		this.sweep.sweep();
	}

}
