package org.parley.web.outcome;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.participation.Comment;
import org.parley.domain.live.DiscussionEventKind;
import org.parley.domain.live.DiscussionEventLog;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ModerationCounts;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation queue: comments held for approval and comments flagged since an
 * organiser last decided on them, oldest first, approved or hidden many at a time. An
 * approved held comment is announced as if just posted ({@code ReplyPosted}), so the
 * parent's author and the followers hear of it as of any comment.
 */
@Service
public class Moderation {

	/** The most comments a page or call of the queue shows at once. */
	static final int PAGE = 500;

	private final DiscussionAccess access;

	private final CommentRepository comments;

	private final CurrentOrganiser organiser;

	private final Outbox outbox;

	private final DiscussionEventLog events;

	private final Clock clock;

	Moderation(DiscussionAccess access, CommentRepository comments, CurrentOrganiser organiser, Outbox outbox,
			DiscussionEventLog events, Clock clock) {
		this.access = access;
		this.comments = comments;
		this.organiser = organiser;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/** What an organiser decides for the comments listed. */
	public enum Decision {

		APPROVE, HIDE;

		static Decision parse(String value) {
			if (value != null) {
				for (Decision d : values()) {
					if (d.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
						return d;
					}
				}
			}
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_MODERATION", "Unknown decision",
					"A moderation decision is APPROVE or HIDE.");
		}

	}

	/** {@code {"action": "APPROVE" | "HIDE", "commentIds": [...]}} */
	public record Decide(String action, List<UUID> commentIds) {
	}

	@Transactional(readOnly = true)
	public ModerationView queue(UUID discussionId, Principal principal) {
		Discussion d = this.access.organised(discussionId, principal);
		ModerationCounts counts = this.comments.moderationCounts(d.id());
		return new ModerationView(counts.held(), counts.flagged(),
				this.comments.moderationQueue(d.id(), PAGE).stream().map(ModerationView.Entry::of).toList());
	}

	/**
	 * @return how many comments of this discussion the decision changed
	 */
	@Transactional
	public int decide(UUID discussionId, Decide decide, Principal principal) {
		Discussion d = this.access.organised(discussionId, principal);
		Decision decision = Decision.parse(decide.action());
		List<UUID> ids = (decide.commentIds() != null) ? decide.commentIds().stream().distinct().toList() : List.of();
		if (ids.size() > PAGE) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "TOO_MANY_COMMENTS", "Too many at once",
					"Please decide on at most " + PAGE + " comments at a time.");
		}
		List<UUID> mine = ids.stream()
			.filter(id -> this.comments.findById(id).map(Comment::discussionId).filter(d.id()::equals).isPresent())
			.toList();
		List<UUID> released = this.comments.moderate(d.id(), mine,
				(decision == Decision.APPROVE) ? CommentState.PUBLISHED : CommentState.HIDDEN,
				this.organiser.require(principal), OffsetDateTime.now(this.clock));
		for (UUID id : mine) {
			Comment c = this.comments.findById(id).orElseThrow();
			this.events.record(d.id(), (decision == Decision.APPROVE) ? DiscussionEventKind.COMMENT_SHOWN
					: DiscussionEventKind.COMMENT_HIDDEN, c.sectionId(), c.id());
		}
		for (UUID id : released) {
			Comment c = this.comments.findById(id).orElseThrow();
			this.outbox.send(new ReplyPosted(UUID.randomUUID(), c.id(), c.parentId(), d.id()));
		}
		return mine.size();
	}

	/** The queue's counts, for the discussion page of an organiser. */
	@Transactional(readOnly = true)
	public ModerationCounts counts(UUID discussionId) {
		return this.comments.moderationCounts(discussionId);
	}

}
