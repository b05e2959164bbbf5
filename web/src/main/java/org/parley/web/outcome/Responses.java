package org.parley.web.outcome;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.outcome.CommentGroup;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.outcome.ResponseStatus;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisers' answers: to one comment, to every member of a near-duplicate group, or
 * to a filtered list at once. Only a published top-level comment is answered (a reply is
 * conversation, not a submission); its author is told of the first answer. A discussion
 * the caller does not organise answers 404, as everywhere.
 */
@Service
public class Responses {

	private final DiscussionAccess access;

	private final DiscussionRepository discussions;

	private final CommentRepository comments;

	private final ResponseRepository responses;

	private final CommentGroupRepository groups;

	private final OutcomeNotices notices;

	private final CurrentOrganiser organiser;

	private final Clock clock;

	Responses(DiscussionAccess access, DiscussionRepository discussions, CommentRepository comments,
			ResponseRepository responses, CommentGroupRepository groups, OutcomeNotices notices,
			CurrentOrganiser organiser, Clock clock) {
		this.access = access;
		this.discussions = discussions;
		this.comments = comments;
		this.responses = responses;
		this.groups = groups;
		this.notices = notices;
		this.organiser = organiser;
		this.clock = clock;
	}

	/** {@code {"status", "text"}}: the answer as the request gives it. */
	public record Answer(String status, String text) {
	}

	/**
	 * {@code POST /api/discussions/{id}/responses}: one answer for the published
	 * top-level comments that the filters pick, or for the ones listed.
	 *
	 * @param section only this section's (running number), or null for all
	 * @param answeredAs only those already answered with this status, or null
	 * @param unanswered only those without an answer
	 * @param commentIds only these, or null
	 */
	public record BulkAnswer(String status, String text, Integer section, String answeredAs, Boolean unanswered,
			List<UUID> commentIds) {
	}

	@Transactional
	public ResponseView answer(UUID commentId, Answer answer, Principal principal) {
		Comment comment = this.comments.findById(commentId).orElseThrow(ProblemException::notFound);
		this.access.organised(comment.discussionId(), principal);
		if (comment.parentId() != null || comment.state() != CommentState.PUBLISHED) {
			throw new ProblemException(HttpStatus.CONFLICT, "COMMENT_NOT_ANSWERABLE", "Not answerable",
					"Only published comments are answered, not replies or comments that are hidden or waiting for approval.");
		}
		CommentResponse response = response(answer.status(), answer.text(), principal);
		this.responses.respond(comment.id(), response);
		this.notices.answered(comment);
		return ResponseView.of(response);
	}

	/** Answers every member of a group that is still a published top-level comment. */
	@Transactional
	public int answerGroup(UUID groupId, Answer answer, Principal principal) {
		CommentGroup group = this.groups.findById(groupId).orElseThrow(ProblemException::notFound);
		this.access.organised(group.discussionId(), principal);
		CommentResponse response = response(answer.status(), answer.text(), principal);
		Set<UUID> answerable = new LinkedHashSet<>(this.responses.select(group.discussionId(), null, null, false));
		List<UUID> picked = group.commentIds().stream().filter(answerable::contains).toList();
		return answerAll(picked, response);
	}

	@Transactional
	public int answerSelection(UUID discussionId, BulkAnswer bulk, Principal principal) {
		Discussion d = this.access.organised(discussionId, principal);
		CommentResponse response = response(bulk.status(), bulk.text(), principal);
		UUID sectionId = (bulk.section() != null)
				? this.discussions.sectionId(d.id(), bulk.section()).orElseThrow(ProblemException::notFound) : null;
		ResponseStatus answeredAs = (bulk.answeredAs() != null) ? status(bulk.answeredAs()) : null;
		List<UUID> picked = this.responses.select(d.id(), sectionId, answeredAs,
				Boolean.TRUE.equals(bulk.unanswered()));
		if (bulk.commentIds() != null) {
			Set<UUID> listed = Set.copyOf(bulk.commentIds());
			picked = picked.stream().filter(listed::contains).toList();
		}
		return answerAll(picked, response);
	}

	/**
	 * {@code PUT /api/discussions/{id}/response-deadline}: the date the answers are due,
	 * or null for twelve weeks after closing.
	 */
	@Transactional
	public void chooseDeadline(UUID discussionId, OffsetDateTime dueAt, Principal principal) {
		this.responses.chooseDeadline(this.access.organised(discussionId, principal).id(), dueAt);
	}

	private int answerAll(List<UUID> commentIds, CommentResponse response) {
		this.responses.respondAll(commentIds, response);
		for (UUID id : commentIds) {
			this.comments.findById(id).ifPresent(this.notices::answered);
		}
		return commentIds.size();
	}

	private CommentResponse response(String status, String text, Principal principal) {
		String clean = (text == null) ? "" : text.replace("\r\n", "\n").strip();
		if (clean.codePointCount(0, clean.length()) > CommentResponse.MAX_TEXT) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "RESPONSE_TOO_LONG", "Answer too long",
					"An answer can be up to " + CommentResponse.MAX_TEXT + " characters long.");
		}
		return new CommentResponse(status(status), clean, OffsetDateTime.now(this.clock),
				this.organiser.require(principal));
	}

	private static ResponseStatus status(String status) {
		if (status != null) {
			for (ResponseStatus s : ResponseStatus.values()) {
				if (s.name().equals(status.strip().toUpperCase(Locale.ROOT))) {
					return s;
				}
			}
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_RESPONSE_STATUS", "Unknown answer",
				"An answer is ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, OUT_OF_SCOPE or NOTED.");
	}

}
