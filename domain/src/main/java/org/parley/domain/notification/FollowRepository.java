package org.parley.domain.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who follows a discussion: they hear about every new comment in it. */
@Repository
public class FollowRepository {

	private final JdbcClient jdbc;

	public FollowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void follow(UUID discussionId, UUID participantId, OffsetDateTime now) {
		this.jdbc.sql("""
				insert into discussion_follow (discussion_id, participant_id, created_at)
				values (:d, :p, :now) on conflict do nothing""")
			.param("d", discussionId)
			.param("p", participantId)
			.param("now", now)
			.update();
	}

	public void unfollow(UUID discussionId, UUID participantId) {
		this.jdbc.sql("delete from discussion_follow where discussion_id = :d and participant_id = :p")
			.param("d", discussionId)
			.param("p", participantId)
			.update();
	}

	public boolean follows(UUID discussionId, UUID participantId) {
		return this.jdbc.sql("select count(*) from discussion_follow where discussion_id = :d and participant_id = :p")
			.param("d", discussionId)
			.param("p", participantId)
			.query(Integer.class)
			.single() > 0;
	}

	public List<UUID> followers(UUID discussionId) {
		return this.jdbc.sql("select participant_id from discussion_follow where discussion_id = :d")
			.param("d", discussionId)
			.query(UUID.class)
			.list();
	}

}
