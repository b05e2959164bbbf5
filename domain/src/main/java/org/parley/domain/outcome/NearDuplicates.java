package org.parley.domain.outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds near-duplicate texts: form letters, copy-paste campaigns, a template with a few
 * words changed. Plain Java, no model (ADR 0023):
 * <ol>
 * <li>each text is cut into words (letters and digits, lower-cased) and the words into
 * overlapping 3-word shingles, each hashed to 64 bits;</li>
 * <li>texts equal word for word share one signature, so a campaign of 2,300 copies costs
 * one;</li>
 * <li>a MinHash signature of {@value #HASHES} values estimates the Jaccard similarity of
 * two texts' shingle sets;</li>
 * <li>LSH banding ({@value #BANDS} bands of {@value #ROWS} values) proposes as candidates
 * only texts that agree on a whole band; a candidate joins the first text of its bucket
 * (and its latest) if their signatures agree on at least {@value #SIMILAR} of the
 * values;</li>
 * <li>joined texts are united (union-find), so a chain of small edits stays one
 * group.</li>
 * </ol>
 * Cost is linear in the words: no pair of texts is compared unless a band matches, and
 * then only against the bucket's first text.
 */
public final class NearDuplicates {

	static final int HASHES = 60;

	static final int ROWS = 3;

	static final int BANDS = HASHES / ROWS;

	/** Estimated Jaccard similarity from which two texts count as the same text. */
	static final double SIMILAR = 0.4;

	private static final int SHINGLE = 3;

	private static final long[] MULTIPLIERS = new long[HASHES];

	private static final long[] ADDENDS = new long[HASHES];

	static {
		long seed = 0x5EED_0F_9A_41_E7L;
		for (int i = 0; i < HASHES; i++) {
			seed = mix(seed + 0x9E3779B97F4A7C15L);
			MULTIPLIERS[i] = seed | 1L;
			seed = mix(seed + 0x9E3779B97F4A7C15L);
			ADDENDS[i] = seed;
		}
	}

	private NearDuplicates() {
	}

	/**
	 * @param texts in the order that decides each group's first member (oldest first)
	 * @return the groups of two or more, as indexes into {@code texts}, each ascending;
	 * the groups ordered by their first index. Texts without a word are never grouped.
	 */
	public static List<int[]> group(List<String> texts) {
		int n = texts.size();
		// Texts equal word for word: one signature for all of them.
		// The key is a 64-bit hash of the words' hashes: two different texts share it
		// with
		// odds of about n² / 2^64.
		Map<Long, Integer> distinctIndex = new HashMap<>();
		int[] distinctOf = new int[n];
		List<long[]> shingleSets = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long[] words = wordHashes(texts.get(i));
			if (words.length == 0) {
				distinctOf[i] = -1;
				continue;
			}
			long key = words.length;
			for (long w : words) {
				key = mix(key * 0x9E3779B97F4A7C15L + w);
			}
			Integer known = distinctIndex.get(key);
			if (known == null) {
				known = shingleSets.size();
				distinctIndex.put(key, known);
				shingleSets.add(shingles(words));
			}
			distinctOf[i] = known;
		}
		int distinct = shingleSets.size();
		int[] signatures = new int[distinct * HASHES];
		for (int d = 0; d < distinct; d++) {
			sign(shingleSets.get(d), signatures, d * HASHES);
		}
		shingleSets = null;
		int[] parent = new int[distinct];
		for (int d = 0; d < distinct; d++) {
			parent[d] = d;
		}
		// Each bucket remembers its first text and its latest: a text is compared with
		// both,
		// so that a chain of edits joins even where it strays from the first. The buckets
		// of a band are an open-addressing table of primitives, reused band after band.
		int capacity = Integer.highestOneBit(Math.max(16, distinct * 2)) << 1;
		long[] keys = new long[capacity];
		int[] first = new int[capacity];
		int[] latest = new int[capacity];
		for (int band = 0; band < BANDS; band++) {
			Arrays.fill(first, -1);
			for (int d = 0; d < distinct; d++) {
				long key = band;
				int at = d * HASHES + band * ROWS;
				for (int r = 0; r < ROWS; r++) {
					key = key * 0x100000001B3L + signatures[at + r];
				}
				key = mix(key);
				int slot = (int) key & (capacity - 1);
				while (first[slot] >= 0 && keys[slot] != key) {
					slot = (slot + 1) & (capacity - 1);
				}
				if (first[slot] < 0) {
					keys[slot] = key;
					first[slot] = d;
					latest[slot] = d;
					continue;
				}
				join(parent, signatures, first[slot], d);
				if (latest[slot] != first[slot]) {
					join(parent, signatures, latest[slot], d);
				}
				latest[slot] = d;
			}
		}
		// Gather the texts by their distinct text's root, in input order.
		Map<Integer, List<Integer>> byRoot = new HashMap<>();
		List<Integer> roots = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (distinctOf[i] < 0) {
				continue;
			}
			int root = find(parent, distinctOf[i]);
			List<Integer> members = byRoot.get(root);
			if (members == null) {
				members = new ArrayList<>();
				byRoot.put(root, members);
				roots.add(root);
			}
			members.add(i);
		}
		List<int[]> groups = new ArrayList<>();
		for (int root : roots) {
			List<Integer> members = byRoot.get(root);
			if (members.size() > 1) {
				groups.add(members.stream().mapToInt(Integer::intValue).toArray());
			}
		}
		return groups;
	}

	/** The estimated Jaccard similarity of two texts' shingle sets, 0–1. */
	public static double similarity(String a, String b) {
		long[] wa = wordHashes(a);
		long[] wb = wordHashes(b);
		if (wa.length == 0 || wb.length == 0) {
			return 0;
		}
		int[] signatures = new int[2 * HASHES];
		sign(shingles(wa), signatures, 0);
		sign(shingles(wb), signatures, HASHES);
		return agreement(signatures, 0, HASHES);
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isLetterOrDigit(c)) {
				word.appendCodePoint(c);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString().toLowerCase(Locale.ROOT));
				word.setLength(0);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString().toLowerCase(Locale.ROOT));
		}
		return words;
	}

	/**
	 * The hashes of the text's words, as {@link #words} cuts them, without making a
	 * string of each.
	 */
	static long[] wordHashes(String text) {
		long[] hashes = new long[16];
		int count = 0;
		long h = 0;
		boolean inWord = false;
		for (int i = 0; i <= text.length();) {
			int c = (i < text.length()) ? text.codePointAt(i) : ' ';
			i += (i < text.length()) ? Character.charCount(c) : 1;
			if (Character.isLetterOrDigit(c)) {
				h = (h ^ Character.toLowerCase(c)) * 0x100000001B3L;
				inWord = true;
			}
			else if (inWord) {
				if (count == hashes.length) {
					hashes = Arrays.copyOf(hashes, count * 2);
				}
				hashes[count++] = mix(h);
				h = 0;
				inWord = false;
			}
		}
		return Arrays.copyOf(hashes, count);
	}

	/** The 64-bit hashes of the text's 3-word shingles (the whole text if shorter). */
	private static long[] shingles(long[] wordHashes) {
		int count = Math.max(1, wordHashes.length - SHINGLE + 1);
		long[] hashes = new long[count];
		for (int s = 0; s < count; s++) {
			long h = 0;
			for (int w = s; w < Math.min(s + SHINGLE, wordHashes.length); w++) {
				h = Long.rotateLeft(h, 21) ^ wordHashes[w];
			}
			hashes[s] = mix(h);
		}
		return hashes;
	}

	/**
	 * The MinHash signature: for each of the hash functions {@code a·x + b} (mod 2^64, a
	 * odd, over already mixed shingle hashes), the least value's upper half.
	 */
	private static void sign(long[] shingles, int[] into, int at) {
		for (int i = 0; i < HASHES; i++) {
			long a = MULTIPLIERS[i];
			long b = ADDENDS[i];
			long min = Long.MAX_VALUE;
			for (long x : shingles) {
				long v = a * x + b;
				if (v < min) {
					min = v;
				}
			}
			into[at + i] = (int) (min >>> 32);
		}
	}

	private static void join(int[] parent, int[] signatures, int a, int b) {
		if (find(parent, a) != find(parent, b) && similar(signatures, a * HASHES, b * HASHES)) {
			union(parent, a, b);
		}
	}

	private static boolean similar(int[] signatures, int a, int b) {
		return agreement(signatures, a, b) >= SIMILAR;
	}

	private static double agreement(int[] signatures, int a, int b) {
		int same = 0;
		for (int i = 0; i < HASHES; i++) {
			if (signatures[a + i] == signatures[b + i]) {
				same++;
			}
		}
		return (double) same / HASHES;
	}

	private static int find(int[] parent, int x) {
		while (parent[x] != x) {
			parent[x] = parent[parent[x]];
			x = parent[x];
		}
		return x;
	}

	private static void union(int[] parent, int a, int b) {
		int ra = find(parent, a);
		int rb = find(parent, b);
		if (ra != rb) {
			parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}

	/** SplitMix64's finaliser. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
