package org.parley.domain.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.WorkMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. {@link #send} writes a message in the caller's transaction and has it
 * relayed once that commits ({@link OutboxSchedule}, in the processes that relay).
 */
@Repository
public class Outbox {

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Clock clock;

	private final ObjectProvider<OutboxSchedule> schedule;

	public Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock,
			ObjectProvider<OutboxSchedule> schedule) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.schedule = schedule;
	}

	/**
	 * Publishes a message to its queue: written in the caller's transaction, relayed
	 * after it commits.
	 */
	public void send(WorkMessage message) {
		enqueue(message.messageId(), Topology.WORK_EXCHANGE, message.queue(), message);
		relayAfterCommit();
	}

	/**
	 * Publishes many messages to one queue as one bundle row ({@link #enqueueAll}),
	 * relayed after the caller's transaction commits.
	 */
	public void sendAll(Collection<? extends WorkMessage> messages) {
		if (messages.isEmpty()) {
			return;
		}
		Map<UUID, WorkMessage> byId = new LinkedHashMap<>();
		String queue = null;
		for (WorkMessage message : messages) {
			if (queue != null && !queue.equals(message.queue())) {
				throw new IllegalArgumentException("A bundle holds messages of one queue");
			}
			queue = message.queue();
			byId.put(message.messageId(), message);
		}
		enqueueAll(Topology.WORK_EXCHANGE, queue, byId);
		relayAfterCommit();
	}

	private void relayAfterCommit() {
		OutboxSchedule relay = this.schedule.getIfAvailable();
		if (relay != null) {
			relay.relayAfterCommit();
		}
	}

	/**
	 * Writes a message record as JSON to any exchange; it is published by the next relay
	 * round. For a work queue, {@link #send} does this and asks for the round.
	 */
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
	 * Writes many messages to one destination as one row, a bundle, in the caller's
	 * transaction: a fan-out's chunk of hundreds of messages costs one insert and, once
	 * relayed, one update, not hundreds of each. The relay publishes every message of a
	 * bundle with its own id and marks the bundle once the broker confirmed them all; a
	 * bundle is relayed after every message written one at a time, so that a campaign's
	 * thousands never hold up the message a request just wrote.
	 * @param messages by message id
	 */
	public void enqueueAll(String exchange, String routingKey, Map<UUID, ?> messages) {
		if (messages.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		ArrayNode bundle = JSON.createArrayNode();
		String type = null;
		for (Map.Entry<UUID, ?> message : messages.entrySet()) {
			if (type != null && !type.equals(message.getValue().getClass().getName())) {
				throw new IllegalArgumentException("A bundle holds messages of one type");
			}
			type = message.getValue().getClass().getName();
			ObjectNode entry = bundle.addObject();
			entry.put("id", message.getKey().toString());
			entry.set("payload", JSON.valueToTree(message.getValue()));
		}
		this.jdbc.sql("""
				insert into outbox_message (id, exchange, routing_key, message_type, payload, created_at, attempts,
				    next_attempt_at, bulk, messages)
				values (:id, :exchange, :key, :type, :payload, :now, 0, :now, true, :messages)""")
			.param("id", UUID.randomUUID())
			.param("exchange", exchange)
			.param("key", routingKey)
			.param("type", type)
			.param("payload", JSON.writeValueAsString(bundle))
			.param("now", now)
			.param("messages", messages.size())
			.update();
	}

	/**
	 * Messages due for a (re)try: those written one at a time first, then bundles, each
	 * oldest first; whole rows, at least one, until there are {@code limit} messages. The
	 * rows are chosen by their sizes first and only then read whole: a campaign's pending
	 * bundles hold hundreds of messages each, and reading {@code limit} of them to use
	 * one moved megabytes per page.
	 */
	public List<OutboxMessage> due(int limit) {
		List<Pending> pending = this.jdbc.sql("""
				select id, messages from outbox_message where published_at is null and next_attempt_at <= :now
				order by bulk, created_at limit :limit""")
			.param("now", OffsetDateTime.now(this.clock))
			.param("limit", limit)
			.query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("messages", Integer.class)))
			.list();
		List<UUID> rows = new ArrayList<>();
		int messages = 0;
		for (Pending row : pending) {
			if (messages >= limit) {
				break;
			}
			rows.add(row.id());
			messages += (row.messages() != null) ? row.messages() : 1;
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<OutboxMessage>> read = new HashMap<>();
		this.jdbc.sql("select * from outbox_message where id in (:ids) and published_at is null")
			.param("ids", rows)
			.query((ResultSet rs) -> {
				read.put(rs.getObject("id", UUID.class), messagesOf(rs));
			});
		// In the order chosen, without the rows another relay published in between.
		List<OutboxMessage> due = new ArrayList<>(messages);
		for (UUID row : rows) {
			due.addAll(read.getOrDefault(row, List.of()));
		}
		return due;
	}

	/** An unpublished row and its message count: null for a single message. */
	private record Pending(UUID id, Integer messages) {
	}

	/** Marks rows, single messages or whole bundles, as published, in one statement. */
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

	/** Messages not yet published, those in bundles counted one by one. */
	public long pendingCount() {
		return this.jdbc
			.sql("select coalesce(sum(coalesce(messages, 1)), 0) from outbox_message where published_at is null")
			.query(Long.class)
			.single();
	}

	/** Forgets published messages older than the given age. */
	public int purgePublishedBefore(OffsetDateTime before) {
		return this.jdbc.sql("delete from outbox_message where published_at is not null and published_at < :before")
			.param("before", before)
			.update();
	}

	private static List<OutboxMessage> messagesOf(ResultSet rs) throws SQLException {
		UUID rowId = rs.getObject("id", UUID.class);
		String exchange = rs.getString("exchange");
		String routingKey = rs.getString("routing_key");
		String type = rs.getString("message_type");
		OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
		int attempts = rs.getInt("attempts");
		if (rs.getObject("messages") == null) {
			return List.of(new OutboxMessage(rowId, rowId, exchange, routingKey, type, rs.getString("payload"),
					createdAt, attempts));
		}
		List<OutboxMessage> messages = new ArrayList<>();
		for (JsonNode entry : JSON.readTree(rs.getString("payload"))) {
			messages.add(new OutboxMessage(UUID.fromString(entry.get("id").asString()), rowId, exchange, routingKey,
					type, JSON.writeValueAsString(entry.get("payload")), createdAt, attempts));
		}
		return messages;
	}

}
