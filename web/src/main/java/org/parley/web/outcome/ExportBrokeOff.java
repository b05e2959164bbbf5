package org.parley.web.outcome;

import java.util.UUID;

/**
 * An export broke off on Parley's side (the database failed) after some of it was
 * written.
 */
class ExportBrokeOff extends RuntimeException {

	ExportBrokeOff(UUID discussionId, long rowsWritten, Throwable cause) {
		super("The export of discussion " + discussionId + " broke off after " + rowsWritten + " rows", cause);
	}

}
