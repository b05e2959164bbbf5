package org.parley.domain.outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's figure: grouping 100,000 comments in at most 5 s, side by side in the same
 * run with the baseline of grouping the same texts by an exact hash of their words (which
 * finds only word-for-word copies). The mix is a consultation's: three campaigns of form
 * letters with small edits (30,000 comments) among 70,000 in people's own words. Run with
 * {@code -Dgroups=benchmark -Dsurefire.excludedGroups=}.
 */
@Tag("benchmark")
class GroupingBenchmarkTests {

	private static final int RUNS = 3;

	@Test
	void groups100000CommentsWithinFiveSecondsBesideTheExactHashBaseline() {
		List<String> texts = new ArrayList<>();
		texts.addAll(CampaignTexts.campaign(20_000, 21));
		texts.addAll(CampaignTexts.campaign(BUS_LANE, 7_700, 22));
		texts.addAll(CampaignTexts.campaign(LIBRARY, 2_300, 23));
		texts.addAll(CampaignTexts.ownWords(70_000, 24));
		Collections.shuffle(texts, new Random(25));
		long words = texts.stream().mapToLong(t -> NearDuplicates.words(t).size()).sum();

		// Warm both up once, as a running web would be.
		NearDuplicates.group(texts.subList(0, 10_000));
		exactGroups(texts.subList(0, 10_000));

		long[] nearMs = new long[RUNS];
		long[] exactMs = new long[RUNS];
		List<int[]> near = null;
		List<int[]> exact = null;
		for (int run = 0; run < RUNS; run++) {
			long t0 = System.nanoTime();
			near = NearDuplicates.group(texts);
			nearMs[run] = (System.nanoTime() - t0) / 1_000_000;
			long t1 = System.nanoTime();
			exact = exactGroups(texts);
			exactMs[run] = (System.nanoTime() - t1) / 1_000_000;
		}
		List<Integer> nearSizes = near.stream().map(g -> g.length).sorted(Collections.reverseOrder()).toList();
		List<Integer> exactSizes = exact.stream().map(g -> g.length).sorted(Collections.reverseOrder()).toList();
		System.out.printf("grouping %,d comments (%,d words), %d runs%n", texts.size(), words, RUNS);
		System.out.printf("  MinHash+LSH (NearDuplicates): %s ms; %d groups, largest %s%n",
				java.util.Arrays.toString(nearMs), near.size(), nearSizes.subList(0, Math.min(5, nearSizes.size())));
		System.out.printf("  exact hash of the words (baseline): %s ms; %d groups, largest %s%n",
				java.util.Arrays.toString(exactMs), exact.size(),
				exactSizes.subList(0, Math.min(5, exactSizes.size())));

		assertThat(nearSizes).startsWith(20_000, 7_700, 2_300);
		assertThat(near.stream().mapToInt(g -> g.length).sum()).as("no comment of one's own words grouped")
			.isEqualTo(30_000);
		assertThat(median(nearMs)).as("median ms for 100,000 comments").isLessThanOrEqualTo(5_000);
	}

	private static final String BUS_LANE = "As a daily cyclist and bus user I support the new bus lane on the "
			+ "high street and ask the council to build it this year. It will make the buses faster and more reliable, "
			+ "it will make the street safer for children who walk to school, and it will cut the noise and fumes "
			+ "that the shops and flats along the road suffer from every morning.";

	private static final String LIBRARY = "Please do not cut the opening hours of the central library. Students "
			+ "revise there in the evenings, older residents use its computers to reach public services online, and "
			+ "parents bring their children to the reading group on Saturday mornings. Closing early would hurt the "
			+ "people who have no other quiet place to study or to get help.";

	/** The baseline: texts equal word for word (lower-cased, punctuation ignored). */
	private static List<int[]> exactGroups(List<String> texts) {
		Map<String, List<Integer>> byKey = new HashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			byKey.computeIfAbsent(String.join(" ", NearDuplicates.words(texts.get(i))), k -> new ArrayList<>()).add(i);
		}
		return byKey.values()
			.stream()
			.filter(g -> g.size() > 1)
			.map(g -> g.stream().mapToInt(Integer::intValue).toArray())
			.toList();
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
