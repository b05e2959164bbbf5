package org.parley.ingest.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

/**
 * Pairs a new version's sections and paragraphs with the old version's (ADR 0019).
 * <ol>
 * <li>Paragraphs whose text did not change are anchored by a diff of the two documents'
 * paragraph sequences (Myers, java-diff-utils); an anchor of a repeated text
 * ("Rationale:") with no anchored neighbour is undone.</li>
 * <li>Very alike paragraphs are paired document-wide; then, between two anchors, the old
 * and new paragraphs left are aligned in order by word similarity: these are the edited
 * ones.</li>
 * <li>What is left is paired across the whole document by similarity: out of order, these
 * moved.</li>
 * <li>Repeated texts and heavily rewritten paragraphs are paired by their paired
 * neighbours.</li>
 * <li>A new paragraph next to a paired one whose words the old one holds is a piece of a
 * split; an old paragraph whose words a new one holds next to its pair was merged.</li>
 * <li>Sections are aligned in order by the paragraphs they share, their heading and their
 * label; a section left over is paired as moved, split or merged, or else is removed or
 * new.</li>
 * </ol>
 * The old outline's sections and blocks carry their ids; the new one's places are its
 * numbers.
 */
public final class RevisionMatcher {

	/** Below this similarity two paragraphs in the same stretch are not the same one. */
	static final double IN_PLACE = 0.4;

	/** Above this similarity two paragraphs are the same one wherever they are. */
	static final double STRONG = 0.8;

	/** What a pair in a stretch must add over its threshold to be worth making. */
	private static final double MARGIN = 0.3;

	/** Below this similarity two paragraphs in different places are not the same one. */
	static final double MOVED = 0.6;

	/** The share of a piece's words the whole must hold for a split or a merge. */
	static final double PIECE = 0.75;

	/** Between paired neighbours, two paragraphs this alike are the same one. */
	static final double BETWEEN_PAIRS = 0.3;

	/** A stretch between anchors larger than this is left to the document-wide pass. */
	private static final long LARGEST_STRETCH = 4_000_000;

	public Matching match(Outline before, Outline after) {
		return new Run(before, after).match();
	}

	private static final class Unit {

		final UUID id;

		final int section;

		final int paragraph;

		final String text;

		final WordBag words;

		/**
		 * Whether the same words stand elsewhere in either version ("Rationale:"): then
		 * only the neighbours can tell which one this is.
		 */
		boolean repeated;

		Unit(UUID id, int section, int paragraph, String text, WordBag words) {
			this.id = id;
			this.section = section;
			this.paragraph = paragraph;
			this.text = text;
			this.words = words;
		}

	}

	private record Pair(int before, int after, MatchKind kind, double confidence) {
	}

	private static final class Run {

		private final Outline beforeOutline;

		private final Outline afterOutline;

		private final Map<String, Integer> vocabulary = new HashMap<>();

		private final List<Unit> before;

		private final List<Unit> after;

		/** For each old paragraph, the pairs it is in. */
		private final List<List<Pair>> ofBefore;

		/** For each new paragraph, the pairs it is in. */
		private final List<List<Pair>> ofAfter;

		Run(Outline before, Outline after) {
			this.beforeOutline = before;
			this.afterOutline = after;
			this.before = units(before);
			this.after = units(after);
			this.ofBefore = lists(this.before.size());
			this.ofAfter = lists(this.after.size());
			markRepeated(false);
		}

		/**
		 * Marks the texts that occur more than once, among all paragraphs or, once the
		 * neighbours have spoken, among the unpaired ones only: a text left once on each
		 * side is that one, wherever it went.
		 */
		private void markRepeated(boolean unpairedOnly) {
			Map<String, Integer> before = new HashMap<>();
			Map<String, Integer> after = new HashMap<>();
			for (int i = 0; i < this.before.size(); i++) {
				if (!unpairedOnly || this.ofBefore.get(i).isEmpty()) {
					before.merge(key(this.before.get(i)), 1, Integer::sum);
				}
			}
			for (int j = 0; j < this.after.size(); j++) {
				if (!unpairedOnly || this.ofAfter.get(j).isEmpty()) {
					after.merge(key(this.after.get(j)), 1, Integer::sum);
				}
			}
			for (Unit u : this.before) {
				u.repeated = before.getOrDefault(key(u), 0) > 1 || after.getOrDefault(key(u), 0) > 1;
			}
			for (Unit u : this.after) {
				u.repeated = after.getOrDefault(key(u), 0) > 1 || before.getOrDefault(key(u), 0) > 1;
			}
		}

