package org.parley.ingest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.parley.domain.report.Report;
import org.parley.domain.report.ReportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The store step, in the step's one transaction: the file, and the report marked done.
 * The file's table holds one row per report, so a second run of the job, or a worker that
 * was taken for dead and carries on, stores nothing more.
 */
@Component
class ReportStoring implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportStoring.class);

	private final ReportRepository reports;

	private final ReportProgress progress;

	ReportStoring(ReportRepository reports, ReportProgress progress) {
		this.reports = reports;
		this.progress = progress;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		UUID reportId = ReportJobParameters.reportId(chunkContext);
		Path file = Path.of(chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.getString(ReportJobParameters.FILE));
		try {
			Report report = this.reports.findById(reportId)
				.orElseThrow(() -> new IllegalStateException("Report " + reportId + " is gone"));
			if (this.reports.storeFile(report, file, this.progress.now())) {
				this.reports.update(report.succeed(this.progress.now()));
			}
			else {
				log.info("Report {} has its file already; storing nothing", reportId);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		return RepeatStatus.FINISHED;
	}

}
