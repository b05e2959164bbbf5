package org.parley.web.system;

/**
 * An export broke off on Parley's side (the database failed) after some of it may have
 * been written. {@link ApiProblems} answers it as a problem while nothing went out yet,
 * and otherwise hands it on to the servlet container.
 */
public class ExportBrokeOff extends RuntimeException {

	/**
	 * @param message what broke off after how much, for the log only
	 */
	public ExportBrokeOff(String message, Throwable cause) {
		super(message, cause);
	}

}
