package org.parley.domain.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery ledger. Every change of status is a conditional update from the status it
 * must come from, so that two workers, or a worker and a redelivered message, cannot both
 * win.
 */
@Repository
public class DeliveryRepository {

	static final String REVOKED_BEFORE_SENDING = "Revoked by the organiser before it was sent";

	static final String REVOKED_WHILE_SENDING = "Revoked by the organiser while it was being sent; it may have gone out";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	public DeliveryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Adds rows in the caller's transaction; a line already in the ledger fails the whole
	 * call.
	 */
	public void addAll(List<Delivery> deliveries) {
		insert(deliveries, "");
	}

	/**
	 * Adds invitations (queued or suppressed rows) in the caller's transaction, except
	 * those whose address the batch already holds as an invitation: an earlier entry of
	 * the list.
	 * @return the rows not added, because their address was there first
	 */
	public List<Delivery> addUnlessInvited(List<Delivery> invitations) {
		if (insert(invitations, " on conflict do nothing") == invitations.size()) {
			return List.of();
		}
		Set<UUID> added = new HashSet<>(this.jdbc.sql("select id from invitation_delivery where id in (:ids)")
			.param("ids", invitations.stream().map(Delivery::id).toList())
			.query(UUID.class)
			.list());
		return invitations.stream().filter((invitation) -> !added.contains(invitation.id())).toList();
	}

