package org.parley.web.participation;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.DiscussionStatus;
import org.parley.domain.discussion.RemovedSection;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.ResponseDeadline;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.CommentThreadEntry;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.VoteCount;
import org.parley.domain.participation.VoteRepository;
import org.parley.web.discussion.DiscussionAccess;
import org.parley.web.discussion.DiscussionAccess.Reading;
import org.parley.web.outcome.OutcomeNotices;
import org.parley.web.system.OutboxSchedule;
import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of taking part: who may see, vote and comment, when, and how much. A
 * discussion the caller may not read answers 404 whatever the action, so nothing reveals
 * that it exists.
 */
@Service
public class Participation {

	private final DiscussionAccess access;

	private final DiscussionRepository discussions;

	private final VoteRepository votes;

	private final CommentRepository comments;

	private final CurrentParticipant participant;

	private final PostingRate postingRate;

	private final Outbox outbox;

	private final OutboxSchedule relay;

	private final ParticipationSettings settings;

	private final ResponseRepository responses;

	private final CommentGroupRepository groups;

	private final OutcomeNotices notices;

	private final Clock clock;

	Participation(DiscussionAccess access, DiscussionRepository discussions, VoteRepository votes,
			CommentRepository comments, CurrentParticipant participant, PostingRate postingRate, Outbox outbox,
			OutboxSchedule relay, ParticipationSettings settings, ResponseRepository responses,
			CommentGroupRepository groups, OutcomeNotices notices, Clock clock) {
		this.responses = responses;
		this.groups = groups;
		this.notices = notices;
		this.access = access;
		this.discussions = discussions;
		this.votes = votes;
		this.comments = comments;
		this.participant = participant;
		this.postingRate = postingRate;
		this.outbox = outbox;
		this.relay = relay;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public void vote(UUID discussionId, int section, boolean agree, Principal principal) {
		Reading reading = reading(discussionId, principal);
		UUID sectionId = section(reading.discussion().id(), section);
		open(reading);
		this.votes.cast(reading.discussion().id(), sectionId, this.participant.require(principal).id(), agree, now());
	}

	@Transactional
	public void withdrawVote(UUID discussionId, int section, Principal principal) {
		Reading reading = reading(discussionId, principal);
		UUID sectionId = section(reading.discussion().id(), section);
		open(reading);
		this.votes.withdraw(sectionId, this.participant.require(principal).id());
	}

	/**
	 * A comment on section {@code section}, or on one of its paragraphs, named by its id
	 * or by its running number in the section.
	 */
	@Transactional
	public CommentView comment(UUID discussionId, int section, String text, ParagraphRef paragraph, String quote,
			Principal principal) {
		String clean = checkedText(text);
		Reading reading = reading(discussionId, principal);
		Discussion d = reading.discussion();
		UUID sectionId = section(d.id(), section);
		open(reading);
		Participant author = this.participant.require(principal);
		Optional<PlacedParagraph> on = paragraph(sectionId, paragraph);
		this.postingRate.acquire(author.id());
		Comment c = new Comment(UUID.randomUUID(), d.id(), sectionId, on.map(PlacedParagraph::id).orElse(null),
				trimQuote(quote), null, author.id(), clean, initialState(reading), 0, now());
		this.comments.add(c);
		heldForOrganisers(c);
		// No parent: only the organisers following the discussion hear about it.
		UUID messageId = UUID.randomUUID();
		this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
				new ReplyPosted(messageId, c.id(), null, d.id()));
		this.relay.relayAfterCommit();
		return CommentView.of(c, on.map(PlacedParagraph::number).orElse(null), author.shownName());
	}

