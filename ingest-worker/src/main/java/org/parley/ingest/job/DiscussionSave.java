package org.parley.ingest.job;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.outline.Outline;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Saves the outline as a draft discussion, or for a re-import as the discussion's draft
 * revision, and marks the import done, all in the step's one transaction: either the
 * whole discussion or revision exists and the import says so, or neither.
 */
@Component
class DiscussionSave implements Tasklet {

	private final DocumentImportRepository imports;

	private final DiscussionRepository discussions;

	private final ImportWorkspace workspace;

	private final ImportProgress progress;

	private final DraftRevisionSave revisions;

	private final Clock clock;

	DiscussionSave(DocumentImportRepository imports, DiscussionRepository discussions, ImportWorkspace workspace,
			ImportProgress progress, DraftRevisionSave revisions, Clock clock) {
		this.revisions = revisions;
		this.imports = imports;
		this.discussions = discussions;
		this.workspace = workspace;
		this.progress = progress;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		UUID importId = ImportJobParameters.importId(context);
		this.progress.report(importId, ImportStage.SAVING, 90, TextExtraction.MESSAGE, null);
		DocumentImport documentImport = this.imports.findById(importId).orElseThrow();
		Outline outline = this.workspace.of(importId).outline;
		Optional<UUID> target = this.imports.targetDiscussionOf(importId);
		UUID discussionId;
		if (target.isPresent()) {
			discussionId = target.get();
			int revision = this.revisions.save(discussionId, importId, outline, OffsetDateTime.now(this.clock));
			this.imports.savedRevision(importId, revision);
		}
		else {
			discussionId = this.discussions.addDraft(importId, documentImport.organiserId(),
					title(documentImport, outline), outline, OffsetDateTime.now(this.clock));
		}
		this.progress.succeed(documentImport, discussionId);
		this.imports.deleteContent(importId);
		return RepeatStatus.FINISHED;
	}

	static String title(DocumentImport documentImport, Outline outline) {
		if (documentImport.requestedTitle() != null && !documentImport.requestedTitle().isBlank()) {
			return documentImport.requestedTitle().strip();
		}
		if (outline.title() != null && !outline.title().isBlank()) {
			return outline.title();
		}
		String name = (documentImport.sourceName() != null) ? documentImport.sourceName() : "Untitled document";
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
