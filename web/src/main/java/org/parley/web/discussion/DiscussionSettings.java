package org.parley.web.discussion;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.DraftEditRefused;
import org.parley.domain.discussion.DraftOutline;
import org.parley.domain.discussion.Section;
import org.parley.domain.live.DiscussionEventKind;
import org.parley.domain.live.DiscussionEventLog;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What only a discussion's organisers do: its settings, its lifecycle, fixes to the draft
 * outline and co-organisers. Anyone else learns nothing, not even that the discussion
 * exists.
 */
@Service
public class DiscussionSettings {

	private static final int MAX_TITLE = 1000;

	private final DiscussionRepository discussions;

	private final OrganiserRepository organisers;

	private final VoteRepository votes;

	private final CommentRepository comments;

	private final DiscussionEventLog events;

	private final Clock clock;

	DiscussionSettings(DiscussionRepository discussions, OrganiserRepository organisers, VoteRepository votes,
			CommentRepository comments, DiscussionEventLog events, Clock clock) {
		this.events = events;
		this.discussions = discussions;
		this.organisers = organisers;
		this.votes = votes;
		this.comments = comments;
		this.clock = clock;
	}

	@Transactional
	public Discussion change(UUID discussionId, UUID organiserId, DiscussionPatch patch) {
		Discussion d = organised(discussionId, organiserId);
		if (patch.title() != null || patch.description() != null) {
			String title = (patch.title() != null) ? patch.title().strip() : d.title();
			if (title.isEmpty() || title.length() > MAX_TITLE) {
				throw invalid("INVALID_TITLE", "Invalid title", "A title needs between 1 and 1000 characters.");
			}
			d = d.describe(title, (patch.description() != null) ? blankToNull(patch.description()) : d.description());
		}
		if (patch.opensAt() != null || patch.closesAt() != null || patch.timeZone() != null) {
			try {
				d = d.schedule((patch.opensAt() != null) ? patch.opensAt() : d.opensAt(),
						(patch.closesAt() != null) ? patch.closesAt() : d.closesAt(), zone(patch.timeZone(), d));
			}
			catch (IllegalArgumentException ex) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_DATES", "Dates in the wrong order",
						"The close date must come after the open date.", "order");
			}
		}
		if (patch.privacy() != null) {
			d = d.withPrivacy(patch.privacy());
		}
		if (patch.status() != null) {
			d = moveTo(d, patch.status(), Boolean.TRUE.equals(patch.confirm()));
		}
		this.discussions.update(d);
		if (patch.premoderated() != null) {
			this.discussions.premoderate(d.id(), patch.premoderated());
		}
		this.events.record(d.id(), DiscussionEventKind.DISCUSSION_CHANGED, null, null);
		return d;
	}

	@Transactional
	public List<Section> editOutline(UUID discussionId, UUID organiserId, OutlineEdit edit) {
		Discussion d = organised(discussionId, organiserId);
		if (d.isPublished()) {
			throw new ProblemException(HttpStatus.CONFLICT, "DISCUSSION_PUBLISHED", "Already published",
					"The sections of a published discussion keep their numbers. Take it back to a draft to edit them.");
		}
		try {
			DraftOutline outline = DraftOutline.of(this.discussions.findSections(discussionId));
			if (edit.op() == OutlineEdit.Operation.DELETE_PARAGRAPH && edit.section() != null
					&& edit.paragraph() != null
					&& this.comments.countOnParagraph(outline.paragraphId(edit.section(), edit.paragraph())) > 0) {
				// Deleting is the one edit that removes words; comments on them would be
				// left pointing at nothing, so the organiser edits the text instead.
				throw new ProblemException(HttpStatus.CONFLICT, "PARAGRAPH_HAS_COMMENTS", "People commented on it",
						"People have commented on this paragraph. Edit its text instead, so that their comments "
								+ "keep their place.");
			}
			DraftOutline edited = edit.applyTo(outline);
			this.discussions.replaceOutline(discussionId, edited.toOutline(d.title(), d.description()),
					edited.successors());
		}
		catch (DraftEditRefused ex) {
			throw invalid("INVALID_EDIT", "Edit not possible", ex.getMessage());
		}
		return this.discussions.findSections(discussionId);
	}

	/**
	 * Deletes a draft nobody has seen: never published, and without a vote or comment (a
	 * discussion taken back to a draft keeps what people wrote, so it stays).
	 */
	@Transactional
	public void deleteDraft(UUID discussionId, UUID organiserId) {
		Discussion d = organised(discussionId, organiserId);
		if (d.isPublished() || hasParticipation(d)) {
			throw new ProblemException(HttpStatus.CONFLICT, "DISCUSSION_NOT_DRAFT", "Not a draft",
					"Only a draft that was never published and has no votes or comments can be deleted. "
							+ "Close the discussion instead.");
		}
		this.discussions.delete(discussionId);
	}

	@Transactional
	public void addOrganiser(UUID discussionId, UUID organiserId, String email) {
		organised(discussionId, organiserId);
		UUID coOrganiser = this.organisers.findByEmail((email != null) ? email : "")
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "ORGANISER_NOT_FOUND", "No such organiser",
					"There is no organiser account with that email address."))
			.id();
		this.discussions.addOrganiser(discussionId, coOrganiser);
	}

	private Discussion moveTo(Discussion d, DiscussionStatus target, boolean confirmed) {
		DiscussionStatus now = d.status(this.clock);
		if (target == DiscussionStatus.DRAFT && d.isPublished() && !confirmed && hasParticipation(d)) {
			throw new ProblemException(HttpStatus.CONFLICT, "PARTICIPATION_EXISTS", "People have taken part",
					"This discussion already has votes or comments. Taking it back to a draft stops participation "
							+ "until you publish again; votes and comments stay on their text. Confirm to go ahead.");
		}
		return switch (target) {
			case OPEN ->
				d.isPublished() && now == DiscussionStatus.CLOSED ? d.reopen(this.clock) : d.publish(this.clock);
			case CLOSED -> d.close(this.clock);
			case DRAFT -> d.unpublish();
		};
	}

	private boolean hasParticipation(Discussion d) {
		return this.votes.countIn(d.id()) > 0 || this.comments.countIn(d.id()) > 0;
	}

	private Discussion organised(UUID discussionId, UUID organiserId) {
		return this.discussions.findById(discussionId)
			.filter(d -> this.discussions.isOrganisedBy(d.id(), organiserId))
			.orElseThrow(ProblemException::notFound);
	}

	private static ZoneId zone(String zone, Discussion d) {
		if (zone == null || zone.isBlank()) {
			return d.timeZone();
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw invalid("INVALID_TIME_ZONE", "Unknown time zone",
					"That time zone is not known. Use a name such as Europe/Vienna or America/Bogota.");
		}
	}

	private static ProblemException invalid(String code, String title, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, code, title, detail);
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

}
