package org.parley.ingest.revision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.parley.ingest.odt.OdtReader;
import org.parley.ingest.structure.MarkupStructurer;

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
		matchAgainstFivePercentChanged("1,000 sections of the 131-page sample", repeated(sample, 1000));
	}

	/**
	 * The 434-page draft (LibreOffice's ODT of the large Word draft, 1,001 sections) as
	 * the import reads it; its word-for-word repetitions are marked as above.
	 */
	@Test
	void matchesThe434PageDraftWithFivePercentChanged() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("src/test/resources/odt/large-434p.odt"))) {
			Outline draft = new MarkupStructurer().structure(new OdtReader().read(in));
			matchAgainstFivePercentChanged("the 434-page draft", repeated(draft, draft.sections().size()));
		}
	}

	private static void matchAgainstFivePercentChanged(String name, Outline before) {
		Random random = new Random(16);
		Map<UUID, String> truth = new HashMap<>();
		Outline after = changed(before, random, truth);
		long changed = changedCount(truth);
		List<String> beforeTexts = texts(before);
		List<String> afterTexts = texts(after);
		List<String> beforeWords = WordBag.words(String.join(" ", beforeTexts));
		List<String> afterWords = WordBag.words(String.join(" ", afterTexts));

		RevisionMatcher matcher = new RevisionMatcher();
		double matching = median(RUNS, () -> matcher.match(before, after));
		double paragraphDiff = median(RUNS, () -> DiffUtils.diff(beforeTexts, afterTexts));
		// Tens of seconds a run: measured once, after one warm-up.
		double wordDiff = median(1, () -> DiffUtils.diff(beforeWords, afterWords));

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
		if (Boolean.getBoolean("parley.revisions.explain")) {
			Map<UUID, ParagraphMatch> byFrom = new HashMap<>();
			result.paragraphs().stream().filter(m -> m.from() != null).forEach(m -> byFrom.put(m.from(), m));
			truth.forEach((id, place) -> {
				ParagraphMatch m = byFrom.get(id);
				if (!place.equals("-") && (m == null || m.to() == null || !placeOf(m.to()).equals(place))) {
					String text = before.sections()
						.stream()
						.flatMap(x -> x.blocks().stream())
						.filter(b -> b.id().equals(id))
						.findFirst()
						.orElseThrow()
						.text();
					System.out.println("missed " + place + " got " + m.kind() + " "
							+ text.substring(0, Math.min(60, text.length())));
				}
			});
		}
		int paragraphs = beforeTexts.size();
		System.out.printf(Locale.ROOT, "%s: %d sections, %d → %d paragraphs, %d words; %d edited, moved or removed%n"
				+ "RevisionMatcher.match            %8.1f ms (median of %d)%n"
				+ "DiffUtils.diff over paragraphs   %8.1f ms%n"
				+ "DiffUtils.diff over words        %8.1f ms (one run)%n" + "pairing precision %.4f recall %.4f%n",
				name, before.sections().size(), paragraphs, afterTexts.size(), beforeWords.size(), changed, matching,
				RUNS, paragraphDiff, wordDiff, (double) right / links, (double) right / expected);
		assertThat((double) right / expected).isGreaterThan(0.97);
	}

	private static double median(int runs, Supplier<?> work) {
		for (int i = 0; i < Math.min(2, runs); i++) {
			work.get();
		}
		double[] times = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.get();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[runs / 2];
	}

	/**
	 * The sample's sections repeated to {@code count}. The sample itself repeats its
	 * chapters word for word, and a copy repeats them again: a paragraph that stands in
	 * thirty places has no one place to be matched to, so each repetition is marked with
	 * its section, as the chapters of a real long document differ from one another.
	 */
	private static Outline repeated(Outline sample, int count) {
		List<OutlineSection> sections = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		while (sections.size() < count) {
			for (OutlineSection s : sample.sections()) {
				if (sections.size() == count) {
					break;
				}
				List<Block> blocks = new ArrayList<>();
				for (Block b : s.blocks()) {
					String text = seen.add(b.text()) ? b.text() : b.text() + " (" + (sections.size() + 1) + ")";
					blocks.add(new Block(UUID.randomUUID(), b.kind(), text));
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
