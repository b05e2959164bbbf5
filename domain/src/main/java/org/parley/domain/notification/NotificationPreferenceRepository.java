package org.parley.domain.notification;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What participants chose: a default, per-discussion choices over it, and the
 * account-wide stop.
 */
@Repository
public class NotificationPreferenceRepository {

	private final JdbcClient jdbc;

	public NotificationPreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public NotificationPreferences defaults(UUID participantId) {
		return this.jdbc
			.sql("select replies, time_zone, stopped from notification_preference where participant_id = :p")
			.param("p", participantId)
			.query((rs, row) -> new NotificationPreferences(NotificationFrequency.valueOf(rs.getString("replies")),
					(rs.getString("time_zone") != null) ? ZoneId.of(rs.getString("time_zone")) : null,
					rs.getBoolean("stopped")))
			.optional()
			.orElse(NotificationPreferences.DEFAULT);
	}

	public void saveDefaults(UUID participantId, NotificationPreferences preferences, OffsetDateTime now) {
		String zone = (preferences.timeZone() != null) ? preferences.timeZone().getId() : null;
		int changed = this.jdbc.sql("""
				update notification_preference set replies = :replies, time_zone = :zone, stopped = :stopped,
				    updated_at = :now where participant_id = :p""")
			.param("replies", preferences.replies().name())
			.param("zone", zone)
			.param("stopped", preferences.stopped())
			.param("now", now)
			.param("p", participantId)
			.update();
		if (changed == 0 && this.jdbc.sql("""
				insert into notification_preference (participant_id, replies, time_zone, stopped, updated_at)
				values (:p, :replies, :zone, :stopped, :now) on conflict do nothing""")
			.param("replies", preferences.replies().name())
			.param("zone", zone)
			.param("stopped", preferences.stopped())
			.param("now", now)
			.param("p", participantId)
			.update() == 0) {
			saveDefaults(participantId, preferences, now); // saved twice at the same
															// moment: update the winner's
		}
	}

	/** The choice made for one discussion, if any. */
	public Optional<NotificationFrequency> forDiscussion(UUID participantId, UUID discussionId) {
		return this.jdbc.sql("""
				select replies from discussion_notification_preference
				where participant_id = :p and discussion_id = :d""")
			.param("p", participantId)
			.param("d", discussionId)
			.query(String.class)
			.optional()
			.map(NotificationFrequency::valueOf);
	}

	public void saveForDiscussion(UUID participantId, UUID discussionId, NotificationFrequency replies,
			OffsetDateTime now) {
		int changed = this.jdbc.sql("""
				update discussion_notification_preference set replies = :replies, updated_at = :now
				where participant_id = :p and discussion_id = :d""")
			.param("replies", replies.name())
			.param("now", now)
			.param("p", participantId)
			.param("d", discussionId)
			.update();
		if (changed == 0 && this.jdbc.sql("""
				insert into discussion_notification_preference (participant_id, discussion_id, replies, updated_at)
				values (:p, :d, :replies, :now) on conflict do nothing""")
			.param("replies", replies.name())
			.param("now", now)
			.param("p", participantId)
			.param("d", discussionId)
			.update() == 0) {
			saveForDiscussion(participantId, discussionId, replies, now);
		}
	}

	/**
	 * What applies now: nothing after an account-wide stop, else the discussion's choice,
	 * else the default.
	 */
	public NotificationFrequency effective(UUID participantId, UUID discussionId) {
		NotificationPreferences defaults = defaults(participantId);
		if (defaults.stopped()) {
			return NotificationFrequency.NONE;
		}
		return forDiscussion(participantId, discussionId).orElse(defaults.replies());
	}

}
