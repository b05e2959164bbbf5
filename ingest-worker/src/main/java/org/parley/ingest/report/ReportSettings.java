package org.parley.ingest.report;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param staleAfter a report being made with no progress for this long is taken to be
 * abandoned by a worker that died, and is made again
 * @param sweepInterval how often the worker looks for such reports, and for requests the
 * broker lost
 * @param workDirectory where a report's file waits between writing and storing
 */
@ConfigurationProperties("parley.report")
@Validated
record ReportSettings(@DefaultValue("2m") @NotNull Duration staleAfter,
		@DefaultValue("30s") @NotNull Duration sweepInterval, Path workDirectory) {

	Path workDirectoryOrTemp() {
		return (this.workDirectory != null) ? this.workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
