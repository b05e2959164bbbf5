package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.parley.domain.participation.Participant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every comment of a discussion in the order of the outline, then oldest first: sections
 * of the outline by their number, then those that edits removed. Read in pages that
 * follow the order's own key rather than an offset, so that the last page of a hundred
 * thousand does not read and skip all the others first, and no transaction stays open
 * while a slow client downloads.
 */
@Repository
public class CommentRecords {

	/** Sorts removed sections, which have no number, after the outline. */
	private static final int REMOVED = Integer.MAX_VALUE;

	private static final int PAGE = 2_000;

	private final JdbcClient jdbc;

	public CommentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Hands every comment to {@code each}, page by page.
	 * @param includeHidden whether hidden, rejected and waiting comments come too; else
	 * only published ones
	 */
	public void forEach(UUID discussionId, boolean includeHidden, Consumer<CommentRecord> each) {
		forEach(discussionId, includeHidden, PAGE, each);
	}

	void forEach(UUID discussionId, boolean includeHidden, int pageSize, Consumer<CommentRecord> each) {
		Key after = new Key(Integer.MIN_VALUE, OffsetDateTime.parse("1970-01-01T00:00:00Z"),
				new UUID(Long.MIN_VALUE, Long.MIN_VALUE));
		boolean first = true;
		while (true) {
			List<Row> page = page(discussionId, includeHidden, first, after, pageSize);
			first = false;
			for (Row row : page) {
				each.accept(row.record());
			}
			if (page.size() < pageSize) {
				return;
			}
			after = page.get(page.size() - 1).key();
		}
	}

	/** How many comments {@link #forEach} hands on. */
	public long count(UUID discussionId, boolean includeHidden) {
		return this.jdbc
			.sql("select count(*) from comment where discussion_id = :d"
					+ (includeHidden ? "" : " and state = 'PUBLISHED'"))
			.param("d", discussionId)
			.query(Long.class)
			.single();
	}

	private List<Row> page(UUID discussionId, boolean includeHidden, boolean first, Key after, int pageSize) {
		String sql = """
				select c.id, c.parent_id, coalesce(s.number, %d) as position, s.number, s.label, s.heading,
				       g.number as paragraph_number, c.quote, p.id as author_id, p.email, p.display_name, c.text,
				       c.created_at, c.state, c.flags, c.response_status, c.response_text, c.responded_at,
				       (select count(*) from comment_vote v where v.comment_id = c.id and v.up) as up,
				       (select count(*) from comment_vote v where v.comment_id = c.id and not v.up) as down,
				       (select count(*) from comment r where r.parent_id = c.id) as replies,
				       m.group_id, cg.size as group_size, cg.representative_id
				from comment c
				join section s on s.id = c.section_id
				join participant p on p.id = c.participant_id
				left join paragraph g on g.id = c.paragraph_id
				left join comment_group_member m on m.comment_id = c.id
				left join comment_group cg on cg.id = m.group_id
				where c.discussion_id = :d %s %s
				order by position, c.created_at, c.id
				limit :limit""".formatted(REMOVED, includeHidden ? "" : "and c.state = 'PUBLISHED'",
				first ? "" : "and (coalesce(s.number, " + REMOVED + "), c.created_at, c.id) > (:position, :at, :id)");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("d", discussionId).param("limit", pageSize);
		if (!first) {
			statement = statement.param("position", after.position())
				.param("at", after.createdAt())
				.param("id", after.id());
		}
		return statement.query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
			UUID group = rs.getObject("group_id", UUID.class);
			String author = new Participant(rs.getObject("author_id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), null)
				.shownName();
			CommentRecord record = new CommentRecord(id, rs.getObject("parent_id", UUID.class),
					(Integer) rs.getObject("number"), rs.getString("label"), rs.getString("heading"),
					(Integer) rs.getObject("paragraph_number"), rs.getString("quote"), author, rs.getString("text"),
					createdAt, rs.getInt("up"), rs.getInt("down"), rs.getInt("replies"), rs.getString("state"),
					rs.getInt("flags"), rs.getString("response_status"), rs.getString("response_text"),
					rs.getObject("responded_at", OffsetDateTime.class), group,
					(group != null) ? rs.getInt("group_size") : 0,
					group != null && id.equals(rs.getObject("representative_id", UUID.class)));
			return new Row(record, new Key(rs.getInt("position"), createdAt, id));
		}).list();
	}

	private record Key(int position, OffsetDateTime createdAt, UUID id) {
	}

	private record Row(CommentRecord record, Key key) {
	}

}
