package org.parley.domain.report;

/** Where a report stands: waiting for a worker, being made, or done either way. */
public enum ReportState {

	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public boolean isFinal() {
		return this == SUCCEEDED || this == FAILED;
	}

}
