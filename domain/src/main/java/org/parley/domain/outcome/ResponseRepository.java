package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisers' answers, stored on the comment they answer, and the date they are due,
 * stored on the discussion.
 */
@Repository
public class ResponseRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	public ResponseRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Answers (or answers again) one comment. */
	public void respond(UUID commentId, CommentResponse response) {
		respondAll(List.of(commentId), response);
	}

	/** Gives many comments the same answer, in batches. */
	public void respondAll(Collection<UUID> commentIds, CommentResponse response) {
		MapSqlParameterSource[] rows = commentIds.stream()
			.map(id -> new MapSqlParameterSource("id", id).addValue("status", response.status().name())
				.addValue("text", response.text())
				.addValue("at", response.respondedAt())
				.addValue("by", response.respondedBy()))
			.toArray(MapSqlParameterSource[]::new);
		this.batch.batchUpdate("""
				update comment set response_status = :status, response_text = :text, responded_at = :at,
				    responded_by = :by where id = :id""", rows);
	}

	public Optional<CommentResponse> find(UUID commentId) {
		return this.jdbc.sql("""
				select response_status, response_text, responded_at, responded_by from comment
				where id = :id and response_status is not null""")
			.param("id", commentId)
			.query((rs, row) -> new CommentResponse(ResponseStatus.valueOf(rs.getString(1)), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(4, UUID.class)))
			.optional();
	}

	/**
	 * The published top-level comments of a discussion that a bulk answer picks, oldest
	 * first.
	 * @param sectionId only this section's, or null for all
	 * @param status only those already answered so, or null for any
	 * @param unansweredOnly only those without an answer
	 */
	public List<UUID> select(UUID discussionId, UUID sectionId, ResponseStatus status, boolean unansweredOnly) {
		return this.jdbc.sql("""
				select id from comment where discussion_id = :d and parent_id is null and state = 'PUBLISHED'
				    and (cast(:s as uuid) is null or section_id = :s)
				    and (cast(:status as varchar) is null or response_status = :status)
				    and (:unanswered = false or response_status is null)
				order by created_at, id""")
			.param("d", discussionId)
			.param("s", sectionId)
			.param("status", (status != null) ? status.name() : null)
			.param("unanswered", unansweredOnly)
			.query(UUID.class)
			.list();
	}

	/** "Responses published: 312 of 340", and the answers per status. */
	public ResponseCounts counts(UUID discussionId) {
		Map<ResponseStatus, Integer> byStatus = new EnumMap<>(ResponseStatus.class);
		for (ResponseStatus s : ResponseStatus.values()) {
			byStatus.put(s, 0);
		}
		int[] answerable = { 0 };
		this.jdbc.sql("""
				select response_status, count(*) from comment
				where discussion_id = :d and parent_id is null and state = 'PUBLISHED'
				group by response_status""").param("d", discussionId).query(rs -> {
			String status = rs.getString(1);
			int count = rs.getInt(2);
			answerable[0] += count;
			if (status != null) {
				byStatus.put(ResponseStatus.valueOf(status), count);
			}
		});
		int answered = byStatus.values().stream().mapToInt(Integer::intValue).sum();
		int decided = byStatus.entrySet()
			.stream()
			.filter(e -> e.getKey().isFinal())
			.mapToInt(Map.Entry::getValue)
			.sum();
		return new ResponseCounts(answerable[0], answered, decided, byStatus);
	}

	/** The date the organiser set for the answers, or null for the default. */
	public Optional<OffsetDateTime> chosenDeadline(UUID discussionId) {
		return Optional.ofNullable(this.jdbc.sql("select response_due_at from discussion where id = :d")
			.param("d", discussionId)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.orElse(null));
	}

	/** Sets the date the answers are due; null goes back to the default. */
	public void chooseDeadline(UUID discussionId, OffsetDateTime dueAt) {
		this.jdbc.sql("update discussion set response_due_at = :at where id = :d")
			.param("at", dueAt)
			.param("d", discussionId)
			.update();
	}

}
