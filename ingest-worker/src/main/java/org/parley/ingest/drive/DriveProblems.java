package org.parley.ingest.drive;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;

/**
 * Drive's refusals as problems an organiser can act on. Each names the fact; the codes
 * are fixed by the HTTP API.
 */
final class DriveProblems {

	private DriveProblems() {
	}

	static DocumentRejected notFound() {
		return new DocumentRejected(new ImportProblem("DRIVE_NOT_FOUND", "Not found in Drive",
				"Google Drive has no file with this link, or it was deleted. Please check the link and try again."));
	}

	static DocumentRejected forbidden(String detail) {
		return new DocumentRejected(new ImportProblem("DRIVE_FORBIDDEN", "No access in Drive", detail));
	}

	static DocumentRejected unavailable(int attempts) {
		return new DocumentRejected(new ImportProblem("DRIVE_UNAVAILABLE", "Google Drive is busy",
				"Google Drive kept answering that it was busy, so Parley stopped after " + attempts
						+ " tries. Please try the import again in a few minutes."));
	}

	static DocumentRejected unreachable(int attempts) {
		return new DocumentRejected(new ImportProblem("DRIVE_UNREACHABLE", "Google Drive unreachable",
				"Parley could not reach Google Drive: its server name did not resolve, " + attempts
						+ " times. This is a network problem on Parley's side; please ask your administrator "
						+ "to check the server's connection and name resolution, then try the import again."));
	}

	static DocumentRejected exportTooLarge() {
		return new DocumentRejected(new ImportProblem("DRIVE_EXPORT_TOO_LARGE", "Document too large to export",
				"Google Drive refuses to export this document because it is larger than its 10 MB export limit. "
						+ "Please download it as a PDF or Word file and upload that file instead."));
	}

	static DocumentRejected unsupported(String typeName) {
		return new DocumentRejected(
				new ImportProblem("UNSUPPORTED_FORMAT", "Unsupported file type", "This Drive file is " + typeName
						+ ", which Parley cannot import. Please link a Google Doc, a PDF or a Word (.docx) file."));
	}

	static DocumentRejected notConfigured() {
		return new DocumentRejected(new ImportProblem("DRIVE_NOT_CONFIGURED", "Drive not set up",
				"This Parley has no access to Google Drive configured. Please upload the document as a file instead."));
	}

}