	/**
	 * Inserts the rows with one statement per {@value #ROWS_PER_INSERT}: a fan-out
	 * chunk's rows inserted one statement each cost the server an executor start and the
	 * worker a round of parameter binding per row.
	 * @return how many rows were inserted
	 */
	private int insert(List<Delivery> deliveries, String onConflict) {
		int inserted = 0;
		for (int from = 0; from < deliveries.size(); from += ROWS_PER_INSERT) {
			List<Delivery> rows = deliveries.subList(from, Math.min(deliveries.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("insert into invitation_delivery ").append(COLUMNS)
				.append(" values ");
			MapSqlParameterSource parameters = new MapSqlParameterSource();
			for (int i = 0; i < rows.size(); i++) {
				Delivery d = rows.get(i);
				sql.append((i == 0) ? "" : ", ").append(VALUES.replace("#", String.valueOf(i)));
				parameters.addValue("id" + i, d.id())
					.addValue("batch" + i, d.batchId())
					.addValue("line" + i, d.line())
					.addValue("email" + i, truncate(d.email(), 320))
					.addValue("key" + i, truncate(d.emailKey(), 320))
					.addValue("validKey" + i, d.isInvitation() ? truncate(d.emailKey(), 320) : null)
					.addValue("name" + i, truncate(d.name(), 200))
					.addValue("status" + i, d.status().name())
					.addValue("reason" + i, truncate(d.reason(), 1000))
					.addValue("next" + i, d.nextAttemptAt())
					.addValue("token" + i, d.token())
					.addValue("now" + i, d.createdAt());
			}
			inserted += this.batch.update(sql.append(onConflict).toString(), parameters);
		}
		return inserted;
	}

	/**
	 * Rows per INSERT: 13 placeholders each, far below the 65,535 PostgreSQL allows a
	 * statement.
	 */
	private static final int ROWS_PER_INSERT = 1000;

	private static final String COLUMNS = """
			(id, batch_id, line, email, email_key, valid_key, name, status, reason, attempts, next_attempt_at,
			    ambiguous, token, created_at, updated_at)""";

	/** One row's values; # is the row's index in the statement. */
	private static final String VALUES = """
			(:id#, :batch#, :line#, :email#, :key#, :validKey#, :name#, :status#, :reason#, 0, :next#, false, \
			:token#, :now#, :now#)""";

	/**
	 * Whether the address was invited to the discussion: some batch of it holds a row for
	 * the address that is neither invalid nor a duplicate, and not revoked.
	 */
	public boolean isInvited(UUID discussionId, String emailKey) {
		return this.jdbc.sql("""
				select count(*) from invitation_delivery d join invitation_batch b on b.id = d.batch_id
				where b.discussion_id = :discussion and d.valid_key = :key
				    and d.revoked_at is null""")
			.param("discussion", discussionId)
			.param("key", emailKey)
			.query(Integer.class)
			.single() > 0;
	}

	public Optional<Delivery> findById(UUID id) {
		return this.jdbc.sql("select * from invitation_delivery where id = :id")
			.param("id", id)
			.query(DeliveryRepository::map)
			.optional();
	}

	/** The rows of these ids that exist, by id. */
	public Map<UUID, Delivery> findAllById(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select * from invitation_delivery where id in (:ids)")
			.param("ids", ids)
			.query(DeliveryRepository::map)
			.list()
			.stream()
			.collect(Collectors.toMap(Delivery::id, Function.identity()));
	}

	public Optional<Delivery> findByToken(String token) {
		return this.jdbc.sql("select * from invitation_delivery where token = :token")
			.param("token", token)
			.query(DeliveryRepository::map)
			.optional();
	}

	/** The rows of a batch in list order, optionally of one status. */
	public List<Delivery> findByBatch(UUID batchId, DeliveryStatus status, int limit, int offset) {
		return this.jdbc
			.sql("""
					select * from invitation_delivery where batch_id = :batch and (cast(:status as varchar) is null or status = :status)
					order by line limit :limit offset :offset""")
			.param("batch", batchId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.param("offset", offset)
			.query(DeliveryRepository::map)
			.list();
	}

	/**
	 * The rows of a batch that follow a line of its list, in list order: a page that
	 * costs the same wherever it starts, where an offset reads and skips every row before
	 * it. The order names the whole index, {@code (batch_id, line)}: ordered by
	 * {@code line} alone, H2 does not see that the index is already sorted, reads every
	 * row after the line and sorts them for each page, so a million-row export read half
	 * a million rows a page (PostgreSQL plans both the same).
	 */
	public List<Delivery> findByBatchAfterLine(UUID batchId, int afterLine, int limit) {
		return this.jdbc.sql("""
				select * from invitation_delivery where batch_id = :batch and line > :after
				order by batch_id, line limit :limit""")
			.param("batch", batchId)
			.param("after", afterLine)
			.param("limit", limit)
			.query(DeliveryRepository::map)
			.list();
	}

	/**
	 * Takes a queued row for sending until the lease ends.
	 * @return false if it is not queued: sent, failed, or held by another worker
	 */
	public boolean claim(UUID id, OffsetDateTime now, OffsetDateTime leaseUntil) {
		return this.jdbc.sql("""
				update invitation_delivery set status = 'SENDING', attempts = attempts + 1, claimed_until = :lease,
				    claimed_by = :claim, updated_at = :now
				where id = :id and status = 'QUEUED' and revoked_at is null""")
			.param("lease", leaseUntil)
			.param("claim", UUID.randomUUID())
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Records a send that is done and claims the next row, in one statement and so one
	 * commit: a consumer sending row after row pays one commit per invitee, and at any
	 * moment at most one of its rows is claimed without its outcome recorded (the
	 * ambiguous window of a crash).
	 * @param done the consumer's previous send, not yet recorded; null for none
	 * @return false if the next row is not queued: sent, failed, or held by another
	 * worker
	 */
	public boolean recordAndClaim(SentMessage done, UUID id, OffsetDateTime now, OffsetDateTime leaseUntil) {
		if (done == null) {
			return claim(id, now, leaseUntil);
		}
		// Drawn for this claim: when only one row changes, it tells whether the claim was
		// this call's.
		UUID claim = UUID.randomUUID();
		int changed = this.jdbc.sql("""
				update invitation_delivery set
				    status = case when id = :id then 'SENDING' else 'SENT' end,
				    attempts = case when id = :id then attempts + 1 else attempts end,
				    claimed_until = case when id = :id then :lease else null end,
				    claimed_by = case when id = :id then :claim else claimed_by end,
				    message_id = case when id = :id then message_id else :messageId end,
				    reason = case when id = :id then reason else null end,
				    next_attempt_at = case when id = :id then next_attempt_at else null end,
				    sent_at = case when id = :id then sent_at else :sentAt end,
				    updated_at = case when id = :id then :now else :sentAt end
				where (id = :id and status = 'QUEUED' and revoked_at is null)
				    or (id = :sentId and status = 'SENDING')""")
			.param("id", id)
			.param("lease", leaseUntil)
			.param("claim", claim)
			.param("now", now)
			.param("messageId", done.messageId())
			.param("sentAt", done.sentAt())
			.param("sentId", done.deliveryId())
			.update();
		if (changed != 1) {
			return changed == 2;
		}
		// One of the two: the sent row was released meanwhile (its lease ran out), or the
		// next row was
		// not queued. The lease end cannot tell: another consumer may have claimed the
		// row in the same
		// microsecond and written the same one.
		return this.jdbc
			.sql("select count(*) from invitation_delivery where id = :id and status = 'SENDING'"
					+ " and claimed_by = :claim")
			.param("id", id)
			.param("claim", claim)
			.query(Integer.class)
			.single() == 1;
	}

	public boolean markSent(SentMessage sent) {
		return markSent(sent.deliveryId(), sent.messageId(), sent.sentAt());
	}

	public boolean markSent(UUID id, String messageId, OffsetDateTime now) {
		return this.jdbc.sql("""
				update invitation_delivery set status = 'SENT', message_id = :messageId, reason = null,
				    claimed_until = null, next_attempt_at = null, sent_at = :now, updated_at = :now
				where id = :id and status = 'SENDING'""")
			.param("messageId", messageId)
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Puts a row back in the queue after a temporary refusal, due again at the given
	 * time.
	 */
	public boolean markRetry(UUID id, Integer smtpCode, String reason, OffsetDateTime nextAttempt, OffsetDateTime now) {
		return markRetry(id, smtpCode, reason, nextAttempt, now, false);
	}

	/**
	 * Puts a row back in the queue, due again at the given time; {@code ambiguous} when
	 * the mail server may have accepted the message already (the connection was lost
	 * after it was written), which flags the row for good.
	 */
	public boolean markRetry(UUID id, Integer smtpCode, String reason, OffsetDateTime nextAttempt, OffsetDateTime now,
			boolean ambiguous) {
		return this.jdbc
			.sql("""
					update invitation_delivery set status = 'QUEUED', smtp_code = :code, reason = :reason,
					    next_attempt_at = :next, claimed_until = null, updated_at = :now, ambiguous = ambiguous or :ambiguous
					where id = :id and status = 'SENDING'""")
			.param("ambiguous", ambiguous)
			.param("code", smtpCode)
			.param("reason", truncate(reason, 1000))
			.param("next", nextAttempt)
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	public boolean markFailed(UUID id, Integer smtpCode, String reason, OffsetDateTime now) {
		return this.jdbc.sql("""
				update invitation_delivery set status = 'FAILED', smtp_code = :code, reason = :reason,
				    next_attempt_at = null, claimed_until = null, updated_at = :now
				where id = :id and status in ('QUEUED', 'SENDING')""")
			.param("code", smtpCode)
			.param("reason", truncate(reason, 1000))
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * The ledger as the queue: reserves up to {@code limit} queued rows that are due, for
	 * one consumer, until {@code until} (their next due time, should that consumer die
	 * before it claims them). Rows are skipped, not waited for, when another consumer is
	 * reserving them (PostgreSQL's {@code for update skip locked}), so consumers of
	 * several workers each take rows of their own. H2 has no skipping before the limit;
	 * there (one process, the standalone mode) the caller reserves one consumer at a
	 * time.
	 * @return the ids reserved, to be sent by {@code recordAndClaim} one by one
	 */
	public List<UUID> reserveDue(OffsetDateTime now, int limit, OffsetDateTime until, boolean skipLocked) {
		if (skipLocked) {
			return this.jdbc.sql("""
					update invitation_delivery set next_attempt_at = :until
					where id in (select id from invitation_delivery where next_attempt_at <= :now and status = 'QUEUED'
					    and revoked_at is null order by next_attempt_at limit :limit for update skip locked)
					returning id""")
				.param("until", until)
				.param("now", now)
				.param("limit", limit)
				.query(UUID.class)
				.list();
		}
		List<UUID> due = this.jdbc.sql("""
				select id from invitation_delivery where next_attempt_at <= :now and status = 'QUEUED'
				    and revoked_at is null order by next_attempt_at limit :limit""")
			.param("now", now)
			.param("limit", limit)
			.query(UUID.class)
			.list();
		if (due.isEmpty()) {
			return due;
		}
		this.jdbc.sql("""
				update invitation_delivery set next_attempt_at = :until
				where id in (:ids) and status = 'QUEUED' and next_attempt_at <= :now""")
			.param("until", until)
			.param("ids", due)
			.param("now", now)
			.update();
		return due;
	}

	/** Queued rows whose time has come: a retry is due, or their message got lost. */
	public List<Delivery> findDue(OffsetDateTime now, int limit) {
		return this.jdbc.sql("""
				select * from invitation_delivery where status = 'QUEUED' and next_attempt_at <= :now
				order by next_attempt_at limit :limit""")
			.param("now", now)
			.param("limit", limit)
			.query(DeliveryRepository::map)
			.list();
	}

	/**
	 * Marks a due row as handed to the broker again until the given time, when it is due
	 * again should that message get lost too.
	 * @return false if another worker did it first or the row is no longer due
	 */
	public boolean redrive(UUID id, OffsetDateTime now, OffsetDateTime dueAgainAt) {
		return this.jdbc.sql("""
				update invitation_delivery set next_attempt_at = :again, updated_at = :now
				where id = :id and status = 'QUEUED' and next_attempt_at <= :now""")
			.param("again", dueAgainAt)
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Rows a worker held past its lease: it stopped while talking to the mail server.
	 * They go back in the queue marked ambiguous, because the server may have taken the
	 * message.
	 * @return the batches whose rows changed
	 */
	public List<UUID> releaseAbandoned(OffsetDateTime now) {
		List<UUID> batches = this.jdbc.sql("""
				select distinct batch_id from invitation_delivery where status = 'SENDING' and claimed_until < :now""")
			.param("now", now)
			.query(UUID.class)
			.list();
		this.jdbc.sql("""
				update invitation_delivery set status = 'FAILED', ambiguous = true, claimed_until = null,
				    next_attempt_at = null, reason = :reason, updated_at = :now
				where status = 'SENDING' and claimed_until < :now and revoked_at is not null""")
			.param("reason", REVOKED_WHILE_SENDING)
			.param("now", now)
			.update();
		this.jdbc.sql("""
				update invitation_delivery set status = 'QUEUED', ambiguous = true, claimed_until = null,
				    next_attempt_at = :now, updated_at = :now
				where status = 'SENDING' and claimed_until < :now""").param("now", now).update();
		return batches;
	}

	/**
	 * Withdraws every invitation of the address to the discussion, in all its batches:
	 * the personal links stop working and the address no longer opens a private
	 * discussion. A row not yet sent fails instead, so that no worker sends it and its
	 * batch still finishes.
	 * @return the batches whose rows changed
	 */
	public List<UUID> revoke(UUID discussionId, String emailKey, OffsetDateTime now) {
		List<UUID> batches = this.jdbc.sql("""
				select distinct d.batch_id from invitation_delivery d join invitation_batch b on b.id = d.batch_id
				where b.discussion_id = :discussion and d.valid_key = :key and d.revoked_at is null""")
			.param("discussion", discussionId)
			.param("key", emailKey)
			.query(UUID.class)
			.list();
		if (batches.isEmpty()) {
			return batches;
		}
		this.jdbc.sql("""
				update invitation_delivery set revoked_at = :now, updated_at = :now,
				    reason = case when status = 'QUEUED' then :reason else reason end,
				    next_attempt_at = case when status = 'QUEUED' then null else next_attempt_at end,
				    status = case when status = 'QUEUED' then 'FAILED' else status end
				where batch_id in (:batches) and valid_key = :key and revoked_at is null""")
			.param("now", now)
			.param("reason", REVOKED_BEFORE_SENDING)
			.param("batches", batches)
			.param("key", emailKey)
			.update();
		return batches;
	}

	private static String truncate(String s, int max) {
		return (s != null && s.length() > max) ? s.substring(0, max) : s;
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class), rs.getInt("line"),
				rs.getString("email"), rs.getString("email_key"), rs.getString("name"),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				(Integer) rs.getObject("smtp_code"), rs.getInt("attempts"),
				rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getBoolean("ambiguous"),
				rs.getString("message_id"), rs.getString("token"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
	}

}
