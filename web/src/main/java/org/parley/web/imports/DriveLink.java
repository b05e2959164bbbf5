package org.parley.web.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The file id in what an organiser pastes: a Google Docs or Drive link
 * ({@code docs.google.com/document/d/ID/edit}, {@code drive.google.com/file/d/ID/view},
 * {@code …open?id=ID}) or a bare id.
 */
final class DriveLink {

	private static final Pattern PATH_ID = Pattern
		.compile("^https?://(?:docs|drive)\\.google\\.com/(?:[\\w-]+/)*d/([\\w-]{10,})(?:[/?#].*)?$");

	private static final Pattern QUERY_ID = Pattern
		.compile("^https?://(?:docs|drive)\\.google\\.com/[^?#]*\\?(?:.*&)?id=([\\w-]{10,})(?:[&#].*)?$");

	private static final Pattern BARE_ID = Pattern.compile("^[\\w-]{10,200}$");

	private DriveLink() {
	}

	static String fileId(String driveFileId, String driveUrl) {
		if (driveFileId != null && !driveFileId.isBlank()) {
			String id = driveFileId.strip();
			if (BARE_ID.matcher(id).matches()) {
				return id;
			}
			throw invalid();
		}
		if (driveUrl == null || driveUrl.isBlank()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "DRIVE_LINK_MISSING", "No Drive link",
					"Please paste the link of the Google Doc or Drive file to import.");
		}
		String link = driveUrl.strip();
		for (Pattern pattern : new Pattern[] { PATH_ID, QUERY_ID }) {
			Matcher matcher = pattern.matcher(link);
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		if (BARE_ID.matcher(link).matches()) {
			return link;
		}
		throw invalid();
	}

	private static ProblemException invalid() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_DRIVE_LINK", "Not a Drive link",
				"This is not a Google Drive or Google Docs link. Please copy the link from the document's Share button or address bar.");
	}

}
