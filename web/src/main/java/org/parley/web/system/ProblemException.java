package org.parley.web.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A request Parley refuses, with the problem the caller reads. */
public class ProblemException extends RuntimeException {

	private final transient ProblemDetail problem;

	public ProblemException(HttpStatusCode status, String code, String title, String detail) {
		super(code + ": " + detail);
		this.problem = ProblemCodes.problem(status, code, title, detail);
	}

	public ProblemDetail problem() {
		return this.problem;
	}

	public static ProblemException notFound() {
		return new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
				"There is nothing here, or you may not see it.");
	}

}
