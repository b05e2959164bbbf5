package org.parley.domain.report;

/** The kinds of file a report is made as. */
public enum ReportFormat {

	PDF("application/pdf", "pdf"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

	private final String mediaType;

	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

}
