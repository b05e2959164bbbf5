package org.parley.domain.participation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Discuto's figures for a discussion, from the counts alone.
 * <p>
 * Most controversial: among sections with at least {@link #CONTROVERSY_MIN_VOTES} votes,
 * those whose agree and disagree counts are closest to even ({@code min ÷ max}, 1.0 for a
 * perfect split), the larger total first on a tie. Fewer votes than that say too little
 * to call a section divided.
 */
public record DiscussionStatistics(Integer positivePercent, int positiveVotes, int negativeVotes, int totalVotes,
		int totalComments, List<Ranked> mostVoted, List<Ranked> mostCommented, List<Ranked> mostControversial) {

	public static final int CONTROVERSY_MIN_VOTES = 5;

	private static final int TOP = 5;

	/**
	 * A section number with the count it ranks by (votes, comments, or votes for
	 * controversy).
	 */
	public record Ranked(int section, int count) {
	}

	public static DiscussionStatistics of(Map<Integer, VoteCount> votes, Map<Integer, Integer> comments) {
		int agree = votes.values().stream().mapToInt(VoteCount::agree).sum();
		int disagree = votes.values().stream().mapToInt(VoteCount::disagree).sum();
		Integer percent = new VoteCount(0, agree, disagree).positivePercent();
		List<Ranked> mostVoted = votes.values()
			.stream()
			.filter(v -> v.total() > 0)
			.sorted(Comparator.comparingInt(VoteCount::total).reversed().thenComparingInt(VoteCount::number))
			.limit(TOP)
			.map(v -> new Ranked(v.number(), v.total()))
			.toList();
		List<Ranked> mostCommented = comments.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map(e -> new Ranked(e.getKey(), e.getValue()))
			.toList();
		List<Ranked> mostControversial = votes.values()
			.stream()
			.filter(v -> v.total() >= CONTROVERSY_MIN_VOTES && v.agree() > 0 && v.disagree() > 0)
			.sorted(Comparator.comparingDouble(DiscussionStatistics::balance)
				.reversed()
				.thenComparing(Comparator.comparingInt(VoteCount::total).reversed())
				.thenComparingInt(VoteCount::number))
			.limit(TOP)
			.map(v -> new Ranked(v.number(), v.total()))
			.toList();
		int totalComments = comments.values().stream().mapToInt(Integer::intValue).sum();
		return new DiscussionStatistics(percent, agree, disagree, agree + disagree, totalComments, mostVoted,
				mostCommented, mostControversial);
	}

	static double balance(VoteCount v) {
		return (double) Math.min(v.agree(), v.disagree()) / Math.max(v.agree(), v.disagree());
	}

}
