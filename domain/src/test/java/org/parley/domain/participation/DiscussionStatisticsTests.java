package org.parley.domain.participation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.domain.participation.DiscussionStatistics.Ranked;

import static org.assertj.core.api.Assertions.assertThat;

class DiscussionStatisticsTests {

	@Test
	void positiveShareRoundsLikeTheSeed() {
		DiscussionStatistics stats = DiscussionStatistics.of(Map.of(1, new VoteCount(1, 447, 16)), Map.of());

		assertThat(stats.positivePercent()).isEqualTo(97);
		assertThat(stats.totalVotes()).isEqualTo(463);
		assertThat(new VoteCount(2, 1, 2).positivePercent()).isEqualTo(33);
		assertThat(new VoteCount(3, 1, 1).positivePercent()).isEqualTo(50);
		assertThat(new VoteCount(4, 0, 0).positivePercent()).isNull();
	}

	@Test
	void mostVotedAndMostCommentedRankByCount() {
		DiscussionStatistics stats = DiscussionStatistics.of(
				Map.of(1, new VoteCount(1, 3, 0), 2, new VoteCount(2, 10, 2), 3, new VoteCount(3, 1, 1)),
				Map.of(1, 4, 3, 9));

		assertThat(stats.mostVoted()).containsExactly(new Ranked(2, 12), new Ranked(1, 3), new Ranked(3, 2));
		assertThat(stats.mostCommented()).containsExactly(new Ranked(3, 9), new Ranked(1, 4));
		assertThat(stats.totalComments()).isEqualTo(13);
	}

	@Test
	void mostControversialIsTheClosestSplitWithEnoughVotes() {
		DiscussionStatistics stats = DiscussionStatistics.of(Map.of(1, new VoteCount(1, 2, 2), // too
																								// few
																								// votes
				2, new VoteCount(2, 30, 28), // nearly even
				3, new VoteCount(3, 50, 10), // lopsided
				4, new VoteCount(4, 6, 0), // no dissent at all
				5, new VoteCount(5, 5, 5)), // perfectly even
				Map.of());

		assertThat(stats.mostControversial()).extracting(Ranked::section).containsExactly(5, 2, 3);
	}

	@Test
	void noVotesGiveNoPercentRatherThanZero() {
		DiscussionStatistics stats = DiscussionStatistics.of(Map.of(), Map.of());

		assertThat(stats.positivePercent()).isNull();
		assertThat(stats.mostControversial()).isEmpty();
	}

}
