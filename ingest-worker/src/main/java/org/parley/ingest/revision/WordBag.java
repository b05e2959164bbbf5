package org.parley.ingest.revision;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.regex.Pattern;

/**
 * The words of a text as sorted token and word-pair ids, so that two texts compare in
 * linear time. Words are case-folded and compatibility-normalised; punctuation, which an
 * editor changes without changing the words, is not a word.
 */
final class WordBag {

	/**
	 * A paragraph's own numbering ("3.1.2 -", "1.2.3", "a)", "(2)"): renumbering is not a
	 * change of words, and in a short paragraph the numbers would outweigh them.
	 */
	private static final Pattern LEADING_LABEL = Pattern
		.compile("^\\s*(?:\\(?[0-9]+(?:\\.[0-9]+)*\\.?\\)?|\\(?[a-z]\\)|[ivx]+\\))\\s*[-\u2013\u2014:]?\\s+");

	/**
	 * Below this many words, the letters are compared too: "Artifact(s)" and
	 * "Material(s)".
	 */
	private static final int SHORT = 6;

	static final WordBag EMPTY = new WordBag(new int[0], new long[0], List.of(), null);

	private final int[] words;

	private final long[] pairs;

	private final List<String> sequence;

	private final String letters;

	private WordBag(int[] words, long[] pairs, List<String> sequence, String letters) {
		this.words = words;
		this.pairs = pairs;
		this.sequence = sequence;
		this.letters = letters;
	}

	static List<String> words(String text) {
		String normal = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
				: Normalizer.normalize(text, Normalizer.Form.NFKC);
		String folded = normal.toLowerCase(Locale.ROOT);
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i < folded.length(); i++) {
			if (Character.isLetterOrDigit(folded.charAt(i))) {
				if (start < 0) {
					start = i;
				}
			}
			else if (start >= 0) {
				words.add(folded.substring(start, i));
				start = -1;
			}
		}
		if (start >= 0) {
			words.add(folded.substring(start));
		}
		return words;
	}

	/** The words in their order, as one string: equal for texts with the same words. */
	String key() {
		return String.join(" ", this.sequence);
	}

	static WordBag of(String text, Map<String, Integer> vocabulary) {
		List<String> words = words(LEADING_LABEL.matcher(text).replaceFirst(""));
		if (words.isEmpty()) {
			words = words(text);
		}
		int[] ids = new int[words.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = vocabulary.computeIfAbsent(words.get(i), w -> vocabulary.size());
		}
		long[] pairs = new long[Math.max(0, ids.length - 1)];
		for (int i = 0; i < pairs.length; i++) {
			pairs[i] = ((long) ids[i] << 32) | (ids[i + 1] & 0xffffffffL);
		}
		int[] sortedIds = ids.clone();
		Arrays.sort(sortedIds);
		Arrays.sort(pairs);
		String letters = (words.size() < SHORT) ? String.join(" ", words) : null;
		return new WordBag(sortedIds, pairs, List.copyOf(words), letters);
	}

	int size() {
		return this.words.length;
	}

	int[] words() {
		return this.words;
	}

	boolean isEmpty() {
		return this.words.length == 0;
	}

	/**
	 * How alike two texts are, from 0 to 1: the mean of the Dice coefficients of their
	 * words and of their word pairs, so that the same words in another order count less.
	 */
	double similarity(WordBag other) {
		if (isEmpty() && other.isEmpty()) {
			return 1.0;
		}
		double words = dice(common(this.words, other.words), this.words.length, other.words.length);
		double similarity = words;
		if (this.pairs.length > 0 && other.pairs.length > 0) {
			double pairs = dice(common(this.pairs, other.pairs), this.pairs.length, other.pairs.length);
			similarity = (words + pairs) / 2;
		}
		if (this.letters != null && other.letters != null) {
			similarity = Math.max(similarity, trigrams(this.letters, other.letters));
		}
		return similarity;
	}

	/** Whether this text's words open or close the other's, as a label does its text. */
	boolean isAffixOf(WordBag other) {
		int n = this.sequence.size();
		int m = other.sequence.size();
		return n > 0 && n < m && (other.sequence.subList(0, n).equals(this.sequence)
				|| other.sequence.subList(m - n, m).equals(this.sequence));
	}

	private static double trigrams(String a, String b) {
		List<String> x = trigramsOf(a);
		List<String> y = new ArrayList<>(trigramsOf(b));
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (String t : x) {
			if (y.remove(t)) {
				common++;
			}
		}
		return dice(common, x.size(), y.size() + common);
	}

	private static List<String> trigramsOf(String text) {
		List<String> grams = new ArrayList<>();
		String padded = " " + text + " ";
		for (int i = 0; i + 3 <= padded.length(); i++) {
			grams.add(padded.substring(i, i + 3));
		}
		return grams;
	}

	/** The share of this text's words that the other text holds. */
	double containedIn(WordBag other) {
		return isEmpty() ? 0 : (double) common(this.words, other.words) / this.words.length;
	}

	/** The words of this text followed by those of the other. */
	WordBag plus(WordBag other) {
		List<String> sequence = new ArrayList<>(this.sequence);
		sequence.addAll(other.sequence);
		return new WordBag(merge(this.words, other.words), merge(this.pairs, other.pairs), sequence, null);
	}

	private static double dice(int common, int a, int b) {
		return (a + b == 0) ? 0 : 2.0 * common / (a + b);
	}

	private static int common(int[] a, int[] b) {
		return common(a.length, b.length, (i, j) -> Integer.compare(a[i], b[j]));
	}

	private static int common(long[] a, long[] b) {
		return common(a.length, b.length, (i, j) -> Long.compare(a[i], b[j]));
	}

	/**
	 * How many elements two sorted arrays share, repeats counted, in one walk through
	 * both; {@code order} compares the i-th element of the one with the j-th of the
	 * other.
	 */
	private static int common(int lengthA, int lengthB, IntBinaryOperator order) {
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < lengthA && j < lengthB) {
			int o = order.applyAsInt(i, j);
			if (o == 0) {
				n++;
				i++;
				j++;
			}
			else if (o < 0) {
				i++;
			}
			else {
				j++;
			}
		}
		return n;
	}

	private static int[] merge(int[] a, int[] b) {
		int[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		Arrays.sort(all);
		return all;
	}

	private static long[] merge(long[] a, long[] b) {
		long[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		Arrays.sort(all);
		return all;
	}

}