		private static String key(Unit u) {
			return u.words.key();
		}

		Matching match() {
			List<int[]> stretches = anchor();
			dropLoneRepeatedAnchors();
			pairDocumentWide(STRONG);
			for (int[] stretch : stretches) {
				align(stretch[0], stretch[1], stretch[2], stretch[3]);
			}
			pairDocumentWide(MOVED);
			pairByNeighbours();
			markRepeated(true);
			pairDocumentWide(MOVED);
			pairByNeighbours();
			findSplits();
			findMerges();
			List<ParagraphMatch> paragraphs = new ArrayList<>();
			for (int j = 0; j < this.after.size(); j++) {
				Unit n = this.after.get(j);
				Position to = new Position(n.section + 1, n.paragraph + 1);
				if (this.ofAfter.get(j).isEmpty()) {
					paragraphs.add(new ParagraphMatch(null, to, MatchKind.NEW, 1.0));
				}
				for (Pair p : this.ofAfter.get(j)) {
					paragraphs.add(new ParagraphMatch(this.before.get(p.before).id, to, p.kind, round(p.confidence)));
				}
			}
			for (int i = 0; i < this.before.size(); i++) {
				if (this.ofBefore.get(i).isEmpty()) {
					paragraphs.add(new ParagraphMatch(this.before.get(i).id, null, MatchKind.REMOVED, 1.0));
				}
			}
			return new Matching(new SectionAlignment(this).sections(), paragraphs);
		}

		private List<Unit> units(Outline outline) {
			List<Unit> units = new ArrayList<>();
			for (int s = 0; s < outline.sections().size(); s++) {
				List<Block> blocks = outline.sections().get(s).blocks();
				for (int b = 0; b < blocks.size(); b++) {
					Block block = blocks.get(b);
					String text = block.text().strip().replaceAll("\\s+", " ");
					units.add(new Unit(block.id(), s, b, text, WordBag.of(text, this.vocabulary)));
				}
			}
			return units;
		}

		private void add(int before, int after, MatchKind kind, double confidence) {
			Pair pair = new Pair(before, after, kind, confidence);
			this.ofBefore.get(before).add(pair);
			this.ofAfter.get(after).add(pair);
		}

		private void remove(Pair pair) {
			this.ofBefore.get(pair.before).remove(pair);
			this.ofAfter.get(pair.after).remove(pair);
		}

		/** Anchors the unchanged paragraphs; returns the stretches between anchors. */
		private List<int[]> anchor() {
			List<int[]> stretches = new ArrayList<>();
			List<String> a = this.before.stream().map(u -> u.text).toList();
			List<String> b = this.after.stream().map(u -> u.text).toList();
			Patch<String> patch = DiffUtils.diff(a, b);
			int i = 0;
			int j = 0;
			for (AbstractDelta<String> delta : patch.getDeltas()) {
				int sourceAt = delta.getSource().getPosition();
				int targetAt = delta.getTarget().getPosition();
				while (i < sourceAt && j < targetAt) {
					add(i++, j++, MatchKind.UNCHANGED, 1.0);
				}
				stretches.add(new int[] { sourceAt, sourceAt + delta.getSource().size(), targetAt,
						targetAt + delta.getTarget().size() });
				i = sourceAt + delta.getSource().size();
				j = targetAt + delta.getTarget().size();
			}
			while (i < a.size() && j < b.size()) {
				add(i++, j++, MatchKind.UNCHANGED, 1.0);
			}
			return stretches;
		}

