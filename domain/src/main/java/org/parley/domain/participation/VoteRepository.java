package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Section votes: one per participant per section, changeable and withdrawable; read back
 * as counts.
 */
@Repository
public class VoteRepository {

	private final JdbcClient jdbc;

	public VoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void cast(UUID discussionId, int section, UUID participantId, boolean agree, OffsetDateTime now) {
		int changed = this.jdbc.sql("""
				update section_vote set agree = :agree, voted_at = :now
				where discussion_id = :d and section_number = :s and participant_id = :p""")
			.param("agree", agree)
			.param("now", now)
			.param("d", discussionId)
			.param("s", section)
			.param("p", participantId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into section_vote (discussion_id, section_number, participant_id, agree, voted_at)
					values (:d, :s, :p, :agree, :now)""")
				.param("d", discussionId)
				.param("s", section)
				.param("p", participantId)
				.param("agree", agree)
				.param("now", now)
				.update();
		}
	}

	public void withdraw(UUID discussionId, int section, UUID participantId) {
		this.jdbc
			.sql("delete from section_vote where discussion_id = :d and section_number = :s and participant_id = :p")
			.param("d", discussionId)
			.param("s", section)
			.param("p", participantId)
			.update();
	}

	/** The participant's own vote, shown to that participant only. */
	public Optional<Boolean> ownVote(UUID discussionId, int section, UUID participantId) {
		return this.jdbc
			.sql("""
					select agree from section_vote where discussion_id = :d and section_number = :s and participant_id = :p""")
			.param("d", discussionId)
			.param("s", section)
			.param("p", participantId)
			.query(Boolean.class)
			.optional();
	}

	/** The participant's own votes by section number, shown to that participant only. */
	public Map<Integer, Boolean> ownVotes(UUID discussionId, UUID participantId) {
		return this.jdbc
			.sql("select section_number, agree from section_vote where discussion_id = :d and participant_id = :p")
			.param("d", discussionId)
			.param("p", participantId)
			.query((rs, row) -> Map.entry(rs.getInt(1), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Counts per section number, for the sections that have votes. */
	public Map<Integer, VoteCount> counts(UUID discussionId) {
		List<VoteCount> counts = this.jdbc.sql("""
				select section_number,
				       sum(case when agree then 1 else 0 end) as agree,
				       sum(case when agree then 0 else 1 end) as disagree
				from section_vote where discussion_id = :d group by section_number""")
			.param("d", discussionId)
			.query((rs, row) -> new VoteCount(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.list();
		return counts.stream().collect(Collectors.toMap(VoteCount::number, Function.identity()));
	}

	/** The section numbers the participant voted on. */
	public List<Integer> votedBy(UUID discussionId, UUID participantId) {
		return this.jdbc.sql("select section_number from section_vote where discussion_id = :d and participant_id = :p")
			.param("d", discussionId)
			.param("p", participantId)
			.query(Integer.class)
			.list();
	}

}
