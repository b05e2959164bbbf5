package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Near-duplicate groups of a discussion and what they were computed from. A regrouping
 * replaces them all in one transaction; a group keeps its id while its representative
 * stays the same.
 */
@Repository
public class CommentGroupRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	public CommentGroupRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A comment as grouping reads it. */
	public record GroupedText(UUID commentId, String text) {
	}

	/**
	 * What a grouping was computed from: comments that could be grouped, and the newest
	 * one's time.
	 */
	public record Basis(int comments, OffsetDateTime lastCommentAt) {
	}

	/**
	 * The texts grouping reads: published top-level comments, oldest first (the first of
	 * a group stands for it).
	 */
	public List<GroupedText> texts(UUID discussionId) {
		return this.jdbc.sql("""
				select id, text from comment where discussion_id = :d and parent_id is null and state = 'PUBLISHED'
				order by created_at, id""")
			.param("d", discussionId)
			.query((rs, row) -> new GroupedText(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/**
	 * Holds the discussion's row until the caller's transaction ends, so that one
	 * regrouping of a discussion runs at a time.
	 */
	public void lock(UUID discussionId) {
		this.jdbc.sql("select id from discussion where id = :d for update")
			.param("d", discussionId)
			.query(UUID.class)
			.list();
	}

	/** The basis the texts have now: cheap, one indexed aggregate. */
	public Basis currentBasis(UUID discussionId) {
		return this.jdbc.sql("""
				select count(*), max(created_at) from comment
				where discussion_id = :d and parent_id is null and state = 'PUBLISHED'""")
			.param("d", discussionId)
			.query((rs, row) -> new Basis(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
			.single();
	}

	/** The basis of the groups stored, if ever computed. */
	public Optional<Basis> storedBasis(UUID discussionId) {
		return this.jdbc.sql("select comments, last_comment_at from comment_grouping where discussion_id = :d")
			.param("d", discussionId)
			.query((rs, row) -> new Basis(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
			.optional();
	}

	/**
	 * Replaces the discussion's groups, in the caller's transaction. Each group is given
	 * as its member ids, the representative first.
	 */
	public void replace(UUID discussionId, List<List<UUID>> groups, Basis basis, OffsetDateTime now) {
		Map<UUID, UUID> idByRepresentative = new LinkedHashMap<>();
		this.jdbc.sql("select representative_id, id from comment_group where discussion_id = :d")
			.param("d", discussionId)
			.query(rs -> {
				idByRepresentative.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
			});
		this.jdbc.sql("delete from comment_group where discussion_id = :d").param("d", discussionId).update();
		List<MapSqlParameterSource> groupRows = new ArrayList<>();
		List<MapSqlParameterSource> memberRows = new ArrayList<>();
		for (List<UUID> members : groups) {
			UUID representative = members.get(0);
			UUID id = idByRepresentative.getOrDefault(representative, UUID.randomUUID());
			groupRows.add(new MapSqlParameterSource("id", id).addValue("d", discussionId)
				.addValue("r", representative)
				.addValue("size", members.size())
				.addValue("now", now));
			for (UUID member : members) {
				memberRows.add(new MapSqlParameterSource("g", id).addValue("c", member));
			}
		}
		this.batch.batchUpdate("""
				insert into comment_group (id, discussion_id, representative_id, size, created_at)
				values (:id, :d, :r, :size, :now)""", groupRows.toArray(MapSqlParameterSource[]::new));
		this.batch.batchUpdate("insert into comment_group_member (group_id, comment_id) values (:g, :c)",
				memberRows.toArray(MapSqlParameterSource[]::new));
		int changed = this.jdbc.sql(
				"update comment_grouping set comments = :n, last_comment_at = :last, computed_at = :now where discussion_id = :d")
			.param("n", basis.comments())
			.param("last", basis.lastCommentAt())
			.param("now", now)
			.param("d", discussionId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into comment_grouping (discussion_id, comments, last_comment_at, computed_at)
					values (:d, :n, :last, :now) on conflict do nothing""")
				.param("n", basis.comments())
				.param("last", basis.lastCommentAt())
				.param("now", now)
				.param("d", discussionId)
				.update();
		}
	}

	/** The discussion's groups, largest first, each with its members. */
	public List<CommentGroup> findAll(UUID discussionId) {
		return read("g.discussion_id = :key", discussionId);
	}

	/** The group a comment is in, if any. */
	public Optional<CommentGroup> groupOf(UUID commentId) {
		return read("g.id = (select group_id from comment_group_member where comment_id = :key)", commentId).stream()
			.findFirst();
	}

	public Optional<CommentGroup> findById(UUID groupId) {
		return read("g.id = :key", groupId).stream().findFirst();
	}

	/** A comment's group: its id and size. */
	public record Membership(UUID groupId, int size) {
	}

	/** The group of each grouped comment of a discussion, for showing it next to it. */
	public Map<UUID, Membership> membership(UUID discussionId) {
		Map<UUID, Membership> byComment = new LinkedHashMap<>();
		this.jdbc.sql("""
				select m.comment_id, m.group_id, g.size from comment_group_member m
				join comment_group g on g.id = m.group_id where g.discussion_id = :d""")
			.param("d", discussionId)
			.query(rs -> {
				byComment.put(rs.getObject(1, UUID.class), new Membership(rs.getObject(2, UUID.class), rs.getInt(3)));
			});
		return byComment;
	}

	private List<CommentGroup> read(String where, UUID key) {
		Map<UUID, CommentGroup> groups = new LinkedHashMap<>();
		String sql = "select g.id, g.discussion_id, g.representative_id, r.text, m.comment_id"
				+ " from comment_group g join comment r on r.id = g.representative_id"
				+ " join comment_group_member m on m.group_id = g.id join comment c on c.id = m.comment_id where "
				+ where + " order by g.size desc, r.created_at, g.id,"
				+ " case when m.comment_id = g.representative_id then 0 else 1 end, c.created_at, c.id";
		this.jdbc.sql(sql).param("key", key).query(rs -> {
			UUID id = rs.getObject(1, UUID.class);
			CommentGroup group = groups.get(id);
			if (group == null) {
				group = new CommentGroup(id, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
						new ArrayList<>());
				groups.put(id, group);
			}
			group.commentIds().add(rs.getObject(5, UUID.class));
		});
		return groups.values()
			.stream()
			.map(g -> new CommentGroup(g.id(), g.discussionId(), g.representativeId(), g.representativeText(),
					List.copyOf(g.commentIds())))
			.toList();
	}

}
