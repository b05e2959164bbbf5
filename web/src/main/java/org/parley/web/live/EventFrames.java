package org.parley.web.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.live.DiscussionEvent;
import org.parley.domain.live.DiscussionEventKind;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.SectionedComment;
import org.parley.domain.participation.VoteCount;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.discussion.DiscussionView;
import org.parley.web.participation.CommentView;
import org.parley.web.participation.Participation;
import org.parley.web.participation.StatisticsView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a run of log events into the SSE events of the contract, reading what they name
 * once for the run: the comments in one query, the counts once, and the discussion only
 * when it changed. What a comment says, its votes and the counts are read as they are
 * now, so the database stays the truth and a late reader sends nothing stale.
 * <p>
 * Every frame goes to every viewer, so only what everyone may see is rendered: published
 * comments as anyone sees them, the figures without anyone's own contributions.
 */
@Component
class EventFrames {

	private final DiscussionRepository discussions;

	private final CommentRepository comments;

	private final VoteRepository votes;

	private final JsonMapper json;

	private final Clock clock;

	private final Participation participation;

	EventFrames(DiscussionRepository discussions, CommentRepository comments, VoteRepository votes,
			Participation participation, JsonMapper json, Clock clock) {
		this.discussions = discussions;
		this.participation = participation;
		this.comments = comments;
		this.votes = votes;
		this.json = json;
		this.clock = clock;
	}

	/** The discussion as the stream starts with it, or empty when it is gone. */
	@Transactional(readOnly = true)
	Optional<Watched> watch(UUID discussionId) {
		return this.discussions.findById(discussionId).map(this::watched);
	}

	private Watched watched(Discussion d) {
		Map<UUID, Integer> numbers = this.discussions.findSections(d.id())
			.stream()
			.collect(Collectors.toMap(Section::id, Section::number));
		return new Watched(d, d.status(this.clock), numbers);
	}

	/**
	 * The frames of {@code events}, in their order; counts and figures once at the end,
	 * numbered as the last event.
	 */
	@Transactional(readOnly = true)
	Rendered render(Watched watched, List<DiscussionEvent> events) {
		Watched now = watched;
		List<Frame> frames = new ArrayList<>();
		if (events.isEmpty()) {
			return new Rendered(frames, now, false);
		}
		UUID discussion = watched.discussion().id();
		Set<UUID> commentIds = events.stream()
			.map(DiscussionEvent::commentId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UUID, SectionedComment> shown = this.comments.findWithSection(discussion, commentIds)
			.stream()
			.collect(Collectors.toMap(c -> c.entry().id(), Function.identity()));
		Set<Integer> counted = new LinkedHashSet<>();
		boolean changed = false;
		for (DiscussionEvent e : events) {
			SectionedComment c = (e.commentId() != null) ? shown.get(e.commentId()) : null;
			switch (e.kind()) {
				case COMMENT_POSTED, COMMENT_SHOWN, COMMENT_VOTED -> {
					if (c != null && c.entry().state() == CommentState.PUBLISHED) {
						frames.add(Frame.of(e.seq(), "comment", write(CommentView.everyones(c))));
						if (e.kind() != DiscussionEventKind.COMMENT_VOTED) {
							counted.add(c.sectionNumber());
						}
					}
				}
				case COMMENT_HIDDEN -> {
					frames.add(Frame.of(e.seq(), "comment-hidden", write(Map.of("id", e.commentId()))));
					if (c != null) {
						counted.add(c.sectionNumber());
					}
				}
				case SECTION_VOTED -> {
					Integer number = now.sectionNumbers().get(e.sectionId());
					if (number != null) {
						counted.add(number);
					}
				}
				case DISCUSSION_CHANGED -> changed = true;
			}
		}
		long last = events.get(events.size() - 1).seq();
		boolean readershipShrank = false;
		DiscussionStatistics figures = null;
		if (!counted.isEmpty() || changed) {
			Map<Integer, VoteCount> voteCounts = this.votes.counts(discussion);
			Map<Integer, Integer> commentCounts = this.comments.countsBySection(discussion);
			for (int section : counted) {
				VoteCount v = voteCounts.getOrDefault(section, new VoteCount(section, 0, 0));
				frames.add(Frame.of(last, "counts", write(new Counts(section, commentCounts.getOrDefault(section, 0),
						v.agree(), v.disagree(), v.positivePercent()))));
			}
			figures = DiscussionStatistics.of(voteCounts, commentCounts);
			Optional<Discussion> read = this.discussions.findById(discussion);
			if (read.isPresent()) {
				frames.add(Frame.of(last, "stats",
						write(this.participation.everyonesStatistics(read.get(), voteCounts, commentCounts))));
			}
		}
		if (changed) {
			Optional<Discussion> read = this.discussions.findById(discussion);
			if (read.isPresent()) {
				Watched after = watched(read.get());
				readershipShrank = after.mayBeReadByFewerThan(now);
				now = after;
				frames.add(Frame.of(last, "status", write(DiscussionView.of(after.discussion(), this.clock, figures))));
			}
		}
		return new Rendered(frames, now, readershipShrank);
	}

	/**
	 * The {@code status} event for a status the dates changed, which no one wrote to the
	 * log, numbered as the last event.
	 */
	@Transactional(readOnly = true)
	Frame status(Watched watched, long last) {
		UUID id = watched.discussion().id();
		DiscussionStatistics figures = DiscussionStatistics.of(this.votes.counts(id),
				this.comments.countsBySection(id));
		return Frame.of(last, "status", write(DiscussionView.of(watched.discussion(), this.clock, figures)));
	}

	/** Tells a viewer that missed more than the log can give to read the page again. */
	Frame reset(long last) {
		return Frame.of(last, "reset", "{}");
	}

	private String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	/**
	 * {@code counts}: {@code {sectionNumber, comments, agree, disagree}}, and the
	 * section's positive share.
	 */
	record Counts(int sectionNumber, int comments, int agree, int disagree, Integer positivePercent) {
	}

	/**
	 * A discussion as its reader last saw it.
	 *
	 * @param status as derived when it was read; the dates move it on without a write
	 * @param sectionNumbers the running number of each section, by id
	 */
	record Watched(Discussion discussion, org.parley.domain.discussion.DiscussionStatus status,
			Map<UUID, Integer> sectionNumbers) {

		/**
		 * Whether someone who could read it before may not now: it became private, or
		 * went back to a draft.
		 */
		boolean mayBeReadByFewerThan(Watched before) {
			boolean nowPrivate = this.discussion.privacy() == org.parley.domain.discussion.Privacy.PRIVATE
					&& before.discussion.privacy() != org.parley.domain.discussion.Privacy.PRIVATE;
			boolean unpublished = before.discussion.isPublished() && !this.discussion.isPublished();
			return nowPrivate || unpublished;
		}

	}

	/**
	 * @param readershipShrank whether the streams must close, so that each viewer's right
	 * to read is checked again when it reconnects
	 */
	record Rendered(List<Frame> frames, Watched watched, boolean readershipShrank) {
	}

}
