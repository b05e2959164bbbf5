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
 * @param staleAfter a running import with no progress for this long is taken to be
 * abandoned by a worker that died, and is restarted
 * @param readTimeLimit reading one PDF may take this long, else the import fails with
 * PDF_TOO_COMPLEX; keep it below {@code staleAfter}, so that a worker stuck on one page
 * gives up before another takes the import over (the 434-page reference draft reads in
 * about two seconds)
 */
@ConfigurationProperties("parley.import")
@Validated
public record ImportSettings(@DefaultValue("2000") @Min(1) int maxPages, Path workDirectory,
		@DefaultValue("2m") @NotNull Duration staleAfter, @DefaultValue("90s") @NotNull Duration readTimeLimit) {

	public Path workDirectoryOrTemp() {
		return (this.workDirectory != null) ? this.workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
