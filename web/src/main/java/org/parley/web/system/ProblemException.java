package org.parley.web.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A request Parley refuses, with the problem the caller reads. */
public class ProblemException extends RuntimeException {

	private final transient ProblemDetail problem;

	private final String code;

	public ProblemException(HttpStatusCode status, String code, String title, String detail) {
		super(code + ": " + detail);
		this.code = code;
		this.problem = ProblemCodes.problem(status, code, title, detail);
	}

	public ProblemDetail problem() {
		return this.problem;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The problem as a page shows it: the title and detail from the message bundle
	 * ({@code problem.<CODE>.title} and {@code .detail}) where it has them, else the
	 * English of the API's problem+json.
	 */
	public ProblemDetail problemFor(MessageSource messages, Locale locale) {
		ProblemDetail page = ProblemDetail.forStatus(this.problem.getStatus());
		page.setTitle(messages.getMessage("problem." + this.code + ".title", null, this.problem.getTitle(), locale));
		page.setDetail(messages.getMessage("problem." + this.code + ".detail", null, this.problem.getDetail(), locale));
		page.setProperty("code", this.code);
		return page;
	}

	public static ProblemException notFound() {
		return new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
				"There is nothing here, or you may not see it.");
	}

}
