package org.parley.domain.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events of every discussion, appended by the transactions that make the changes and
 * read back by the live streams.
 * <p>
 * A transaction's events are written just before it commits: the discussion's
 * {@code discussion_event_head} row is locked then and stays locked until the commit, so
 * the numbers of one discussion commit in the order they were given out and a reader that
 * asks for everything after number n never skips one that commits later. The lock is held
 * for the few statements of the append and the commit only, not for the request.
 */
@Repository
public class DiscussionEventLog {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	public DiscussionEventLog(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Records a change to be appended when the current transaction commits, and to be
	 * forgotten if it rolls back.
	 * @throws IllegalStateException outside a transaction
	 */
	public void record(UUID discussionId, DiscussionEventKind kind, UUID sectionId, UUID commentId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Discussion events are recorded inside the transaction of their change");
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.events.add(new Change(discussionId, kind, sectionId, commentId));
	}

	/** The number of the discussion's last event, 0 before its first. */
	public long head(UUID discussionId) {
		return this.jdbc.sql("select last_seq from discussion_event_head where discussion_id = :d")
			.param("d", discussionId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** The numbers of the last events of these discussions; absent where none has one. */
	public Map<UUID, Long> heads(Collection<UUID> discussionIds) {
		if (discussionIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select discussion_id, last_seq from discussion_event_head where discussion_id in (:ds)")
			.param("ds", discussionIds)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The discussion's events after number {@code seq}, oldest first, at most
	 * {@code limit}.
	 */
	public List<DiscussionEvent> after(UUID discussionId, long seq, int limit) {
		return this.jdbc.sql("""
				select seq, kind, section_id, comment_id, created_at from discussion_event
				where discussion_id = :d and seq > :seq order by seq limit :limit""")
			.param("d", discussionId)
			.param("seq", seq)
			.param("limit", limit)
			.query((rs, row) -> new DiscussionEvent(discussionId, rs.getLong(1),
					DiscussionEventKind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/**
	 * The number of the discussion's oldest event still kept, or 0 when it has none: a
	 * viewer that last saw an event before it can no longer be given all it missed.
	 */
	public long oldestKept(UUID discussionId) {
		return this.jdbc.sql("select min(seq) from discussion_event where discussion_id = :d")
			.param("d", discussionId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Deletes events older than {@code before}; the heads keep their numbers. */
	public int purgeBefore(OffsetDateTime before) {
		return this.jdbc.sql("delete from discussion_event where created_at < :before")
			.param("before", before)
			.update();
	}

	private void append(List<Change> changes) {
		Map<UUID, List<Change>> byDiscussion = new LinkedHashMap<>();
		changes.forEach(c -> byDiscussion.computeIfAbsent(c.discussionId(), d -> new ArrayList<>()).add(c));
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (Map.Entry<UUID, List<Change>> entry : byDiscussion.entrySet()) {
			UUID discussion = entry.getKey();
			List<Change> events = entry.getValue();
			long last = advanceHead(discussion, events.size());
			long seq = last - events.size();
			for (Change c : events) {
				seq++;
				this.jdbc.sql("""
						insert into discussion_event (discussion_id, seq, kind, section_id, comment_id, created_at)
						values (:d, :seq, :kind, :s, :c, :now)""")
					.param("d", discussion)
					.param("seq", seq)
					.param("kind", c.kind().name())
					.param("s", c.sectionId())
					.param("c", c.commentId())
					.param("now", now)
					.update();
			}
		}
	}

	/** Takes {@code n} numbers and the head's lock until the commit. */
	private long advanceHead(UUID discussion, int n) {
		if (bump(discussion, n) == 0) {
			// On conflict, not a caught exception: on PostgreSQL a failed insert spoils
			// the transaction.
			this.jdbc.sql(
					"insert into discussion_event_head (discussion_id, last_seq) values (:d, 0) on conflict do nothing")
				.param("d", discussion)
				.update();
			bump(discussion, n);
		}
		return head(discussion);
	}

	private int bump(UUID discussion, int n) {
		return this.jdbc.sql("update discussion_event_head set last_seq = last_seq + :n where discussion_id = :d")
			.param("n", n)
			.param("d", discussion)
			.update();
	}

	private record Change(UUID discussionId, DiscussionEventKind kind, UUID sectionId, UUID commentId) {
	}

	private final class Pending implements TransactionSynchronization {

		final List<Change> events = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			append(this.events);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(DiscussionEventLog.this);
			if (status == STATUS_COMMITTED) {
				Set<UUID> discussions = new LinkedHashSet<>();
				this.events.forEach(e -> discussions.add(e.discussionId()));
				DiscussionEventLog.this.publisher.publishEvent(new DiscussionEventsCommitted(discussions));
			}
		}

	}

}
