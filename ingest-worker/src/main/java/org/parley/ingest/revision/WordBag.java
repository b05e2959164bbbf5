package org.parley.ingest.revision;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of a text as sorted token and word-pair ids, so that two texts compare in
 * linear time. Words are case-folded and compatibility-normalised; punctuation, which an
 * editor changes without changing the words, is not a word.
 */
final class WordBag {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	static final WordBag EMPTY = new WordBag(new int[0], new long[0]);

	private final int[] words;

	private final long[] pairs;

	private WordBag(int[] words, long[] pairs) {
		this.words = words;
		this.pairs = pairs;
	}

	static List<String> words(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		List<String> words = new ArrayList<>();
		for (String word : NON_WORD.split(folded)) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	static WordBag of(String text, Map<String, Integer> vocabulary) {
		List<String> words = words(text);
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
		return new WordBag(sortedIds, pairs);
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
		if (this.pairs.length == 0 || other.pairs.length == 0) {
			return words;
		}
		double pairs = dice(common(this.pairs, other.pairs), this.pairs.length, other.pairs.length);
		return (words + pairs) / 2;
	}

	/** The share of this text's words that the other text holds. */
	double containedIn(WordBag other) {
		return isEmpty() ? 0 : (double) common(this.words, other.words) / this.words.length;
	}

	/** The words of this text followed by those of the other. */
	WordBag plus(WordBag other) {
		return new WordBag(merge(this.words, other.words), merge(this.pairs, other.pairs));
	}

	private static double dice(int common, int a, int b) {
		return (a + b == 0) ? 0 : 2.0 * common / (a + b);
	}

	private static int common(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				n++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return n;
	}

	private static int common(long[] a, long[] b) {
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				n++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
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
