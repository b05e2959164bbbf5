package org.parley.ingest.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Measures each import job that ends: {@code parley.imports.duration} (a timer by outcome
 * and format) and {@code parley.imports} (a count by outcome and problem code). It reads
 * the outcome that {@link ImportOutcome} recorded on the import, so it must run after it.
 */
@Component
class ImportMetrics implements JobExecutionListener {

	private final DocumentImportRepository imports;

	private final MeterRegistry registry;

	ImportMetrics(DocumentImportRepository imports, MeterRegistry registry) {
		this.imports = imports;
		this.registry = registry;
	}

	@Override
	public void afterJob(JobExecution execution) {
		UUID importId = ImportJobParameters.importId(execution.getJobParameters());
		DocumentImport ended = this.imports.findById(importId).orElse(null);
		if (ended == null || !ended.isFinished()) {
			return;
		}
		String outcome = (ended.state() == ImportState.SUCCEEDED) ? "succeeded" : "failed";
		String problem = (ended.problem() != null) ? ended.problem().code() : "none";
		Timer.builder("parley.imports.duration")
			.description("How long an import job ran, from its start to its outcome")
			.tag("outcome", outcome)
			.tag("format", format(ended))
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(50))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(this.registry)
			.record(duration(execution));
		Counter.builder("parley.imports")
			.description("Imports that ended, by outcome and problem code")
			.tag("outcome", outcome)
			.tag("problem", problem)
			.register(this.registry)
			.increment();
	}

	private static String format(DocumentImport ended) {
		if (ended.mediaType() == null) {
			return "unknown"; // a Drive import that failed before its file was read
		}
		return DocumentFormat.ofMediaType(ended.mediaType())
			.map(format -> format.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.orElse("unknown");
	}

	private static Duration duration(JobExecution execution) {
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = (execution.getEndTime() != null) ? execution.getEndTime() : LocalDateTime.now();
		return (start != null) ? Duration.between(start, end) : Duration.ZERO;
	}

}
