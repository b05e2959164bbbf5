package org.parley.web.imports;

/**
 * {@code POST /api/imports} as JSON, and the page's "paste a Drive link" form.
 *
 * @param driveFileId the Drive file's id
 * @param driveUrl a link to it, when no id is given
 * @param title the discussion's title, or null to take the document's
 */
public record DriveImportForm(String driveFileId, String driveUrl, String title) {

}
