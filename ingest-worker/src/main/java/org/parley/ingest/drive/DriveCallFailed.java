package org.parley.ingest.drive;

/**
 * Drive answered in a way Parley cannot act on (a malformed request, an unknown error).
 * The job fails with the general problem, and the cause is logged once.
 */
public class DriveCallFailed extends RuntimeException {

	public DriveCallFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
