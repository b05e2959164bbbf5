package org.parley.web.participation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.parley.domain.outcome.ResponseCounts;
import org.parley.domain.outcome.ResponseDeadline;
import org.parley.domain.outcome.ResponseStatus;
import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.DiscussionStatistics.Ranked;
import org.parley.domain.participation.VoteCount;

/**
 * {@code GET /api/discussions/{id}/stats}. {@code positivePercent} is null while nobody
 * voted. The figures after {@code controversialMinimumVotes} are Discuto's that Parley
 * lacked (docs/api-extensions.md says what each means).
 *
 * @param negativePercent 100 − {@code positivePercent}, so the two add up; null while
 * nobody voted
 * @param alreadyDecided answered comments whose answer is final (all but NOTED)
 * @param inVoting sections open for votes: all of them while the discussion is open, else
 * none
 * @param supported sections with more agree than disagree votes
 * @param responses how far the answers are
 * @param responseDeadline when the answers are due
 * @param myContributions the caller's own, or null when not signed in
 */
public record StatisticsView(Integer positivePercent, int positiveVotes, int negativeVotes, int totalVotes,
		int totalComments, List<Ranked> mostVoted, List<Ranked> mostCommented, List<Ranked> mostControversial,
		int controversialMinimumVotes, Integer negativePercent, int alreadyDecided, int inVoting, int supported,
		Responses responses, Deadline responseDeadline, Participation.MyContributions myContributions) {

	/**
	 * {@code "Responses published: answered of answerable"}
	 *
	 * @param answerable published top-level comments
	 */
	public record Responses(int answered, int answerable, int decided, Map<ResponseStatus, Integer> byStatus) {
	}

	/**
	 * @param dueAt null while unknown (no closing date and none chosen)
	 * @param daysLeft whole days left, rounded up; negative once overdue; null while
	 * unknown
	 * @param chosen whether the organiser set it (else twelve weeks after closing)
	 * @param shown whether the page shows it: once the discussion is closed
	 */
	public record Deadline(OffsetDateTime dueAt, Long daysLeft, boolean chosen, boolean shown) {
	}

	static StatisticsView of(DiscussionStatistics s, Map<Integer, VoteCount> votes, int inVoting,
			ResponseCounts responses, ResponseDeadline deadline, boolean closed, Clock clock,
			Participation.MyContributions mine) {
		int supported = (int) votes.values().stream().filter(v -> v.agree() > v.disagree()).count();
		Integer negativePercent = (s.positivePercent() != null) ? 100 - s.positivePercent() : null;
		return new StatisticsView(s.positivePercent(), s.positiveVotes(), s.negativeVotes(), s.totalVotes(),
				s.totalComments(), s.mostVoted(), s.mostCommented(), s.mostControversial(),
				DiscussionStatistics.CONTROVERSY_MIN_VOTES, negativePercent, responses.decided(), inVoting, supported,
				new Responses(responses.answered(), responses.answerable(), responses.decided(), responses.byStatus()),
				new Deadline(deadline.dueAt(), deadline.daysLeft(clock), deadline.chosen(),
						closed && deadline.dueAt() != null),
				mine);
	}

}