		/** Aligns old [i0, i1) with new [j0, j1) in order, maximising the similarity. */
		private void align(int i0, int i1, int j0, int j1) {
			int n = i1 - i0;
			int m = j1 - j0;
			if (n == 0 || m == 0 || (long) n * m > LARGEST_STRETCH) {
				return;
			}
			double[][] score = new double[n + 1][m + 1];
			double[][] sim = new double[n][m];
			for (int x = n - 1; x >= 0; x--) {
				for (int y = m - 1; y >= 0; y--) {
					boolean free = this.ofBefore.get(i0 + x).isEmpty() && this.ofAfter.get(j0 + y).isEmpty()
							&& !this.before.get(i0 + x).repeated && !this.after.get(j0 + y).repeated;
					sim[x][y] = free ? this.before.get(i0 + x).words.similarity(this.after.get(j0 + y).words) : 0;
					double take = (sim[x][y] >= IN_PLACE) ? score[x + 1][y + 1] + sim[x][y] - MARGIN
							: Double.NEGATIVE_INFINITY;
					score[x][y] = Math.max(take, Math.max(score[x + 1][y], score[x][y + 1]));
				}
			}
			int x = 0;
			int y = 0;
			while (x < n && y < m) {
				if (sim[x][y] >= IN_PLACE && score[x][y] == score[x + 1][y + 1] + sim[x][y] - MARGIN) {
					add(i0 + x, j0 + y, MatchKind.EDITED, sim[x][y]);
					x++;
					y++;
				}
				else if (score[x][y] == score[x + 1][y]) {
					x++;
				}
				else {
					y++;
				}
			}
		}

		/**
		 * A text that occurs several times ("Rationale:", "Verification material(s):") is
		 * the same paragraph only where its neighbours are paired too: an anchor of such
		 * a text with no anchored neighbour came from a reordering, and is undone.
		 */
		private void dropLoneRepeatedAnchors() {
			Map<String, Integer> occurrences = new HashMap<>();
			this.before.forEach(u -> occurrences.merge(u.text, 1, Integer::sum));
			List<Pair> lone = new ArrayList<>();
			for (int i = 0; i < this.before.size(); i++) {
				for (Pair p : this.ofBefore.get(i)) {
					if (p.kind == MatchKind.UNCHANGED && occurrences.get(this.before.get(i).text) > 1
							&& !pairedAt(i - 1, p.after - 1) && !pairedAt(i + 1, p.after + 1)) {
						lone.add(p);
					}
				}
			}
			lone.forEach(this::remove);
		}

		/**
		 * Whether pairing old {@code i} with new {@code j} keeps the order of the nearest
		 * pairs around them, as an edit in place does and a move does not.
		 */
		private boolean inOrder(int i, int j) {
			for (int k = i - 1; k >= 0; k--) {
				if (!this.ofBefore.get(k).isEmpty()) {
					if (this.ofBefore.get(k).get(0).after > j) {
						return false;
					}
					break;
				}
			}
			for (int k = i + 1; k < this.before.size(); k++) {
				if (!this.ofBefore.get(k).isEmpty()) {
					return this.ofBefore.get(k).get(0).after >= j;
				}
			}
			return true;
		}

		private boolean pairedAt(int before, int after) {
			if (before < 0 || after < 0 || before >= this.before.size() || after >= this.after.size()) {
				return false;
			}
			return this.ofBefore.get(before).stream().anyMatch(p -> p.after == after);
		}

		/**
		 * An unpaired paragraph between paired neighbours, facing an unpaired one between
		 * the same neighbours, is that one rewritten if they share a little.
		 */
		private void pairByNeighbours() {
			boolean paired = true;
			while (paired) {
				paired = false;
				for (int i = 0; i < this.before.size(); i++) {
					if (!this.ofBefore.get(i).isEmpty()) {
						continue;
					}
					int best = -1;
					double most = BETWEEN_PAIRS;
					for (int j : facing(i)) {
						if (j >= 0 && j < this.after.size() && this.ofAfter.get(j).isEmpty()) {
							double s = this.before.get(i).words.similarity(this.after.get(j).words);
							if (s >= most) {
								most = s;
								best = j;
							}
						}
					}
					if (best >= 0) {
						add(i, best, MatchKind.EDITED, most);
						paired = true;
					}
				}
			}
		}

