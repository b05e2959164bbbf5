package org.parley.domain.imports;

/**
 * A document that cannot be imported, for a reason the organiser can act on. Subclasses
 * name the fact ({@code PdfEncrypted}, {@code NoTextLayer}); the problem is what the
 * organiser reads.
 */
public class DocumentRejected extends RuntimeException {

	private final transient ImportProblem problem;

	public DocumentRejected(ImportProblem problem) {
		super(problem.code() + ": " + problem.detail());
		this.problem = problem;
	}

	public DocumentRejected(ImportProblem problem, Throwable cause) {
		super(problem.code() + ": " + problem.detail(), cause);
		this.problem = problem;
	}

	public ImportProblem problem() {
		return this.problem;
	}

}
