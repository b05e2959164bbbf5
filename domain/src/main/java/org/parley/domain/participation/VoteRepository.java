package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
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
 * as counts. A vote belongs to the section's id, so that it stays with the section
 * through outline edits; the counts are read by the sections' running numbers of the
 * moment, and a section an edit removed keeps its votes apart (ADR 0018).
 */
@Repository
public class VoteRepository {

	private final JdbcClient jdbc;

	public VoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void cast(UUID discussionId, UUID sectionId, UUID participantId, boolean agree, OffsetDateTime now) {
		int changed = this.jdbc.sql("""
				update section_vote set agree = :agree, voted_at = :now,
				    revision = (select d.revision from discussion d where d.id = section_vote.discussion_id)
				where section_id = :s and participant_id = :p
				  and revision >= (select c.votes_since from section c where c.id = :s)""")
			.param("agree", agree)
			.param("now", now)
			.param("s", sectionId)
			.param("p", participantId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into section_vote (section_id, participant_id, discussion_id, agree, voted_at, revision)
					values (:s, :p, :d, :agree, :now, (select revision from discussion where id = :d))""")
				.param("d", discussionId)
				.param("s", sectionId)
				.param("p", participantId)
				.param("agree", agree)
				.param("now", now)
				.update();
		}
	}

	public void withdraw(UUID sectionId, UUID participantId) {
		this.jdbc.sql("""
				delete from section_vote where section_id = :s and participant_id = :p
				  and revision >= (select c.votes_since from section c where c.id = :s)""")
			.param("s", sectionId)
			.param("p", participantId)
			.update();
	}

	/** The participant's own vote, shown to that participant only. */
	public Optional<Boolean> ownVote(UUID sectionId, UUID participantId) {
		return this.jdbc.sql("""
				select agree from section_vote where section_id = :s and participant_id = :p
				  and revision >= (select c.votes_since from section c where c.id = :s)""")
			.param("s", sectionId)
			.param("p", participantId)
			.query(Boolean.class)
			.optional();
	}

	/**
	 * The participant's own votes by running section number, shown to that participant
	 * only.
	 */
	public Map<Integer, Boolean> ownVotes(UUID discussionId, UUID participantId) {
		return this.jdbc.sql("""
				select s.number, v.agree from section_vote v join section s on s.id = v.section_id
				where v.discussion_id = :d and v.participant_id = :p and s.number is not null
				  and v.revision >= s.votes_since""")
			.param("d", discussionId)
			.param("p", participantId)
			.query((rs, row) -> Map.entry(rs.getInt(1), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Counts per running section number, for the sections of the outline that have votes.
	 */
	public Map<Integer, VoteCount> counts(UUID discussionId) {
		List<VoteCount> counts = this.jdbc.sql("""
				select s.number,
				       sum(case when v.agree then 1 else 0 end) as agree,
				       sum(case when v.agree then 0 else 1 end) as disagree
				from section_vote v join section s on s.id = v.section_id
				where v.discussion_id = :d and s.number is not null and v.revision >= s.votes_since
				group by s.number""")
			.param("d", discussionId)
			.query((rs, row) -> new VoteCount(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.list();
		return counts.stream().collect(Collectors.toMap(VoteCount::number, Function.identity()));
	}

	/**
	 * {@link #counts} of several discussions in one query, by discussion; a discussion
	 * without votes is absent.
	 */
	public Map<UUID, Map<Integer, VoteCount>> countsOf(Collection<UUID> discussionIds) {
		if (discussionIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Map<Integer, VoteCount>> counts = new HashMap<>();
		this.jdbc.sql("""
				select v.discussion_id, s.number,
				       sum(case when v.agree then 1 else 0 end) as agree,
				       sum(case when v.agree then 0 else 1 end) as disagree
				from section_vote v join section s on s.id = v.section_id
				where v.discussion_id in (:ds) and s.number is not null group by v.discussion_id, s.number""")
			.param("ds", discussionIds)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class),
					new VoteCount(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
			.list()
			.forEach(e -> counts.computeIfAbsent(e.getKey(), d -> new HashMap<>())
				.put(e.getValue().number(), e.getValue()));
		return counts;
	}

	/**
	 * Counts per section id, for the sections that outline edits removed; their number is
	 * 0, since they have none any more.
	 */
	public Map<UUID, VoteCount> countsOfRemovedSections(UUID discussionId) {
		return this.jdbc.sql("""
				select v.section_id,
				       sum(case when v.agree then 1 else 0 end) as agree,
				       sum(case when v.agree then 0 else 1 end) as disagree
				from section_vote v join section s on s.id = v.section_id
				where v.discussion_id = :d and s.number is null group by v.section_id""")
			.param("d", discussionId)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), new VoteCount(0, rs.getInt(2), rs.getInt(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Counts per running section number of the votes given before a change of meaning
	 * started the section's votes again (ADR 0022): shown as earlier votes, never
	 * counted. A count's {@code number} is the section's, and the map's key the revision
	 * they were given on is not kept: the latest earlier revision.
	 */
	public Map<Integer, EarlierVotes> earlierCounts(UUID discussionId) {
		return this.jdbc.sql("""
				select s.number, max(v.revision),
				       sum(case when v.agree then 1 else 0 end) as agree,
				       sum(case when v.agree then 0 else 1 end) as disagree
				from section_vote v join section s on s.id = v.section_id
				where v.discussion_id = :d and s.number is not null and v.revision < s.votes_since
				group by s.number""")
			.param("d", discussionId)
			.query((rs, row) -> new EarlierVotes(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list()
			.stream()
			.collect(Collectors.toMap(EarlierVotes::number, Function.identity()));
	}

	/**
	 * Votes a section had before a change of meaning started them again.
	 *
	 * @param revision the latest revision they were given on
	 */
	public record EarlierVotes(int number, int revision, int agree, int disagree) {
	}

	/** Every vote of the discussion, on sections of the outline or removed ones. */
	public long countIn(UUID discussionId) {
		return this.jdbc.sql("select count(*) from section_vote where discussion_id = :d")
			.param("d", discussionId)
			.query(Long.class)
			.single();
	}

	/** The running numbers of the sections the participant voted on. */
	public List<Integer> votedBy(UUID discussionId, UUID participantId) {
		return this.jdbc.sql("""
				select s.number from section_vote v join section s on s.id = v.section_id
				where v.discussion_id = :d and v.participant_id = :p and s.number is not null
				  and v.revision >= s.votes_since""")
			.param("d", discussionId)
			.param("p", participantId)
			.query(Integer.class)
			.list();
	}

}