		/**
		 * The new places facing old paragraph {@code i} through its paired neighbours.
		 */
		private List<Integer> facing(int i) {
			List<Integer> places = new ArrayList<>(2);
			if (i > 0) {
				this.ofBefore.get(i - 1).stream().mapToInt(p -> p.after + 1).forEach(places::add);
			}
			if (i + 1 < this.before.size()) {
				this.ofBefore.get(i + 1).stream().mapToInt(p -> p.after - 1).forEach(places::add);
			}
			return places;
		}

		/**
		 * Pairs what is left, document-wide, best similarity first; a pair out of the
		 * order of the anchors is a move.
		 */
		private void pairDocumentWide(double threshold) {
			Map<Integer, List<Integer>> afterByWord = new HashMap<>();
			for (int j = 0; j < this.after.size(); j++) {
				if (this.ofAfter.get(j).isEmpty() && !this.after.get(j).repeated) {
					for (int w : distinct(this.after.get(j).words.words())) {
						afterByWord.computeIfAbsent(w, k -> new ArrayList<>()).add(j);
					}
				}
			}
			List<Pair> candidates = new ArrayList<>();
			for (int i = 0; i < this.before.size(); i++) {
				if (!this.ofBefore.get(i).isEmpty() || this.before.get(i).repeated) {
					continue;
				}
				WordBag words = this.before.get(i).words;
				for (int j : candidatesFor(words, afterByWord)) {
					double s = words.similarity(this.after.get(j).words);
					if (s >= threshold) {
						candidates.add(new Pair(i, j, MatchKind.MOVED, s));
					}
				}
			}
			candidates.sort(Comparator.comparingDouble(Pair::confidence).reversed());
			for (Pair c : candidates) {
				if (this.ofBefore.get(c.before).isEmpty() && this.ofAfter.get(c.after).isEmpty()) {
					add(c.before, c.after, inOrder(c.before, c.after) ? MatchKind.EDITED : MatchKind.MOVED,
							c.confidence);
				}
			}
		}

		/**
		 * The unpaired paragraphs that share one of the text's rarest words: a paragraph
		 * alike enough to be the same one shares most of them.
		 */
		private static List<Integer> candidatesFor(WordBag words, Map<Integer, List<Integer>> byWord) {
			int[] distinct = distinct(words.words());
			Integer[] rarest = Arrays.stream(distinct).boxed().toArray(Integer[]::new);
			Arrays.sort(rarest, Comparator.comparingInt(w -> byWord.getOrDefault(w, List.of()).size()));
			List<Integer> found = new ArrayList<>();
			Set<Integer> seen = new HashSet<>();
			for (int k = 0; k < Math.min(rarest.length, 6); k++) {
				for (int j : byWord.getOrDefault(rarest[k], List.of())) {
					if (seen.add(j)) {
						found.add(j);
					}
				}
			}
			return found;
		}

		private static int[] distinct(int[] sorted) {
			return Arrays.stream(sorted).distinct().toArray();
		}

		/**
		 * An old paragraph paired with one new one, whose words also fill the unpaired
		 * new paragraphs next to that one, was split into them.
		 */
		private void findSplits() {
			for (int i = 0; i < this.before.size(); i++) {
				List<Pair> pairs = this.ofBefore.get(i);
				Unit whole = this.before.get(i);
				if (pairs.size() != 1 || pairs.get(0).confidence >= 0.98 || whole.words.isEmpty()) {
					continue;
				}
				Pair pair = pairs.get(0);
				List<Integer> pieces = pieces(whole.words, pair.after, this.after, this.ofAfter);
				if (pieces.size() < 2) {
					continue;
				}
				double s = whole.words.similarity(bagOf(pieces, this.after));
				if (s > pair.confidence + 0.05
						|| (onlyAffixes(pieces, pair.after, this.after, whole.words) && s >= pair.confidence - 0.05)) {
					remove(pair);
					for (int j : pieces) {
						add(i, j, MatchKind.SPLIT, s);
					}
				}
			}
		}

