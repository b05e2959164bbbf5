package org.parley.domain.imports;

import java.util.Objects;

/**
 * Why an import failed, as the organiser reads it: a stable machine word ({@code code},
 * e.g. {@code PDF_ENCRYPTED}) and a sentence a non-technical person understands
 * ({@code detail}). Never carries an exception message or a stack trace.
 */
public record ImportProblem(String code, String title, String detail) {

	public ImportProblem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(detail, "detail");
	}

}
