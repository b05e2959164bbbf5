package org.parley.domain.outcome;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who was invited, who took part, and how the comments were answered. */
@Repository
public class OutcomeFigures {

	/** The key under which {@link #responsesByStatus} counts unanswered comments. */
	public static final String UNANSWERED = "UNANSWERED";

	private final JdbcClient jdbc;

	public OutcomeFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Addresses that an invitation was sent to, each counted once. */
	public long invited(UUID discussionId) {
		return this.jdbc.sql("""
				select count(distinct d.email_key) from invitation_delivery d
				join invitation_batch b on b.id = d.batch_id
				where b.discussion_id = :d and d.status = 'SENT'""")
			.param("d", discussionId)
			.query(Long.class)
			.single();
	}

	/** People who voted or commented, each counted once. */
	public long participants(UUID discussionId) {
		return this.jdbc.sql("""
				select count(*) from (
				    select participant_id from section_vote where discussion_id = :d
				    union
				    select participant_id from comment where discussion_id = :d) p""")
			.param("d", discussionId)
			.query(Long.class)
			.single();
	}

	/**
	 * Published comments and replies by the status of their answer, {@link #UNANSWERED}
	 * for those without one, most first.
	 */
	public Map<String, Long> responsesByStatus(UUID discussionId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select response_status as status, count(*) as n from comment
				where discussion_id = :d and state = 'PUBLISHED' group by response_status
				order by n desc, status""")
			.param("d", discussionId)
			.query((rs, row) -> counts.merge((rs.getString("status") != null) ? rs.getString("status") : UNANSWERED,
					rs.getLong("n"), Long::sum))
			.list();
		return counts;
	}

}