		/**
		 * A new paragraph paired with one old one, whose words also hold the unpaired old
		 * paragraphs next to that one, is those paragraphs merged.
		 */
		private void findMerges() {
			for (int j = 0; j < this.after.size(); j++) {
				List<Pair> pairs = this.ofAfter.get(j);
				Unit whole = this.after.get(j);
				if (pairs.size() != 1 || pairs.get(0).kind == MatchKind.SPLIT || pairs.get(0).confidence >= 0.98
						|| whole.words.isEmpty()) {
					continue;
				}
				Pair pair = pairs.get(0);
				List<Integer> pieces = pieces(whole.words, pair.before, this.before, this.ofBefore);
				if (pieces.size() < 2) {
					continue;
				}
				double s = whole.words.similarity(bagOf(pieces, this.before));
				if (s > pair.confidence + 0.05 || (onlyAffixes(pieces, pair.before, this.before, whole.words)
						&& s >= pair.confidence - 0.05)) {
					remove(pair);
					for (int i : pieces) {
						add(i, j, MatchKind.MERGED, s);
					}
				}
			}
		}

		/**
		 * The paired paragraph at {@code at} and the unpaired ones on either side of it
		 * whose words {@code whole} holds, in order.
		 */
		private static List<Integer> pieces(WordBag whole, int at, List<Unit> side, List<List<Pair>> pairsOf) {
			int first = at;
			while (first > 0 && pairsOf.get(first - 1).isEmpty() && isPiece(side.get(first - 1), whole)) {
				first--;
			}
			int last = at;
			while (last + 1 < side.size() && pairsOf.get(last + 1).isEmpty() && isPiece(side.get(last + 1), whole)) {
				last++;
			}
			List<Integer> pieces = new ArrayList<>();
			for (int k = first; k <= last; k++) {
				pieces.add(k);
			}
			return pieces;
		}

		private static boolean isPiece(Unit unit, WordBag whole) {
			return (unit.words.size() >= 2 && unit.words.containedIn(whole) >= PIECE) || unit.words.isAffixOf(whole);
		}

		/** Whether every piece but the paired one opens or closes the whole's words. */
		private static boolean onlyAffixes(List<Integer> pieces, int paired, List<Unit> side, WordBag whole) {
			return pieces.stream().filter(k -> k != paired).allMatch(k -> side.get(k).words.isAffixOf(whole));
		}

		private static WordBag bagOf(List<Integer> pieces, List<Unit> side) {
			WordBag bag = WordBag.EMPTY;
			for (int k : pieces) {
				bag = bag.plus(side.get(k).words);
			}
			return bag;
		}

		private static List<List<Pair>> lists(int n) {
			List<List<Pair>> lists = new ArrayList<>(n);
			for (int k = 0; k < n; k++) {
				lists.add(new ArrayList<>(1));
			}
			return lists;
		}

		private static double round(double confidence) {
			return Math.round(confidence * 1000) / 1000.0;
		}

	}

	/**
	 * Aligns sections in order by the words their paragraphs share (as paired), their
	 * heading and their label; then names what is left.
	 */
	private static final class SectionAlignment {

		private static final double ALIGNED = 0.3;

		private final Run run;

		private final List<OutlineSection> before;

		private final List<OutlineSection> after;

		private final List<WordBag> beforeHeadings = new ArrayList<>();

		private final List<WordBag> afterHeadings = new ArrayList<>();

		/** Words shared through paired paragraphs, by old section then new section. */
		private final List<Map<Integer, Integer>> shared = new ArrayList<>();

		private final int[] beforeWords;

		private final int[] afterWords;

