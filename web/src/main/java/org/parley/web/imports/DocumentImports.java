package org.parley.web.imports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.drive.DriveAuthorization;
import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.outbox.Outbox;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts imports: checks an upload and stores its bytes, or takes a Drive link, then
 * stores the import and writes the ImportRequested message to the outbox, all in one
 * transaction.
 */
@Service
public class DocumentImports {

	private final DocumentImportRepository imports;

	private final Outbox outbox;

	private final UploadSettings settings;

	private final DriveSettings drive;

	private final DriveConnections connections;

	private final Clock clock;

	DocumentImports(DocumentImportRepository imports, Outbox outbox, UploadSettings settings, DriveSettings drive,
			DriveConnections connections, Clock clock) {
		this.imports = imports;
		this.outbox = outbox;
		this.settings = settings;
		this.drive = drive;
		this.connections = connections;
		this.clock = clock;
	}

	@Transactional
	public DocumentImport upload(UUID organiserId, String fileName, String declaredType, byte[] content, String title) {
		if (content.length > this.settings.maxFileSize().toBytes()) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "File too large",
					"This file is larger than the " + this.settings.maxFileSize().toMegabytes()
							+ " MB that Parley accepts. Please upload a smaller file.",
					this.settings.maxFileSize().toMegabytes());
		}
		if (content.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "Empty file",
					"The file is empty. Please choose the document again.");
		}
		DocumentFormat format = UploadedFormat.of(content, fileName, declaredType);
		String cleanTitle = cleanTitle(title);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		DocumentImport documentImport = DocumentImport.uploaded(organiserId, displayName(fileName), format.mediaType(),
				cleanTitle, now);
		this.imports.add(documentImport, content);
		request(documentImport, now);
		return documentImport;
	}

	/**
	 * Starts an import of a Drive file, named by its id or by a link to it. The worker
	 * reads the file; nothing is fetched in the request.
	 */
	@Transactional
	public DocumentImport fromDrive(UUID organiserId, String driveFileId, String driveUrl, String title) {
		if (!canImportFromDrive(organiserId)) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "DRIVE_NOT_CONFIGURED", "Drive not set up",
					this.connections.canConnect()
							? "Parley has no access to your Google Drive yet. Please connect Google Drive on the import "
									+ "page (/imports/new) first, or upload the document as a file."
							: "This Parley has no access to Google Drive configured, so please upload the document as a "
									+ "file. An administrator can set up Drive access as the README explains.",
					this.connections.canConnect() ? "connect" : "administrator");
		}
		String fileId = DriveLink.fileId(driveFileId, driveUrl);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		DocumentImport documentImport = DocumentImport.fromDrive(organiserId, fileId, cleanTitle(title), now);
		this.imports.add(documentImport);
		request(documentImport, now);
		return documentImport;
	}

	/**
	 * Whether the worker could read Drive for this organiser: with access the settings
	 * configure for everyone, or with the Google account the organiser connected.
	 */
	public boolean canImportFromDrive(UUID organiserId) {
		return canImportFromDrive(this.connections.of(organiserId));
	}

	/** The same, for a caller that has already read the organiser's Drive connection. */
	public boolean canImportFromDrive(Optional<DriveAuthorization> connection) {
		return this.drive.isConfigured() || connection.isPresent();
	}

	private String cleanTitle(String title) {
		String cleanTitle = (title == null || title.isBlank()) ? null : title.strip();
		if (cleanTitle != null && cleanTitle.length() > this.settings.maxTitleLength()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "TITLE_TOO_LONG", "Title too long",
					"The title is too long. Please keep it under " + this.settings.maxTitleLength() + " characters.",
					this.settings.maxTitleLength());
		}
		return cleanTitle;
	}

	private void request(DocumentImport documentImport, OffsetDateTime now) {
		this.outbox.send(new ImportRequested(UUID.randomUUID(), documentImport.id(), now));
	}

	/**
	 * The import, if the organiser started it. Anyone else learns nothing, not even that
	 * it exists.
	 */
	public Optional<DocumentImport> find(UUID importId, UUID organiserId) {
		return this.imports.findById(importId).filter(i -> i.organiserId().equals(organiserId));
	}

	private static String displayName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return "document.pdf";
		}
		String base = fileName.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).strip();
		return (base.length() > 200) ? base.substring(0, 200) : base;
	}

}
