package org.parley.ingest.job;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxPages more pages than this and the import fails with TOO_MANY_PAGES
 * @param workDirectory where fetched documents wait while the job reads them
 * @param staleAfter a running import with no progress for this long is taken to be abandoned by
 * a worker that died, and is restarted
 */
@ConfigurationProperties("parley.import")
@Validated
public record ImportSettings(@DefaultValue("2000") @Min(1) int maxPages, Path workDirectory,
		@DefaultValue("2m") @NotNull Duration staleAfter) {

	public Path workDirectoryOrTemp() {
		return (this.workDirectory != null) ? this.workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
