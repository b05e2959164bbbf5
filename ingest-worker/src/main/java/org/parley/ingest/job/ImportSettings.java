package org.parley.ingest.job;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.parley.ingest.structure.OutlineBudget;

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
 * @param maxSections an outline with more sections fails with OUTLINE_TOO_LARGE
 * @param maxParagraphs an outline with more paragraphs in all fails with
 * OUTLINE_TOO_LARGE
 * @param maxTextCharacters an outline with more characters of text in all fails with
 * OUTLINE_TOO_LARGE
 */
@ConfigurationProperties("parley.import")
@Validated
public record ImportSettings(@DefaultValue("2000") @Min(1) int maxPages, Path workDirectory,
		@DefaultValue("2m") @NotNull Duration staleAfter, @DefaultValue("90s") @NotNull Duration readTimeLimit,
		@DefaultValue("5000") @Min(1) int maxSections, @DefaultValue("50000") @Min(1) int maxParagraphs,
		@DefaultValue("10000000") @Min(1) long maxTextCharacters) {

	public OutlineBudget outlineBudget() {
		return new OutlineBudget(this.maxSections, this.maxParagraphs, this.maxTextCharacters);
	}

	public Path workDirectoryOrTemp() {
		return (this.workDirectory != null) ? this.workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
