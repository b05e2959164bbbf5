package org.parley.domain.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events of every discussion, appended by the transactions that make the changes and
 * read back by the live streams.
 * <p>
 * A transaction appends its events unnumbered, just before it commits, and takes no lock:
 * changes to one discussion commit side by side. The numbers are given by whoever reads
 * the log next ({@link #head}, {@link #heads}, {@link #after}): in one short transaction
 * that locks the discussion's {@code discussion_event_head} row, the committed events
 * that have no number yet get the next ones, in the order they were appended. An event
 * that commits later is numbered later, so a reader that asks for everything after number
 * n never skips one; the numbers are gap-free per discussion and final once given, so
 * Last-Event-ID resumes exactly. Several web instances may number at once: the head's
 * lock lets one do it, and the others then find nothing left.
 */
@Repository
public class DiscussionEventLog {

	/** Events numbered in one transaction at most; the rest at the next read. */
	private static final int NUMBERED_AT_ONCE = 5_000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final TransactionTemplate numbering;

	public DiscussionEventLog(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock;
		this.numbering = new TransactionTemplate(transactions);
		this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

	/**
	 * The number of the discussion's last event, 0 before its first, once what has
	 * committed is numbered.
	 */
	public long head(UUID discussionId) {
		numberCommitted(List.of(discussionId));
		return lastNumber(discussionId);
	}

	private long lastNumber(UUID discussionId) {
		return this.jdbc.sql("select last_seq from discussion_event_head where discussion_id = :d")
			.param("d", discussionId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * The numbers of the last events of these discussions, once what has committed is
	 * numbered; absent where none has one.
	 */
	public Map<UUID, Long> heads(Collection<UUID> discussionIds) {
		if (discussionIds.isEmpty()) {
			return Map.of();
		}
		numberCommitted(discussionIds);
		return this.jdbc.sql("select discussion_id, last_seq from discussion_event_head where discussion_id in (:ds)")
			.param("ds", discussionIds)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The discussion's events after number {@code seq}, oldest first, at most
	 * {@code limit}, once what has committed is numbered.
	 */
	public List<DiscussionEvent> after(UUID discussionId, long seq, int limit) {
		numberCommitted(List.of(discussionId));
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

	/** Appends a committing transaction's events, unnumbered and without a lock. */
	private void append(List<Change> changes) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (Change c : changes) {
			this.jdbc.sql("""
					insert into discussion_event (discussion_id, kind, section_id, comment_id, created_at)
					values (:d, :kind, :s, :c, :now)""")
				.param("d", c.discussionId())
				.param("kind", c.kind().name())
				.param("s", c.sectionId())
				.param("c", c.commentId())
				.param("now", now)
				.update();
		}
	}

	/**
	 * Numbers the committed, unnumbered events of these discussions. The check that finds
	 * them takes no lock, so reading a quiet discussion costs one indexed query.
	 */
	private void numberCommitted(Collection<UUID> discussionIds) {
		List<UUID> waiting = this.jdbc
			.sql("select distinct discussion_id from discussion_event where seq is null and discussion_id in (:ds)")
			.param("ds", discussionIds)
			.query(UUID.class)
			.list();
		for (UUID discussion : waiting) {
			this.numbering.executeWithoutResult(status -> number(discussion));
		}
	}

	private void number(UUID discussion) {
		lockHead(discussion);
		// Read after the lock: what another reader numbered meanwhile is no longer null.
		List<Long> ids = this.jdbc
			.sql("select id from discussion_event where discussion_id = :d and seq is null order by id limit :n")
			.param("d", discussion)
			.param("n", NUMBERED_AT_ONCE)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return;
		}
		long last = lastNumber(discussion);
		long seq = last;
		for (Long id : ids) {
			seq++;
			this.jdbc.sql("update discussion_event set seq = :seq where id = :id")
				.param("seq", seq)
				.param("id", id)
				.update();
		}
		this.jdbc.sql("update discussion_event_head set last_seq = :seq where discussion_id = :d")
			.param("seq", seq)
			.param("d", discussion)
			.update();
	}

	private void lockHead(UUID discussion) {
		if (touchHead(discussion) == 0) {
			// On conflict, not a caught exception: on PostgreSQL a failed insert spoils
			// the transaction.
			this.jdbc.sql(
					"insert into discussion_event_head (discussion_id, last_seq) values (:d, 0) on conflict do nothing")
				.param("d", discussion)
				.update();
			touchHead(discussion);
		}
	}

	private int touchHead(UUID discussion) {
		return this.jdbc.sql("update discussion_event_head set last_seq = last_seq where discussion_id = :d")
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
