package org.parley.web.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A request Parley refuses, with the problem the caller reads. */
public class ProblemException extends RuntimeException {

	private final transient ProblemDetail problem;

	private final String code;

	private final transient Object[] arguments;

	public ProblemException(HttpStatusCode status, String code, String title, String detail) {
		this(status, code, title, detail, new Object[0]);
	}

	/**
	 * A refusal whose text names values: the bundle's {@code problem.<CODE>.detail} gets
	 * them as {0}, {1}, ... in every language.
	 */
	public ProblemException(HttpStatusCode status, String code, String title, String detail, Object... arguments) {
		super(code + ": " + detail);
		this.code = code;
		this.problem = ProblemCodes.problem(status, code, title, detail);
		this.arguments = arguments.clone();
	}

	/** The values the text names, for the bundle's pattern. */
	public Object[] arguments() {
		return this.arguments.clone();
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
		page.setTitle(messages.getMessage("problem." + this.code + ".title", this.arguments, this.problem.getTitle(),
				locale));
		page.setDetail(messages.getMessage("problem." + this.code + ".detail", this.arguments, this.problem.getDetail(),
				locale));
		page.setProperty("code", this.code);
		return page;
	}

	public static ProblemException notFound() {
		return new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
				"There is nothing here, or you may not see it.");
	}

}
