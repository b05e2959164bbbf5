package org.parley.domain.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.work.JobRowClaims;
import org.parley.domain.work.JobRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitation batches and their raw lists. */
@Repository
public class InvitationBatchRepository implements JobRows {

	private final JdbcClient jdbc;

	private final JobRowClaims claims;

	public InvitationBatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.claims = new JobRowClaims(jdbc, "invitation_batch", "fan_out", List.of("PENDING", "RUNNING"));
	}

	/** Stores a batch with its list, in the caller's transaction. */
	public void add(InvitationBatch b, String content) {
		this.jdbc.sql("""
				insert into invitation_batch (id, discussion_id, organiser_id, message, source_name, entries, fan_out,
				    created_at, updated_at)
				values (:id, :discussion, :organiser, :message, :source, :entries, :fanOut, :createdAt, :updatedAt)""")
			.param("id", b.id())
			.param("discussion", b.discussionId())
			.param("organiser", b.organiserId())
			.param("message", b.message())
			.param("source", b.sourceName())
			.param("entries", b.entries())
			.param("fanOut", b.fanOut().name())
			.param("createdAt", b.createdAt())
			.param("updatedAt", b.updatedAt())
			.update();
		this.jdbc.sql("insert into invitation_list (batch_id, content) values (:id, :content)")
			.param("id", b.id())
			.param("content", content)
			.update();
	}

	@Override
	public Optional<InvitationBatch> findById(UUID id) {
		return this.jdbc.sql("select * from invitation_batch where id = :id")
			.param("id", id)
			.query(InvitationBatchRepository::map)
			.optional();
	}

	/**
	 * The newest batches of a discussion, at most {@code limit} of them, newest first.
	 */
	public List<InvitationBatch> findByDiscussion(UUID discussionId, int limit) {
		return this.jdbc.sql("""
				select * from invitation_batch where discussion_id = :d order by created_at desc
				limit :limit""")
			.param("d", discussionId)
			.param("limit", limit)
			.query(InvitationBatchRepository::map)
			.list();
	}

	public Optional<String> content(UUID batchId) {
		return this.jdbc.sql("select content from invitation_list where batch_id = :id")
			.param("id", batchId)
			.query(String.class)
			.optional();
	}

	/**
	 * Moves the fan-out on. A finished fan-out (done or failed) is never moved back.
	 * @return whether the row changed
	 */
	public boolean markFanOut(UUID batchId, FanOutState state, OffsetDateTime now) {
		return this.jdbc.sql("""
				update invitation_batch set fan_out = :state, updated_at = :now
				where id = :id and fan_out not in ('DONE', 'FAILED')""")
			.param("state", state.name())
			.param("now", now)
			.param("id", batchId)
			.update() == 1;
	}

	/** Batches whose fan-out has not finished and has not moved since the given time. */
	@Override
	public List<UUID> findUnfinishedQuietSince(OffsetDateTime before, int limit) {
		return this.claims.findQuietSince(before, limit);
	}

	@Override
	public boolean claimQuiet(UUID batchId, OffsetDateTime quietSince, OffsetDateTime now) {
		return this.claims.claimQuiet(batchId, quietSince, now);
	}

	/** Touches a batch so that a sweep sees it move. */
	public void touch(UUID batchId, OffsetDateTime now) {
		this.jdbc.sql("update invitation_batch set updated_at = :now where id = :id")
			.param("now", now)
			.param("id", batchId)
			.update();
	}

	/** The batch's counts, from its ledger. */
	public InvitationCounts counts(InvitationBatch batch) {
		return counts(List.of(batch)).get(batch.id());
	}

	/**
	 * The counts of several batches, read from the ledger in one query.
	 * @return each batch's counts by its id, in the order of the given batches
	 */
	public Map<UUID, InvitationCounts> counts(List<InvitationBatch> batches) {
		if (batches.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Map<DeliveryStatus, Integer>> byBatch = new HashMap<>();
		this.jdbc.sql("""
				select batch_id, status, count(*) as n from invitation_delivery where batch_id in (:ids)
				group by batch_id, status""")
			.param("ids", batches.stream().map(InvitationBatch::id).toList())
			.query((ResultSet rs) -> {
				byBatch.computeIfAbsent(rs.getObject("batch_id", UUID.class), id -> new EnumMap<>(DeliveryStatus.class))
					.put(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("n"));
			});
		Map<UUID, InvitationCounts> counts = new LinkedHashMap<>();
		for (InvitationBatch batch : batches) {
			counts.put(batch.id(), InvitationCounts.of(batch.entries(), byBatch.getOrDefault(batch.id(), Map.of())));
		}
		return counts;
	}

	private static InvitationBatch map(ResultSet rs, int row) throws SQLException {
		return new InvitationBatch(rs.getObject("id", UUID.class), rs.getObject("discussion_id", UUID.class),
				rs.getObject("organiser_id", UUID.class), rs.getString("message"), rs.getString("source_name"),
				rs.getInt("entries"), FanOutState.valueOf(rs.getString("fan_out")),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
