package org.parley.ingest.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.difflib.DiffUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.ExpectedOutline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching at the scale of the 434-page sample (about 1,000 sections), against a version
 * with 5 % of its paragraphs edited, moved or removed, side by side with java-diff-utils
 * alone on the same texts. Run on purpose: {@code -Dgroups=benchmark
 * -Dsurefire.excludedGroups= -Dtest=RevisionMatchingBenchmarkTests}.
 */
@Tag("benchmark")
class RevisionMatchingBenchmarkTests {

	private static final int RUNS = Integer.getInteger("parley.benchmark.runs", 7);

	@Test
	void matchesA1000SectionOutlineWithFivePercentChanged() {
		Outline sample = ExpectedOutline.of("large-131p");
		Outline before = repeated(sample, 1000);
		Random random = new Random(16);
		Map<UUID, String> truth = new HashMap<>();
		Outline after = changed(before, random, truth);
		List<String> beforeTexts = texts(before);
		List<String> afterTexts = texts(after);
		List<String> beforeWords = WordBag.words(String.join(" ", beforeTexts));
		List<String> afterWords = WordBag.words(String.join(" ", afterTexts));

		RevisionMatcher matcher = new RevisionMatcher();
		double matching = median(() -> matcher.match(before, after));
		double paragraphDiff = median(() -> DiffUtils.diff(beforeTexts, afterTexts));
		double wordDiff = median(() -> DiffUtils.diff(beforeWords, afterWords));

		Matching result = matcher.match(before, after);
		int right = 0;
		int links = 0;
		for (ParagraphMatch m : result.paragraphs()) {
			if (m.from() != null && m.to() != null) {
				links++;
				if (placeOf(m.to()).equals(truth.get(m.from()))) {
					right++;
				}
			}
		}
		long expected = truth.values().stream().filter(v -> !v.equals("-")).count();
		int paragraphs = beforeTexts.size();
		System.out.printf(Locale.ROOT,
				"%d sections, %d → %d paragraphs, %d words; %d edited, moved or removed%n"
						+ "RevisionMatcher.match            %8.1f ms (median of %d)%n"
						+ "DiffUtils.diff over paragraphs   %8.1f ms%n" + "DiffUtils.diff over words        %8.1f ms%n"
						+ "pairing precision %.4f recall %.4f%n",
				before.sections().size(), paragraphs, afterTexts.size(), beforeWords.size(), changedCount(truth),
				matching, RUNS, paragraphDiff, wordDiff, (double) right / links, (double) right / expected);
		assertThat((double) right / expected).isGreaterThan(0.97);
	}

	private static double median(Supplier<?> work) {
		for (int i = 0; i < 2; i++) {
			work.get();
		}
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.get();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[RUNS / 2];
	}

	/**
	 * The sample's sections repeated to {@code count}; each copy's paragraphs name their
	 * copy, as the annexes of a long document differ from one another.
	 */
	private static Outline repeated(Outline sample, int count) {
		List<OutlineSection> sections = new ArrayList<>();
		for (int k = 0; sections.size() < count; k++) {
			for (OutlineSection s : sample.sections()) {
				if (sections.size() == count) {
					break;
				}
				String part = (k == 0) ? "" : " (part " + (k + 1) + ")";
				List<Block> blocks = new ArrayList<>();
				for (Block b : s.blocks()) {
					blocks.add(new Block(UUID.randomUUID(), b.kind(), b.text() + part));
				}
				sections.add(new OutlineSection(UUID.randomUUID(), s.label(), s.heading(), s.level(), blocks));
			}
		}
		return new Outline(sample.title(), sample.subtitle(), sections);
	}

	/**
	 * Version 2: one paragraph in twenty edited (a fifth of its words replaced), moved to
	 * another section or removed. {@code truth} gets each old paragraph's new place.
	 */
	private static Outline changed(Outline before, Random random, Map<UUID, String> truth) {
		List<List<Block>> blocks = new ArrayList<>();
		List<Block> moved = new ArrayList<>();
		Set<UUID> removed = new HashSet<>();
		Map<UUID, UUID> movedTo = new HashMap<>();
		for (OutlineSection s : before.sections()) {
			List<Block> kept = new ArrayList<>();
			for (Block b : s.blocks()) {
				if (random.nextInt(20) != 0) {
					kept.add(b);
					continue;
				}
				switch (random.nextInt(3)) {
					case 0 -> kept.add(new Block(b.id(), b.kind(), edited(b.text(), random)));
					case 1 -> moved.add(b);
					default -> removed.add(b.id());
				}
			}
			blocks.add(kept);
		}
		for (Block b : moved) {
			int target = random.nextInt(blocks.size());
			List<Block> into = blocks.get(target);
			into.add(random.nextInt(into.size() + 1), b);
			movedTo.put(b.id(), null);
		}
		List<OutlineSection> sections = new ArrayList<>();
		for (int s = 0; s < before.sections().size(); s++) {
			OutlineSection old = before.sections().get(s);
			List<Block> fresh = new ArrayList<>();
			for (int p = 0; p < blocks.get(s).size(); p++) {
				Block b = blocks.get(s).get(p);
				truth.put(b.id(), (s + 1) + "." + (p + 1));
				fresh.add(new Block(b.kind(), b.text()));
			}
			sections.add(new OutlineSection(old.label(), old.heading(), old.level(), fresh));
		}
		removed.forEach(id -> truth.put(id, "-"));
		truth.put(CHANGED, String.valueOf(moved.size() + removed.size()));
		return new Outline(before.title(), before.subtitle(), sections);
	}

	private static final UUID CHANGED = new UUID(0, 0);

	private static long changedCount(Map<UUID, String> truth) {
		return Long.parseLong(truth.remove(CHANGED));
	}

	private static String edited(String text, Random random) {
		String[] words = text.split(" ");
		for (int i = 0; i < words.length; i++) {
			if (random.nextInt(5) == 0) {
				words[i] = "word" + random.nextInt(1000);
			}
		}
		return String.join(" ", words);
	}

	private static String placeOf(Position to) {
		return to.section() + "." + to.paragraph();
	}

	private static List<String> texts(Outline outline) {
		return outline.sections().stream().flatMap(s -> s.blocks().stream()).map(Block::text).toList();
	}

}
