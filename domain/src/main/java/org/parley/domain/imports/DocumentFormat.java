package org.parley.domain.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats an import can read, each named by the media type that the import records.
 * The web decides the format from the uploaded bytes and Drive from the file's metadata;
 * the ingest-worker picks its extractor from it.
 */
public enum DocumentFormat {

	PDF("application/pdf"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),

	/** OpenDocument text, LibreOffice's own format: a ZIP package. */
	ODT("application/vnd.oasis.opendocument.text"),

	/** OpenDocument text as one XML file (.fodt). */
	FLAT_ODT("application/vnd.oasis.opendocument.text-flat-xml"),

	MARKDOWN("text/markdown"),

	/** The HTML that Drive exports a Google Doc as. */
	GOOGLE_DOCS_HTML("text/html");

	private final String mediaType;

	DocumentFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * The format recorded as this media type, ignoring parameters such as a charset.
	 * Imports recorded before formats other than PDF existed have no media type and are
	 * PDFs.
	 */
	public static Optional<DocumentFormat> ofMediaType(String mediaType) {
		if (mediaType == null) {
			return Optional.of(PDF);
		}
		String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		for (DocumentFormat format : values()) {
			if (format.mediaType.equals(bare)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
