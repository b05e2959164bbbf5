package org.parley.web.invitation;

import java.util.UUID;

/**
 * An export broke off on Parley's side (the database failed) after some of it was
 * written.
 */
class ExportInterrupted extends RuntimeException {

	private final int linesWritten;

	ExportInterrupted(UUID batchId, int linesWritten, Throwable cause) {
		super("The export of batch " + batchId + " broke off after " + linesWritten + " lines", cause);
		this.linesWritten = linesWritten;
	}

	int linesWritten() {
		return this.linesWritten;
	}

}
