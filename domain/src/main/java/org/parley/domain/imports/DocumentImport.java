package org.parley.domain.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.work.JobRow;

/**
 * One import of a document into a new draft discussion, from the organiser's request to
 * its outcome. Immutable: each state change returns the next state, which the repository
 * saves.
 *
 * @param problem why the import failed, or null
 * @param discussionId the discussion it created, once {@link ImportState#SUCCEEDED}
 */
public record DocumentImport(UUID id, UUID organiserId, SourceKind sourceKind, String sourceName, String mediaType,
		String driveFileId, String requestedTitle, Integer pages, ImportState state, ImportStage stage, int percent,
		String message, ImportProblem problem, UUID discussionId, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) implements JobRow {

	public static final String QUEUED_MESSAGE = "Parley is submitting your document…";

	public static DocumentImport uploaded(UUID organiserId, String fileName, String mediaType, String title,
			OffsetDateTime now) {
		return new DocumentImport(UUID.randomUUID(), organiserId, SourceKind.UPLOAD, fileName, mediaType, null, title,
				null, ImportState.QUEUED, null, 0, QUEUED_MESSAGE, null, null, now, now);
	}

	/**
	 * An import of a file in Google Drive. Its name and media type are known only once
	 * the worker has read the file's metadata.
	 */
	public static DocumentImport fromDrive(UUID organiserId, String driveFileId, String title, OffsetDateTime now) {
		return new DocumentImport(UUID.randomUUID(), organiserId, SourceKind.DRIVE, null, null, driveFileId, title,
				null, ImportState.QUEUED, null, 0, QUEUED_MESSAGE, null, null, now, now);
	}

	/**
	 * Records what the fetched document turned out to be: its name and the format of its
	 * bytes.
	 */
	public DocumentImport fetched(String name, String fetchedMediaType, OffsetDateTime now) {
		if (this.state.isFinal()) {
			return this;
		}
		return new DocumentImport(this.id, this.organiserId, this.sourceKind, (name != null) ? name : this.sourceName,
				fetchedMediaType, this.driveFileId, this.requestedTitle, this.pages, this.state, this.stage,
				this.percent, this.message, null, null, this.createdAt, now);
	}

	public DocumentImport progress(ImportStage nextStage, int nextPercent, String nextMessage, Integer nextPages,
			OffsetDateTime now) {
		if (this.state.isFinal()) {
			return this;
		}
		int clamped = Math.max(0, Math.min(100, nextPercent));
		return new DocumentImport(this.id, this.organiserId, this.sourceKind, this.sourceName, this.mediaType,
				this.driveFileId, this.requestedTitle, (nextPages != null) ? nextPages : this.pages,
				ImportState.RUNNING, nextStage, clamped, nextMessage, null, null, this.createdAt, now);
	}

	public DocumentImport succeed(UUID discussion, OffsetDateTime now) {
		return new DocumentImport(this.id, this.organiserId, this.sourceKind, this.sourceName, this.mediaType,
				this.driveFileId, this.requestedTitle, this.pages, ImportState.SUCCEEDED, ImportStage.SAVING, 100,
				"Your discussion is ready.", null, discussion, this.createdAt, now);
	}

	public DocumentImport fail(ImportProblem why, OffsetDateTime now) {
		return new DocumentImport(this.id, this.organiserId, this.sourceKind, this.sourceName, this.mediaType,
				this.driveFileId, this.requestedTitle, this.pages, ImportState.FAILED, this.stage, this.percent,
				why.detail(), why, null, this.createdAt, now);
	}

	@Override
	public boolean isFinished() {
		return this.state.isFinal();
	}

	@Override
	public ImportState workState() {
		return this.state;
	}

}
