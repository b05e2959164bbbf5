package org.parley.domain.work;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two queries every table of job rows answers in the same way: which unfinished rows
 * nobody moved lately, and the claim on one of them. A claim moves the row's
 * {@code updated_at} to now, so that to every other worker it looks advancing: of several
 * workers (or a redelivered request and a sweep) that find it abandoned at once, exactly
 * one wins and recovers it.
 */
public final class JobRowClaims {

	private final JdbcClient jdbc;

	private final String findQuiet;

	private final String claimQuiet;

	/**
	 * @param table the table of the job rows (a constant, never input)
	 * @param stateColumn its column that holds the work's state
	 * @param unfinished the states of work not yet done or failed
	 */
	public JobRowClaims(JdbcClient jdbc, String table, String stateColumn, List<String> unfinished) {
		this.jdbc = jdbc;
		String open = stateColumn + " in ('" + String.join("', '", unfinished) + "')";
		this.findQuiet = "select id from " + table + " where " + open
				+ " and updated_at < :before order by updated_at limit :limit";
		this.claimQuiet = "update " + table + " set updated_at = :now where id = :id and " + open
				+ " and updated_at < :quietSince";
	}

	/** Unfinished rows not moved since {@code before}, oldest first. */
	public List<UUID> findQuietSince(OffsetDateTime before, int limit) {
		return this.jdbc.sql(this.findQuiet).param("before", before).param("limit", limit).query(UUID.class).list();
	}

	/**
	 * Claims the recovery of an unfinished row not moved since {@code quietSince}.
	 * @return whether this caller won the claim
	 */
	public boolean claimQuiet(UUID id, OffsetDateTime quietSince, OffsetDateTime now) {
		return this.jdbc.sql(this.claimQuiet)
			.param("id", id)
			.param("quietSince", quietSince)
			.param("now", now)
			.update() == 1;
	}

}
