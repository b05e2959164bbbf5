package org.parley.web.participation;

import java.util.List;

import org.parley.domain.participation.DiscussionStatistics;
import org.parley.domain.participation.DiscussionStatistics.Ranked;

/**
 * {@code GET /api/discussions/{id}/stats}. {@code positivePercent} is null while nobody
 * voted.
 *
 * @param myContributions the caller's own, or null when not signed in
 */
public record StatisticsView(Integer positivePercent, int positiveVotes, int negativeVotes, int totalVotes,
		int totalComments, List<Ranked> mostVoted, List<Ranked> mostCommented, List<Ranked> mostControversial,
		int controversialMinimumVotes, Participation.MyContributions myContributions) {

	/**
	 * The figures everyone sees, as the live stream sends them: no one's own
	 * contributions.
	 */
	public static StatisticsView everyones(DiscussionStatistics s) {
		return of(s, null);
	}

	/** The discussion's figures without the caller's contributions. */
	public DiscussionStatistics figures() {
		return new DiscussionStatistics(this.positivePercent, this.positiveVotes, this.negativeVotes, this.totalVotes,
				this.totalComments, this.mostVoted, this.mostCommented, this.mostControversial);
	}

	static StatisticsView of(DiscussionStatistics s, Participation.MyContributions mine) {
		return new StatisticsView(s.positivePercent(), s.positiveVotes(), s.negativeVotes(), s.totalVotes(),
				s.totalComments(), s.mostVoted(), s.mostCommented(), s.mostControversial(),
				DiscussionStatistics.CONTROVERSY_MIN_VOTES, mine);
	}

}
