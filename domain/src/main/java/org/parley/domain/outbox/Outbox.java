package org.parley.domain.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table. {@link #enqueue} joins the caller's transaction. */
@Repository
public class Outbox {

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Clock clock;

	public Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/** Writes a message record as JSON; it is published after the transaction commits. */
	public UUID enqueue(UUID messageId, String exchange, String routingKey, Object message) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into outbox_message (id, exchange, routing_key, message_type, payload, created_at, attempts,
				    next_attempt_at)
				values (:id, :exchange, :key, :type, :payload, :now, 0, :now)""")
			.param("id", messageId)
			.param("exchange", exchange)
			.param("key", routingKey)
			.param("type", message.getClass().getName())
			.param("payload", JSON.writeValueAsString(message))
			.param("now", now)
			.update();
		return messageId;
	}

	/**
	 * Writes many messages to one destination in one round trip, in the caller's transaction. They
	 * are relayed after every message written one at a time, so that a campaign's thousands never
	 * hold up the message a request just wrote.
	 * @param messages by message id
	 */
	public void enqueueAll(String exchange, String routingKey, Map<UUID, ?> messages) {
		if (messages.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		MapSqlParameterSource[] rows = messages.entrySet()
			.stream()
			.map(e -> new MapSqlParameterSource().addValue("id", e.getKey())
				.addValue("exchange", exchange)
				.addValue("key", routingKey)
				.addValue("type", e.getValue().getClass().getName())
				.addValue("payload", JSON.writeValueAsString(e.getValue()))
				.addValue("now", now))
			.toArray(MapSqlParameterSource[]::new);
		this.batch.batchUpdate("""
				insert into outbox_message (id, exchange, routing_key, message_type, payload, created_at, attempts,
				    next_attempt_at, bulk)
				values (:id, :exchange, :key, :type, :payload, :now, 0, :now, true)""", rows);
	}

	/** Messages due for a (re)try: those written one at a time first, then bulk ones, each oldest first. */
	public List<OutboxMessage> due(int limit) {
		return this.jdbc.sql("""
				select * from outbox_message where published_at is null and next_attempt_at <= :now
				order by bulk, created_at limit :limit""")
			.param("now", OffsetDateTime.now(this.clock))
			.param("limit", limit)
			.query(Outbox::map)
			.list();
	}

	public void markPublished(UUID id) {
		this.jdbc.sql("update outbox_message set published_at = :now, last_error = null where id = :id")
			.param("now", OffsetDateTime.now(this.clock))
			.param("id", id)
			.update();
	}

	/** Marks many as published in one statement. */
	public void markPublished(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("update outbox_message set published_at = :now, last_error = null where id in (:ids)")
			.param("now", OffsetDateTime.now(this.clock))
			.param("ids", ids)
			.update();
	}

	public void markFailed(UUID id, String reason, Duration retryAfter) {
		this.jdbc.sql("""
				update outbox_message set attempts = attempts + 1, last_error = :reason, next_attempt_at = :next
				where id = :id""")
			.param("reason", (reason.length() > 1000) ? reason.substring(0, 1000) : reason)
			.param("next", OffsetDateTime.now(this.clock).plus(retryAfter))
			.param("id", id)
			.update();
	}

	public long pendingCount() {
		return this.jdbc.sql("select count(*) from outbox_message where published_at is null")
			.query(Long.class)
			.single();
	}

	/** Forgets published messages older than the given age. */
	public int purgePublishedBefore(OffsetDateTime before) {
		return this.jdbc.sql("delete from outbox_message where published_at is not null and published_at < :before")
			.param("before", before)
			.update();
	}

	private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("exchange"),
				rs.getString("routing_key"), rs.getString("message_type"), rs.getString("payload"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("attempts"));
	}

}
