package org.parley.web.revision;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Revision;
import org.parley.domain.discussion.RevisionMatch;
import org.parley.domain.discussion.RevisionRefused;
import org.parley.domain.discussion.RevisionRepository;
import org.parley.domain.discussion.RevisionState;
import org.parley.domain.discussion.Section;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.imports.DocumentImports;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revisions of a discussion: a re-import starts as a normal import that names the
 * discussion; the review and the publication are the organiser's; reading a published
 * revision is everyone's who may read the discussion.
 */
@Service
public class Revisions {

	private final DiscussionRepository discussions;

	private final RevisionRepository revisions;

	private final DocumentImports imports;

	private final DocumentImportRepository importRows;

	private final CommentRepository comments;

	private final DiscussionAccess access;

	private final RevisionNotices notices;

	private final Clock clock;

	Revisions(DiscussionRepository discussions, RevisionRepository revisions, DocumentImports imports,
			DocumentImportRepository importRows, CommentRepository comments, DiscussionAccess access,
			RevisionNotices notices, Clock clock) {
		this.discussions = discussions;
		this.revisions = revisions;
		this.imports = imports;
		this.importRows = importRows;
		this.comments = comments;
		this.access = access;
		this.notices = notices;
		this.clock = clock;
	}

	@Transactional
	public DocumentImport reimport(UUID discussionId, UUID organiserId, String fileName, String declaredType,
			byte[] content) {
		Discussion d = organised(discussionId, organiserId);
		DocumentImport started = this.imports.upload(organiserId, fileName, declaredType, content, d.title());
		this.importRows.targetDiscussion(started.id(), d.id());
		return started;
	}

	@Transactional
	public DocumentImport reimportFromDrive(UUID discussionId, UUID organiserId, String driveFileId, String driveUrl) {
		Discussion d = organised(discussionId, organiserId);
		DocumentImport started = this.imports.fromDrive(organiserId, driveFileId, driveUrl, d.title());
		this.importRows.targetDiscussion(started.id(), d.id());
		return started;
	}

	/** Every revision the caller may read: drafts only for organisers. */
	@Transactional(readOnly = true)
	public List<RevisionView> list(UUID discussionId, Principal principal) {
		DiscussionAccess.Reading reading = reading(discussionId, principal);
		return this.revisions.findAll(discussionId)
			.stream()
			.filter(r -> reading.organiser() || r.state() != RevisionState.DRAFT)
			.map(RevisionView::of)
			.toList();
	}

	/** The outline of revision n, if the caller may read it. */
	@Transactional(readOnly = true)
	public List<Section> outline(UUID discussionId, int revision, Principal principal) {
		DiscussionAccess.Reading reading = reading(discussionId, principal);
		Revision r = this.revisions.find(discussionId, revision).orElseThrow(ProblemException::notFound);
		if (r.state() == RevisionState.DRAFT && !reading.organiser()
				&& r.number() != this.revisions.live(discussionId)) {
			throw ProblemException.notFound();
		}
		return this.revisions.outline(discussionId, revision).orElseThrow(ProblemException::notFound);
	}

	/**
	 * How revision n pairs with n−1: the paragraphs' matches, or the sections' with
	 * {@code sections}.
	 */
	@Transactional(readOnly = true)
	public List<MatchView> matches(UUID discussionId, int revision, boolean sections, Principal principal) {
		DiscussionAccess.Reading reading = reading(discussionId, principal);
		Revision r = this.revisions.find(discussionId, revision).orElseThrow(ProblemException::notFound);
		if (!reading.organiser() && r.state() == RevisionState.DRAFT) {
			throw ProblemException.notFound();
		}
		RevisionMatch.Unit unit = sections ? RevisionMatch.Unit.SECTION : RevisionMatch.Unit.PARAGRAPH;
		return this.revisions.matches(discussionId, revision)
			.stream()
			.filter(m -> m.unit() == unit)
			.map(MatchView::of)
			.toList();
	}

	@Transactional
	public void pair(UUID discussionId, int revision, UUID paragraphId, UUID from, UUID organiserId) {
		organised(discussionId, organiserId);
		refusedAsProblem(() -> this.revisions.pair(discussionId, revision, paragraphId, from));
	}

	@Transactional
	public void markMeaning(UUID discussionId, int revision, UUID paragraphId, boolean changed, UUID organiserId) {
		organised(discussionId, organiserId);
		refusedAsProblem(() -> {
			if (!this.revisions.markMeaning(discussionId, revision, paragraphId, changed)) {
				throw new RevisionRefused("PARAGRAPH_NOT_PAIRED",
						"Only a paragraph paired with one of the published version can keep or restart its votes.");
			}
		});
	}

	@Transactional
	public RevisionView publish(UUID discussionId, int revision, UUID organiserId) {
		organised(discussionId, organiserId);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		RevisionRepository.Published[] published = new RevisionRepository.Published[1];
		refusedAsProblem(() -> published[0] = this.revisions.publish(discussionId, revision, now));
		this.notices.published(discussionId, published[0]);
		return RevisionView.of(this.revisions.find(discussionId, revision).orElseThrow());
	}

	/**
	 * The organiser says a comment led to the change in a revision (null: it did not).
	 */
	@Transactional
	public void ledTo(UUID commentId, Integer revision, UUID organiserId) {
		UUID discussionId = this.comments.findById(commentId).orElseThrow(ProblemException::notFound).discussionId();
		organised(discussionId, organiserId);
		if (revision != null && this.revisions.find(discussionId, revision).isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "REVISION_NOT_FOUND", "No such version",
					"This discussion has no version " + revision + ".");
		}
		this.comments.ledTo(commentId, discussionId, revision);
	}

	/** Comments on text that a later revision removed. */
	@Transactional(readOnly = true)
	public List<CommentRepository.CommentOnRemovedText> onRemovedText(UUID discussionId, Principal principal) {
		reading(discussionId, principal);
		return this.comments.findOnRemovedText(discussionId);
	}

	private void refusedAsProblem(Runnable call) {
		try {
			call.run();
		}
		catch (RevisionRefused ex) {
			HttpStatus status = switch (ex.code()) {
				case "REVISION_NOT_FOUND" -> HttpStatus.NOT_FOUND;
				case "UNKNOWN_PARAGRAPH" -> HttpStatus.BAD_REQUEST;
				default -> HttpStatus.CONFLICT;
			};
			throw new ProblemException(status, ex.code(), "Not possible", ex.getMessage());
		}
	}

	private DiscussionAccess.Reading reading(UUID discussionId, Principal principal) {
		return this.access.reading(discussionId, principal).orElseThrow(ProblemException::notFound);
	}

	private Discussion organised(UUID discussionId, UUID organiserId) {
		return this.discussions.findById(discussionId)
			.filter(d -> this.discussions.isOrganisedBy(d.id(), organiserId))
			.orElseThrow(ProblemException::notFound);
	}

}