	@Transactional
	public CommentView reply(UUID parentId, String text, Principal principal) {
		Comment parent = visibleComment(parentId, principal);
		Reading reading = open(reading(parent.discussionId(), principal));
		Discussion d = reading.discussion();
		Participant author = this.participant.require(principal);
		String clean = checkedText(text);
		this.postingRate.acquire(author.id());
		Comment reply = new Comment(UUID.randomUUID(), d.id(), parent.sectionId(), null, null, parent.id(), author.id(),
				clean, initialState(reading), 0, now());
		this.comments.add(reply);
		heldForOrganisers(reply);
		UUID messageId = UUID.randomUUID();
		this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
				new ReplyPosted(messageId, reply.id(), parent.id(), d.id()));
		this.relay.relayAfterCommit();
		return CommentView.of(reply, null, author.shownName());
	}

	@Transactional
	public void voteOnComment(UUID commentId, boolean up, Principal principal) {
		Comment c = visibleComment(commentId, principal);
		open(reading(c.discussionId(), principal));
		this.comments.vote(c.id(), this.participant.require(principal).id(), up);
	}

	@Transactional
	public void flag(UUID commentId, Principal principal) {
		Comment c = visibleComment(commentId, principal);
		if (this.comments.flag(c.id(), this.participant.require(principal).id(), now())) {
			this.notices.toOrganisers(c, NotificationCause.FLAGGED);
		}
	}

	/** A comment held for approval: the organisers hear that it waits. */
	private void heldForOrganisers(Comment c) {
		if (c.state() == CommentState.PENDING) {
			this.notices.toOrganisers(c, NotificationCause.WAITING);
		}
	}

	/** Organisers hide, show again, or approve a held comment. */
	@Transactional
	public void moderate(UUID commentId, CommentState state, Principal principal) {
		Comment c = this.comments.findById(commentId).orElseThrow(ProblemException::notFound);
		if (!reading(c.discussionId(), principal).organiser()) {
			throw ProblemException.notFound();
		}
		this.comments.changeState(c.id(), state);
	}

	/**
	 * The threads of a section, in the chosen order; hidden and held comments only for
	 * organisers and their authors.
	 */
	@Transactional(readOnly = true)
	public List<CommentView> thread(UUID discussionId, int section, CommentOrder order, Principal principal) {
		Reading reading = reading(discussionId, principal);
		Discussion d = reading.discussion();
		UUID sectionId = section(d.id(), section);
		boolean organiser = reading.organiser();
		UUID me = this.participant.find(principal).map(Participant::id).orElse(null);
		Map<UUID, CommentGroupRepository.Membership> grouped = organiser ? this.groups.membership(d.id()) : Map.of();
		Map<UUID, CommentView> byId = new LinkedHashMap<>();
		List<CommentView> roots = new ArrayList<>();
		for (CommentThreadEntry e : this.comments.findForSection(d.id(), sectionId)) {
			boolean visible = e.state() == CommentState.PUBLISHED || organiser || e.participantId().equals(me);
			if (!visible) {
				continue;
			}
			CommentView view = CommentView.of(e, organiser, grouped.get(e.id()));
			byId.put(e.id(), view);
			CommentView parent = (e.parentId() != null) ? byId.get(e.parentId()) : null;
			if (parent != null) {
				parent.replies().add(view);
			}
			else if (e.parentId() == null) {
				roots.add(view);
			}
		}
		roots.sort(order.comparator());
		return roots;
	}

	/**
	 * The outline with each section's standing; the caller's own votes only for the
	 * caller.
	 */
	@Transactional(readOnly = true)
	public List<SectionView> sections(UUID discussionId, Principal principal) {
		Reading reading = reading(discussionId, principal);
		Discussion d = reading.discussion();
		Optional<Participant> me = this.participant.find(principal);
		return sections(d, this.votes.counts(d.id()), this.comments.countsBySection(d.id()), me,
				waiting(d, reading.organiser()));
	}

	/** Held comments per section number, for organisers only: the page's true counts. */
	private Map<Integer, Integer> waiting(Discussion d, boolean organiser) {
		if (!organiser) {
			return null;
		}
		Map<UUID, Integer> bySection = this.comments.waitingBySectionId(d.id());
		Map<Integer, Integer> byNumber = new LinkedHashMap<>();
		if (!bySection.isEmpty()) {
			this.discussions.findSections(d.id())
				.forEach(s -> byNumber.put(s.number(), bySection.getOrDefault(s.id(), 0)));
		}
		return byNumber;
	}

	/** The sections outline edits removed, with the votes and comments kept on them. */
	@Transactional(readOnly = true)
	public List<RemovedSectionView> removedSections(UUID discussionId, Principal principal) {
		return removedSections(readable(discussionId, principal));
	}

	@Transactional(readOnly = true)
	public StatisticsView statistics(UUID discussionId, Principal principal) {
		Discussion d = readable(discussionId, principal);
		Optional<Participant> me = this.participant.find(principal);
		return statistics(d, this.votes.counts(d.id()), this.comments.countsBySection(d.id()), me);
	}

	/**
	 * Everything the discussion page shows, read once in one transaction: the page would
	 * otherwise check access, count votes and comments and look the caller up once per
	 * part.
	 */
	@Transactional(readOnly = true)
	public Standing standing(UUID discussionId, Principal principal) {
		Reading reading = reading(discussionId, principal);
		Discussion d = reading.discussion();
		Optional<Participant> me = this.participant.find(principal);
		Map<Integer, VoteCount> counts = this.votes.counts(d.id());
		Map<Integer, Integer> commentCounts = this.comments.countsBySection(d.id());
		boolean participated = reading.organiser()
				&& (this.votes.countIn(d.id()) > 0 || this.comments.countIn(d.id()) > 0);
		return new Standing(d, reading.organiser(), reading.organiser() && this.discussions.isPremoderated(d.id()),
				participated, me.orElse(null), sections(d, counts, commentCounts, me, waiting(d, reading.organiser())),
				removedSections(d), statistics(d, counts, commentCounts, me));
	}

	private List<RemovedSectionView> removedSections(Discussion d) {
		List<RemovedSection> removed = this.discussions.findRemovedSections(d.id());
		if (removed.isEmpty()) {
			return List.of();
		}
		Map<UUID, VoteCount> counts = this.votes.countsOfRemovedSections(d.id());
		Map<UUID, Integer> comments = this.comments.countsBySectionId(d.id());
		return removed.stream()
			.map(s -> RemovedSectionView.of(s, counts.get(s.id()), comments.getOrDefault(s.id(), 0)))
			.toList();
	}

	/**
	 * @param waiting held comments per section number, or null for a reader
	 */
	private List<SectionView> sections(Discussion d, Map<Integer, VoteCount> counts,
			Map<Integer, Integer> commentCounts, Optional<Participant> me, Map<Integer, Integer> waiting) {
		Map<Integer, Boolean> mine = me.map(p -> this.votes.ownVotes(d.id(), p.id())).orElse(Map.of());
		return this.discussions.findSections(d.id())
			.stream()
			.map(s -> SectionView.of(s, counts.get(s.number()), commentCounts.getOrDefault(s.number(), 0),
					mine.get(s.number()), (waiting != null) ? waiting.getOrDefault(s.number(), 0) : null))
			.toList();
	}

	private StatisticsView statistics(Discussion d, Map<Integer, VoteCount> counts, Map<Integer, Integer> commentCounts,
			Optional<Participant> me) {
		MyContributions mine = me
			.map(p -> new MyContributions(this.votes.votedBy(d.id(), p.id()).stream().sorted().toList(),
					this.comments.sectionsCommentedBy(d.id(), p.id()).stream().sorted().toList(),
					this.comments.countBy(d.id(), p.id())))
			.orElse(null);
		DiscussionStatus status = d.status(this.clock);
		int inVoting = (status == DiscussionStatus.OPEN) ? this.discussions.findSections(d.id()).size() : 0;
		OffsetDateTime closedAt = (d.closesAt() != null && (status == DiscussionStatus.CLOSED || d.isPublished()))
				? d.closesAt() : null;
		ResponseDeadline deadline = ResponseDeadline.of(this.responses.chosenDeadline(d.id()).orElse(null), closedAt);
		return StatisticsView.of(DiscussionStatistics.of(counts, commentCounts), counts, inVoting,
				this.responses.counts(d.id()), deadline, status == DiscussionStatus.CLOSED, this.clock, mine);
	}

	private Discussion readable(UUID discussionId, Principal principal) {
		return reading(discussionId, principal).discussion();
	}

	private Reading reading(UUID discussionId, Principal principal) {
		return this.access.reading(discussionId, principal).orElseThrow(ProblemException::notFound);
	}

	/** The reading, if the discussion takes votes and comments now. */
	private Reading open(Reading reading) {
		Discussion d = reading.discussion();
		DiscussionStatus status = d.status(this.clock);
		if (status == DiscussionStatus.CLOSED) {
			throw new ProblemException(HttpStatus.CONFLICT, "DISCUSSION_CLOSED", "Discussion closed",
					"This discussion is closed. You can still read it, but no longer vote or comment.");
		}
		if (status != DiscussionStatus.OPEN) {
			throw new ProblemException(HttpStatus.CONFLICT, "DISCUSSION_NOT_OPEN", "Not open yet",
					"This discussion is not open for votes and comments yet.");
		}
		return reading;
	}

	/** The id of the section the path names by its running number. */
	private UUID section(UUID discussionId, int section) {
		return this.discussions.sectionId(discussionId, section).orElseThrow(ProblemException::notFound);
	}

	private Optional<PlacedParagraph> paragraph(UUID sectionId, ParagraphRef ref) {
		if (ref == null || (ref.id() == null && ref.number() == null)) {
			return Optional.empty();
		}
		if (ref.id() != null) {
			Optional<Integer> number = this.discussions.paragraphNumber(sectionId, ref.id());
			if (number.isEmpty() || (ref.number() != null && !ref.number().equals(number.get()))) {
				throw noSuchParagraph("That section has no such paragraph.");
			}
			return Optional.of(new PlacedParagraph(ref.id(), number.get()));
		}
		return Optional.of(new PlacedParagraph(
				this.discussions.paragraphId(sectionId, ref.number())
					.orElseThrow(() -> noSuchParagraph("That section has no paragraph " + ref.number() + ".")),
				ref.number()));
	}

	private static ProblemException noSuchParagraph(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "NO_SUCH_PARAGRAPH", "No such paragraph", detail);
	}

	private Comment visibleComment(UUID commentId, Principal principal) {
		Comment c = this.comments.findById(commentId).orElseThrow(ProblemException::notFound);
		readable(c.discussionId(), principal);
		if (c.state() != CommentState.PUBLISHED) {
			throw ProblemException.notFound();
		}
		return c;
	}

	private CommentState initialState(Reading reading) {
		boolean held = !reading.organiser() && this.discussions.isPremoderated(reading.discussion().id());
		return held ? CommentState.PENDING : CommentState.PUBLISHED;
	}

	private String checkedText(String text) {
		String clean = (text == null) ? "" : text.replace("\r\n", "\n").strip();
		if (clean.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "COMMENT_EMPTY", "Empty comment",
					"Please write something before posting.");
		}
		if (clean.codePointCount(0, clean.length()) > this.settings.commentMaxLength()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "COMMENT_TOO_LONG", "Comment too long",
					"Comments can be up to " + this.settings.commentMaxLength() + " characters long.");
		}
		return clean;
	}

	private static String trimQuote(String quote) {
		if (quote == null || quote.isBlank()) {
			return null;
		}
		String q = quote.strip();
		return (q.length() > 1000) ? q.substring(0, 1000) : q;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	/** How a section's comments are sorted. */
	public enum CommentOrder {

		NEWEST, OLDEST, MOST_VOTED;

		Comparator<CommentView> comparator() {
			Comparator<CommentView> oldest = Comparator.comparing(CommentView::createdAt);
			return switch (this) {
				case NEWEST -> oldest.reversed();
				case OLDEST -> oldest;
				case MOST_VOTED -> Comparator.comparingInt((CommentView c) -> c.votes().up() - c.votes().down())
					.reversed()
					.thenComparing(oldest);
			};
		}

	}

	/**
	 * The discussion page's facts.
	 *
	 * @param premoderated whether comments wait for approval, told to organisers only
	 * @param participated whether anyone voted or commented, told to organisers only:
	 * taking the discussion back to a draft then asks them to confirm
	 * @param me the caller as a participant, or null
	 */
	public record Standing(Discussion discussion, boolean organiser, boolean premoderated, boolean participated,
			Participant me, List<SectionView> sections, List<RemovedSectionView> removedSections,
			StatisticsView statistics) {
	}

	/**
	 * The paragraph a new comment is on, as the request names it: by id, by running
	 * number, or both (which must agree).
	 */
	public record ParagraphRef(UUID id, Integer number) {
	}

	private record PlacedParagraph(UUID id, int number) {
	}

	/** What the caller did in the discussion: the sections voted on and commented on. */
	public record MyContributions(List<Integer> votedSections, List<Integer> commentedSections, long comments) {
	}

}
