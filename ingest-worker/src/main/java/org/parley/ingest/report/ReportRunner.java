package org.parley.ingest.report;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.report.Report;
import org.parley.domain.report.ReportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the report job for one report, once in effect, by the rules of the import runner
 * (architecture.md): a finished report or one another worker still advances is left
 * alone; one whose worker went quiet for longer than stale-after is claimed, recovered
 * and made again.
 */
@Component
class ReportRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

	private final ReportRepository reports;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job discussionReportJob;

	private final ReportSettings settings;

	private final ReportProgress progress;

	ReportRunner(ReportRepository reports, JobRepository jobRepository, JobOperator jobOperator,
			Job discussionReportJob, ReportSettings settings, ReportProgress progress) {
		this.reports = reports;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.discussionReportJob = discussionReportJob;
		this.settings = settings;
		this.progress = progress;
	}

	void run(UUID reportId, boolean redelivered) {
		Optional<Report> found = this.reports.findById(reportId);
		if (found.isEmpty()) {
			log.warn("Report {} requested but unknown; ignoring the request", reportId);
			return;
		}
		if (found.get().isFinished()) {
			log.info("Report {} already {}; ignoring a repeated request", reportId, found.get().state());
			return;
		}
		JobParameters parameters = ReportJobParameters.of(reportId);
		JobExecution last = this.jobRepository.getLastJobExecution(ReportJobConfiguration.JOB_NAME, parameters);
		if (last != null && last.isRunning()) {
			OffsetDateTime now = this.progress.now();
			OffsetDateTime quietSince = now.minus(this.settings.staleAfter());
			if (!found.get().updatedAt().isBefore(quietSince)) {
				log.info("Report {} is being made on another worker; ignoring a repeated request", reportId);
				return;
			}
			if (!this.reports.claimQuiet(reportId, quietSince, now)) {
				log.info("Report {} is being recovered by another worker; ignoring a repeated request", reportId);
				return;
			}
			log.warn("Report {} was abandoned by a worker (redelivered: {}); recovering and restarting", reportId,
					redelivered);
			this.jobOperator.recover(last);
		}
		try {
			JobExecution execution = this.jobOperator.start(this.discussionReportJob, parameters);
			log.info("Report {} ended with {}", reportId, execution.getStatus());
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			log.info("Report {} job already complete; ignoring a repeated request", reportId);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			log.info("Report {} started on another worker meanwhile; ignoring a repeated request", reportId);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("Report " + reportId + " could not be started", ex);
		}
	}

}
