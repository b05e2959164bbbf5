package org.parley.domain.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments, replies, their votes and flags. */
@Repository
public class CommentRepository {

	private final JdbcClient jdbc;

	public CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Comment c) {
		this.jdbc.sql("""
				insert into comment (id, discussion_id, section_id, paragraph_id, quote, parent_id,
				    participant_id, text, state, flags, created_at, revision)
				values (:id, :d, :s, :p, :quote, :parent, :participant, :text, :state, 0, :createdAt,
				    (select revision from discussion where id = :d))""")
			.param("id", c.id())
			.param("d", c.discussionId())
			.param("s", c.sectionId())
			.param("p", c.paragraphId())
			.param("quote", c.quote())
			.param("parent", c.parentId())
			.param("participant", c.participantId())
			.param("text", c.text())
			.param("state", c.state().name())
			.param("createdAt", c.createdAt())
			.update();
	}

	public Optional<Comment> findById(UUID id) {
		return this.jdbc.sql("select * from comment where id = :id")
			.param("id", id)
			.query(CommentRepository::map)
			.optional();
	}

	/**
	 * Every comment and reply shown in a section, oldest first, with names, paragraph
	 * numbers and vote counts.
	 */
	public List<CommentThreadEntry> findForSection(UUID discussionId, UUID sectionId) {
		return this.jdbc.sql("""
				select c.id, c.parent_id, c.participant_id, p.email, p.display_name, c.text, c.paragraph_id,
				       g.number as paragraph_number, c.quote, c.state, c.flags, c.created_at, c.revision,
				       c.led_to_revision, c.response_status, c.response_text, c.responded_at, c.responded_by,
				       (select count(*) from comment_vote v where v.comment_id = c.id and v.up) as up,
				       (select count(*) from comment_vote v where v.comment_id = c.id and not v.up) as down
				from comment c join participant p on p.id = c.participant_id
				left join paragraph g on g.id = c.paragraph_id
				where c.discussion_id = :d and c.section_id = :s
				order by c.created_at, c.id""")
			.param("d", discussionId)
			.param("s", sectionId)
			.query((rs, row) -> entry(rs))
			.list();
	}

	private static CommentThreadEntry entry(ResultSet rs) throws SQLException {
		return new CommentThreadEntry(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
				rs.getObject("participant_id", UUID.class),
				new Participant(rs.getObject("participant_id", UUID.class), rs.getString("email"),
						rs.getString("display_name"), null)
					.shownName(),
				rs.getString("text"), rs.getObject("paragraph_id", UUID.class),
				(Integer) rs.getObject("paragraph_number"), rs.getString("quote"),
				CommentState.valueOf(rs.getString("state")), rs.getInt("flags"), rs.getInt("up"), rs.getInt("down"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("revision"),
				(Integer) rs.getObject("led_to_revision"), response(rs));
	}

	/**
	 * These comments and replies of the discussion, whatever their state, with their
	 * sections' running numbers; those on a section an edit removed are left out.
	 */
	public List<SectionedComment> findWithSection(UUID discussionId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select c.id, c.parent_id, c.participant_id, p.email, p.display_name, c.text, c.paragraph_id,
					       g.number as paragraph_number, c.quote, c.state, c.flags, c.created_at, s.number as section_number,
					       c.revision, c.led_to_revision, c.response_status, c.response_text, c.responded_at, c.responded_by,
					       (select count(*) from comment_vote v where v.comment_id = c.id and v.up) as up,
					       (select count(*) from comment_vote v where v.comment_id = c.id and not v.up) as down
					from comment c join participant p on p.id = c.participant_id
					join section s on s.id = c.section_id
					left join paragraph g on g.id = c.paragraph_id
					where c.discussion_id = :d and c.id in (:ids) and s.number is not null""")
			.param("d", discussionId)
			.param("ids", ids)
			.query((rs, row) -> new SectionedComment(rs.getInt("section_number"), entry(rs)))
			.list();
	}

	/**
	 * Comments on text that a later revision removed: on a removed paragraph, or on the
	 * whole of a removed section, oldest first, replies included.
	 */
	public List<CommentOnRemovedText> findOnRemovedText(UUID discussionId) {
		return this.jdbc.sql("""
				select c.id, c.parent_id, c.text, c.revision, c.created_at, c.state, pt.email, pt.display_name,
				       c.participant_id, g.text as paragraph_text, s.label, s.heading
				from comment c join participant pt on pt.id = c.participant_id
				join section s on s.id = c.section_id
				left join paragraph g on g.id = c.paragraph_id
				where c.discussion_id = :d and c.state = 'PUBLISHED'
				  and ((c.paragraph_id is not null and g.number is null)
				    or (c.paragraph_id is null and c.parent_id is null and s.number is null))
				order by c.created_at, c.id""")
			.param("d", discussionId)
			.query((rs, row) -> new CommentOnRemovedText(rs.getObject("id", UUID.class),
					new Participant(rs.getObject("participant_id", UUID.class), rs.getString("email"),
							rs.getString("display_name"), null)
						.shownName(),
					rs.getString("text"), rs.getInt("revision"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("paragraph_text"), rs.getString("label"), rs.getString("heading")))
			.list();
	}

	/**
	 * A comment whose text a later revision removed, with the words it was on.
	 *
	 * @param removedText the removed paragraph's words, or null for a comment on a whole
	 * removed section
	 */
	public record CommentOnRemovedText(UUID id, String author, String text, int revision, OffsetDateTime createdAt,
			String removedText, String sectionLabel, String sectionHeading) {
	}

	/** Marks a comment as one that led to the change in {@code revision}. */
	public boolean ledTo(UUID commentId, UUID discussionId, Integer revision) {
		return this.jdbc.sql("update comment set led_to_revision = :r where id = :c and discussion_id = :d")
			.param("r", revision)
			.param("c", commentId)
			.param("d", discussionId)
			.update() == 1;
	}

	/** The revision of the document the comment was written on. */
	public int revisionOf(UUID commentId) {
		return this.jdbc.sql("select revision from comment where id = :c")
			.param("c", commentId)
			.query(Integer.class)
			.optional()
			.orElse(1);
	}

	public void vote(UUID commentId, UUID participantId, boolean up) {
		int changed = this.jdbc.sql("update comment_vote set up = :up where comment_id = :c and participant_id = :p")
			.param("up", up)
			.param("c", commentId)
			.param("p", participantId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("insert into comment_vote (comment_id, participant_id, up) values (:c, :p, :up)")
				.param("c", commentId)
				.param("p", participantId)
				.param("up", up)
				.update();
		}
	}

	/**
	 * Published comments per running section number, replies included, for the sections
	 * of the outline.
	 */
	public Map<Integer, Integer> countsBySection(UUID discussionId) {
		return this.jdbc.sql("""
				select s.number, count(*) from comment c join section s on s.id = c.section_id
				where c.discussion_id = :d and c.state = 'PUBLISHED' and s.number is not null
				group by s.number""")
			.param("d", discussionId)
			.query((rs, row) -> Map.entry(rs.getInt(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * {@link #countsBySection} of several discussions in one query, by discussion; a
	 * discussion without published comments is absent.
	 */
	public Map<UUID, Map<Integer, Integer>> countsBySectionOf(Collection<UUID> discussionIds) {
		if (discussionIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Map<Integer, Integer>> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select c.discussion_id, s.number, count(*) from comment c join section s on s.id = c.section_id
				where c.discussion_id in (:ds) and c.state = 'PUBLISHED' and s.number is not null
				group by c.discussion_id, s.number""").param("ds", discussionIds).query(rs -> {
			counts.computeIfAbsent(rs.getObject(1, UUID.class), d -> new java.util.HashMap<>())
				.put(rs.getInt(2), rs.getInt(3));
		});
		return counts;
	}

	/** The running numbers of the sections the participant commented on. */
	public List<Integer> sectionsCommentedBy(UUID discussionId, UUID participantId) {
		return this.jdbc.sql("""
				select distinct s.number from comment c join section s on s.id = c.section_id
				where c.discussion_id = :d and c.participant_id = :p and s.number is not null""")
			.param("d", discussionId)
			.param("p", participantId)
			.query(Integer.class)
			.list();
	}

	public long countBy(UUID discussionId, UUID participantId) {
		return this.jdbc.sql("select count(*) from comment where discussion_id = :d and participant_id = :p")
			.param("d", discussionId)
			.param("p", participantId)
			.query(Long.class)
			.single();
	}

	/** The comments given to one paragraph, whatever their state. */
	public long countOnParagraph(UUID paragraphId) {
		return this.jdbc.sql("select count(*) from comment where paragraph_id = :p")
			.param("p", paragraphId)
			.query(Long.class)
			.single();
	}

	/** Every comment and reply of a discussion, whatever its state. */
	public long countIn(UUID discussionId) {
		return this.jdbc.sql("select count(*) from comment where discussion_id = :d")
			.param("d", discussionId)
			.query(Long.class)
			.single();
	}

	/** Published comments per section, by section id, replies included. */
	public Map<UUID, Integer> countsBySectionId(UUID discussionId) {
		return countBySectionId(discussionId, CommentState.PUBLISHED);
	}

	public void changeState(UUID commentId, CommentState state) {
		this.jdbc.sql("update comment set state = :state where id = :id")
			.param("state", state.name())
			.param("id", commentId)
			.update();
	}

	/**
	 * @return whether this participant had not flagged it before
	 */
	public boolean flag(UUID commentId, UUID participantId, OffsetDateTime now) {
		int already = this.jdbc.sql("select count(*) from comment_flag where comment_id = :c and participant_id = :p")
			.param("c", commentId)
			.param("p", participantId)
			.query(Integer.class)
			.single();
		if (already > 0) {
			return false;
		}
		this.jdbc.sql("insert into comment_flag (comment_id, participant_id, flagged_at) values (:c, :p, :now)")
			.param("c", commentId)
			.param("p", participantId)
			.param("now", now)
			.update();
		this.jdbc.sql("update comment set flags = flags + 1 where id = :c").param("c", commentId).update();
		return true;
	}

	/**
	 * The moderation queue, oldest first: comments held for approval, and published
	 * comments flagged since their last review.
	 */
	public List<ModerationEntry> moderationQueue(UUID discussionId, int limit) {
		return this.jdbc.sql("""
				select * from (
				    select c.id, c.parent_id, s.number, p.email, p.display_name, c.participant_id, c.text, c.state,
				           c.flags, c.created_at,
				           case when c.state = 'PENDING' then c.created_at
				                else (select min(f.flagged_at) from comment_flag f where f.comment_id = c.id
				                      and (c.moderated_at is null or f.flagged_at > c.moderated_at)) end as since
				    from comment c join participant p on p.id = c.participant_id
				    join section s on s.id = c.section_id
				    where c.discussion_id = :d and (c.state = 'PENDING' or (c.state = 'PUBLISHED' and c.flags > 0))
				) q where q.since is not null
				order by q.since, q.id
				limit :limit""")
			.param("d", discussionId)
			.param("limit", limit)
			.query((rs, row) -> new ModerationEntry(rs.getObject("id", UUID.class),
					rs.getObject("parent_id", UUID.class), (Integer) rs.getObject("number"),
					new Participant(rs.getObject("participant_id", UUID.class), rs.getString("email"),
							rs.getString("display_name"), null)
						.shownName(),
					rs.getString("text"), CommentState.valueOf(rs.getString("state")), rs.getInt("flags"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("since", OffsetDateTime.class)))
			.list();
	}

	/** How many comments wait in the queue: held for approval, and flagged. */
	public ModerationCounts moderationCounts(UUID discussionId) {
		return this.jdbc.sql("""
				select coalesce(sum(case when c.state = 'PENDING' then 1 else 0 end), 0),
				       coalesce(sum(case when c.state = 'PUBLISHED' and exists (select 1 from comment_flag f
				           where f.comment_id = c.id and (c.moderated_at is null or f.flagged_at > c.moderated_at))
				           then 1 else 0 end), 0)
				from comment c where c.discussion_id = :d and (c.state = 'PENDING' or c.flags > 0)""")
			.param("d", discussionId)
			.query((rs, row) -> new ModerationCounts(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/** Comments held for approval per section id, replies included. */
	public Map<UUID, Integer> waitingBySectionId(UUID discussionId) {
		return countBySectionId(discussionId, CommentState.PENDING);
	}

	private Map<UUID, Integer> countBySectionId(UUID discussionId, CommentState state) {
		return this.jdbc.sql("""
				select section_id, count(*) from comment where discussion_id = :d and state = :state
				group by section_id""")
			.param("d", discussionId)
			.param("state", state.name())
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * An organiser's decision on comments of the queue: they become {@code state} and
	 * leave the queue until flagged again. Comments of other discussions are left alone.
	 * @return the ids that were held for approval and are now published
	 */
	public List<UUID> moderate(UUID discussionId, List<UUID> commentIds, CommentState state, UUID organiserId,
			OffsetDateTime now) {
		if (commentIds.isEmpty()) {
			return List.of();
		}
		List<UUID> released = (state == CommentState.PUBLISHED) ? this.jdbc.sql("""
				select id from comment where discussion_id = :d and id in (:ids) and state = 'PENDING'""")
			.param("d", discussionId)
			.param("ids", commentIds)
			.query(UUID.class)
			.list() : List.of();
		this.jdbc.sql("""
				update comment set state = :state, moderated_at = :now, moderated_by = :by
				where discussion_id = :d and id in (:ids)""")
			.param("state", state.name())
			.param("now", now)
			.param("by", organiserId)
			.param("d", discussionId)
			.param("ids", commentIds)
			.update();
		return released;
	}

	private static CommentResponse response(ResultSet rs) throws SQLException {
		String status = rs.getString("response_status");
		return (status == null) ? null
				: new CommentResponse(ResponseStatus.valueOf(status), rs.getString("response_text"),
						rs.getObject("responded_at", OffsetDateTime.class), rs.getObject("responded_by", UUID.class));
	}

	private static Comment map(ResultSet rs, int row) throws SQLException {
		return new Comment(rs.getObject("id", UUID.class), rs.getObject("discussion_id", UUID.class),
				rs.getObject("section_id", UUID.class), rs.getObject("paragraph_id", UUID.class), rs.getString("quote"),
				rs.getObject("parent_id", UUID.class), rs.getObject("participant_id", UUID.class), rs.getString("text"),
				CommentState.valueOf(rs.getString("state")), rs.getInt("flags"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
