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
 * of the outline by their number, then those that edits removed. Read section by section
 * and, within one, in pages that follow the index on (section, created) rather than an
 * offset, so that a hundred thousand comments are never sorted whole nor skipped page by
 * page, and no transaction stays open while a slow client downloads.
 */
@Repository
public class CommentRecords {

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
		List<SectionRow> sections = this.jdbc.sql("""
				select id, number, label, heading from section where discussion_id = :d
				order by case when number is null then 1 else 0 end, number, position, id""")
			.param("d", discussionId)
			.query((rs, row) -> new SectionRow(rs.getObject("id", UUID.class), (Integer) rs.getObject("number"),
					rs.getString("label"), rs.getString("heading")))
			.list();
		for (SectionRow section : sections) {
			Key after = null;
			while (true) {
				List<Row> page = page(discussionId, section, includeHidden, after, pageSize);
				for (Row row : page) {
					each.accept(row.record());
				}
				if (page.size() < pageSize) {
					break;
				}
				after = page.get(page.size() - 1).key();
			}
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

	private List<Row> page(UUID discussionId, SectionRow section, boolean includeHidden, Key after, int pageSize) {
		String sql = """
				select c.id, c.parent_id, g.number as paragraph_number, c.quote, p.id as author_id, p.email,
				       p.display_name, c.text, c.created_at, c.state, c.flags, c.response_status, c.response_text,
				       c.responded_at,
				       (select count(*) from comment_vote v where v.comment_id = c.id and v.up) as up,
				       (select count(*) from comment_vote v where v.comment_id = c.id and not v.up) as down,
				       (select count(*) from comment r where r.parent_id = c.id) as replies,
				       m.group_id, cg.size as group_size, cg.representative_id
				from comment c
				join participant p on p.id = c.participant_id
				left join paragraph g on g.id = c.paragraph_id
				left join comment_group_member m on m.comment_id = c.id
				left join comment_group cg on cg.id = m.group_id
				where c.discussion_id = :d and c.section_id = :s %s %s
				order by c.created_at, c.id
				limit :limit""".formatted(includeHidden ? "" : "and c.state = 'PUBLISHED'",
				(after == null) ? "" : "and (c.created_at > :at or (c.created_at = :at and c.id > :id))");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("d", discussionId)
			.param("s", section.id())
			.param("limit", pageSize);
		if (after != null) {
			statement = statement.param("at", after.createdAt()).param("id", after.id());
		}
		return statement.query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
			UUID group = rs.getObject("group_id", UUID.class);
			String author = new Participant(rs.getObject("author_id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), null)
				.shownName();
			CommentRecord record = new CommentRecord(id, rs.getObject("parent_id", UUID.class), section.number(),
					section.label(), section.heading(), (Integer) rs.getObject("paragraph_number"),
					rs.getString("quote"), author, rs.getString("text"), createdAt, rs.getInt("up"), rs.getInt("down"),
					rs.getInt("replies"), rs.getString("state"), rs.getInt("flags"), rs.getString("response_status"),
					rs.getString("response_text"), rs.getObject("responded_at", OffsetDateTime.class), group,
					(group != null) ? rs.getInt("group_size") : 0,
					group != null && id.equals(rs.getObject("representative_id", UUID.class)));
			return new Row(record, new Key(createdAt, id));
		}).list();
	}

	private record SectionRow(UUID id, Integer number, String label, String heading) {
	}

	private record Key(OffsetDateTime createdAt, UUID id) {
	}

	private record Row(CommentRecord record, Key key) {
	}

}
