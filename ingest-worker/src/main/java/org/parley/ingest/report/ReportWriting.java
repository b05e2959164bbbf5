package org.parley.ingest.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.parley.domain.report.Report;
import org.parley.domain.report.ReportFormat;
import org.parley.domain.report.ReportRepository;
import org.parley.domain.report.ReportStage;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The write step: reads the consultation and writes the report to a file of the worker's,
 * whose path the job's execution context carries to the store step. It runs again on a
 * restart, since the file of a worker that died is gone with it.
 */
@Component
class ReportWriting implements Tasklet {

	private final ReportRepository reports;

	private final ConsultationReader reader;

	private final ReportProgress progress;

	private final ReportSettings settings;

	ReportWriting(ReportRepository reports, ConsultationReader reader, ReportProgress progress,
			ReportSettings settings) {
		this.reports = reports;
		this.reader = reader;
		this.progress = progress;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		UUID reportId = ReportJobParameters.reportId(chunkContext);
		Report report = this.reports.findById(reportId)
			.orElseThrow(() -> new IllegalStateException("Report " + reportId + " is gone"));
		this.progress.report(reportId, ReportStage.GATHERING, 5, "Reading the consultation…");
		Consultation consultation = this.reader.read(report.discussionId(), read -> this.progress.report(reportId,
				ReportStage.GATHERING, Math.min(30, 5 + read / 1000), "Reading the comments (" + read + ")…"));
		int sections = Math.max(1, consultation.sections().size());
		this.progress.report(reportId, ReportStage.WRITING, 35, "Writing the report…");
		Path directory = this.settings.workDirectoryOrTemp();
		Files.createDirectories(directory);
		Path file = Files.createTempFile(directory, "report-" + reportId + "-", "." + report.format().extension());
		try (OutputStream out = Files.newOutputStream(file)) {
			java.util.function.IntConsumer written = n -> this.progress.report(reportId, ReportStage.WRITING,
					35 + 45 * n / sections, "Writing section " + n + " of " + sections + "…");
			if (report.format() == ReportFormat.PDF) {
				PdfReport.write(consultation, out, written);
			}
			else {
				DocxReport.write(consultation, out, written);
			}
		}
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putString(ReportJobParameters.FILE, file.toString());
		this.progress.report(reportId, ReportStage.STORING, 90, "Storing the report…");
		return RepeatStatus.FINISHED;
	}

}