		SectionAlignment(Run run) {
			this.run = run;
			this.before = run.beforeOutline.sections();
			this.after = run.afterOutline.sections();
			Map<String, Integer> vocabulary = new HashMap<>();
			this.before.forEach(s -> this.beforeHeadings.add(WordBag.of(headingOf(s), vocabulary)));
			this.after.forEach(s -> this.afterHeadings.add(WordBag.of(headingOf(s), vocabulary)));
			this.beforeWords = new int[this.before.size()];
			this.afterWords = new int[this.after.size()];
			for (int s = 0; s < this.before.size(); s++) {
				this.shared.add(new HashMap<>());
			}
			run.before.forEach(u -> this.beforeWords[u.section] += u.words.size());
			run.after.forEach(u -> this.afterWords[u.section] += u.words.size());
			for (List<Pair> pairs : run.ofAfter) {
				for (Pair p : pairs) {
					Unit b = run.before.get(p.before);
					Unit a = run.after.get(p.after);
					int words = Math.min(b.words.size(), a.words.size());
					this.shared.get(b.section).merge(a.section, Math.max(1, words), Integer::sum);
				}
			}
		}

		private static String headingOf(OutlineSection s) {
			return Objects.toString(s.heading(), "");
		}

		double score(int b, int a) {
			double content = 0;
			boolean hasContent = this.beforeWords[b] + this.afterWords[a] > 0;
			if (hasContent) {
				int common = this.shared.get(b).getOrDefault(a, 0);
				content = Math.min(1.0, 2.0 * common / Math.max(1, this.beforeWords[b] + this.afterWords[a]));
			}
			OutlineSection sb = this.before.get(b);
			OutlineSection sa = this.after.get(a);
			boolean headed = sb.heading() != null || sa.heading() != null;
			double heading = headed ? this.beforeHeadings.get(b).similarity(this.afterHeadings.get(a)) : 0;
			double label = (sb.label() != null && sb.label().equals(sa.label())) ? 1 : 0;
			if (!hasContent) {
				return 0.75 * heading + 0.25 * label;
			}
			if (!headed) {
				return content;
			}
			return 0.6 * content + 0.3 * heading + 0.1 * label;
		}

		List<SectionMatch> sections() {
			int n = this.before.size();
			int m = this.after.size();
			int[] alignedTo = new int[n];
			int[] alignedFrom = new int[m];
			Arrays.fill(alignedTo, -1);
			Arrays.fill(alignedFrom, -1);
			double[] scoreOfAfter = new double[m];
			alignInOrder(alignedTo, alignedFrom, scoreOfAfter);
			List<SectionMatch> matches = new ArrayList<>();
			for (int a = 0; a < m; a++) {
				Position to = Position.section(a + 1);
				int b = alignedFrom[a];
				if (b >= 0) {
					matches.add(new SectionMatch(this.before.get(b).id(), to,
							unchanged(b, a) ? MatchKind.UNCHANGED : MatchKind.EDITED, round(scoreOfAfter[a])));
					continue;
				}
				int source = mainSource(a);
				if (source >= 0 && alignedTo[source] >= 0) {
					matches.add(new SectionMatch(this.before.get(source).id(), to, MatchKind.SPLIT,
							round(score(source, a))));
				}
				else if (source >= 0) {
					alignedTo[source] = a;
					matches.add(new SectionMatch(this.before.get(source).id(), to, MatchKind.MOVED,
							round(score(source, a))));
				}
				else {
					int moved = bestUnaligned(a, alignedTo);
					if (moved >= 0) {
						alignedTo[moved] = a;
						matches.add(new SectionMatch(this.before.get(moved).id(), to, MatchKind.MOVED,
								round(score(moved, a))));
					}
					else {
						matches.add(new SectionMatch(null, to, MatchKind.NEW, 1.0));
					}
				}
			}
			for (int b = 0; b < n; b++) {
				if (alignedTo[b] >= 0) {
					continue;
				}
				int target = mainTarget(b);
				if (target >= 0) {
					matches.add(new SectionMatch(this.before.get(b).id(), Position.section(target + 1),
							MatchKind.MERGED, round(score(b, target))));
				}
				else {
					matches.add(new SectionMatch(this.before.get(b).id(), null, MatchKind.REMOVED, 1.0));
				}
			}
			return matches;
		}

		/** Weighted alignment in order, over the pairs worth considering. */
		private void alignInOrder(int[] alignedTo, int[] alignedFrom, double[] scoreOfAfter) {
			int n = this.before.size();
			int m = this.after.size();
			int band = 40 + Math.abs(n - m);
			double[][] best = new double[n + 1][m + 1];
			float[][] scores = new float[n][m];
			for (int b = n - 1; b >= 0; b--) {
				for (int a = m - 1; a >= 0; a--) {
					scores[b][a] = (float) (candidate(b, a, n, m, band) ? score(b, a) : 0);
					double s = scores[b][a];
					double take = (s >= ALIGNED) ? best[b + 1][a + 1] + s : Double.NEGATIVE_INFINITY;
					best[b][a] = Math.max(take, Math.max(best[b + 1][a], best[b][a + 1]));
				}
			}
			int b = 0;
			int a = 0;
			while (b < n && a < m) {
				double s = scores[b][a];
				if (s >= ALIGNED && best[b][a] == best[b + 1][a + 1] + s) {
					alignedTo[b] = a;
					alignedFrom[a] = b;
					scoreOfAfter[a] = s;
					b++;
					a++;
				}
				else if (best[b][a] == best[b + 1][a]) {
					b++;
				}
				else {
					a++;
				}
			}
		}

		/** Sections far apart are aligned only through the paragraphs they share. */
		private boolean candidate(int b, int a, int n, int m, int band) {
			if (this.shared.get(b).containsKey(a)) {
				return true;
			}
			long expected = (long) b * m / Math.max(1, n);
			return Math.abs(a - expected) <= band;
		}

		private boolean unchanged(int b, int a) {
			OutlineSection sb = this.before.get(b);
			OutlineSection sa = this.after.get(a);
			if (!Objects.equals(sb.heading(), sa.heading()) || !Objects.equals(sb.label(), sa.label())
					|| sb.blocks().size() != sa.blocks().size()) {
				return false;
			}
			for (int j = 0; j < this.run.after.size(); j++) {
				if (this.run.after.get(j).section == a) {
					List<Pair> pairs = this.run.ofAfter.get(j);
					if (pairs.size() != 1 || pairs.get(0).kind != MatchKind.UNCHANGED
							|| this.run.before.get(pairs.get(0).before).section != b) {
						return false;
					}
				}
			}
			return true;
		}

		/** The old section that gave a new one most of its words, or -1. */
		private int mainSource(int a) {
			int best = -1;
			int most = 0;
			for (int b = 0; b < this.before.size(); b++) {
				int common = this.shared.get(b).getOrDefault(a, 0);
				if (common > most) {
					most = common;
					best = b;
				}
			}
			return (most * 2 >= this.afterWords[a] && most > 0) ? best : -1;
		}

		/** The new section that took most of an old one's words, or -1. */
		private int mainTarget(int b) {
			return this.shared.get(b)
				.entrySet()
				.stream()
				.filter(e -> e.getValue() * 2 >= this.beforeWords[b])
				.max(Map.Entry.comparingByValue())
				.map(Map.Entry::getKey)
				.orElse(-1);
		}

		/** An old section left unaligned with the same heading, for one without words. */
		private int bestUnaligned(int a, int[] alignedTo) {
			if (this.after.get(a).heading() == null) {
				return -1;
			}
			int best = -1;
			double most = 0.8;
			for (int b = 0; b < this.before.size(); b++) {
				if (alignedTo[b] < 0) {
					double s = this.beforeHeadings.get(b).similarity(this.afterHeadings.get(a));
					if (s >= most && this.beforeWords[b] == 0) {
						most = s;
						best = b;
					}
				}
			}
			return best;
		}

		private static double round(double confidence) {
			return Math.round(confidence * 1000) / 1000.0;
		}

	}

}
