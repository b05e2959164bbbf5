package org.parley.ingest.structure;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Joins the lines of a paragraph and decides, for a line ending in a hyphen, whether the
 * hyphen belongs to the word ("co-creation") or only to the line break ("develop-ment").
 * The document itself is the dictionary: a compound written with its hyphen elsewhere
 * keeps it, a word written whole elsewhere loses it. Without evidence, common compound
 * prefixes keep their hyphen and anything else is rejoined.
 */
final class LineBreakHyphens {

	private static final Set<String> COMPOUND_PREFIXES = Set.of("self", "non", "cross", "ex", "well", "half", "all",
			"co", "multi", "pre", "post", "anti", "semi", "quasi", "mid", "twenty", "thirty", "forty", "fifty", "sixty",
			"seventy", "eighty", "ninety");

	private final Set<String> words;

	private final Set<String> compounds;

	private final Set<String> compoundPrefixes;

	/**
	 * Whether the document breaks words at line ends at all: browsers and word processors
	 * do not unless told to, and then every hyphen at a line end is the word's own.
	 */
	private final boolean hyphenates;

	private LineBreakHyphens(Set<String> words, Set<String> compounds, Set<String> compoundPrefixes,
			boolean hyphenates) {
		this.words = words;
		this.compounds = compounds;
		this.compoundPrefixes = compoundPrefixes;
		this.hyphenates = hyphenates;
	}

	static LineBreakHyphens learnedFrom(Iterable<String> lines) {
		Set<String> words = new HashSet<>();
		Set<String> compounds = new HashSet<>();
		Set<String> compoundPrefixes = new HashSet<>();
		for (String line : lines) {
			int start = -1;
			for (int i = 0; i <= line.length(); i++) {
				boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
				if (!space && start < 0) {
					start = i;
				}
				else if (space && start >= 0) {
					String word = bare(line.substring(start, i));
					boolean lineEnd = i == line.length() || line.substring(i).isBlank();
					if (!word.isEmpty() && !(lineEnd && isHyphen(line.charAt(i - 1)))) {
						int hyphen = word.indexOf('-');
						if (hyphen > 0 && hyphen < word.length() - 1) {
							compounds.add(word);
							compoundPrefixes.add(word.substring(0, hyphen));
						}
						else {
							words.add(word);
						}
					}
					start = -1;
				}
			}
		}
		// Evidence of hyphenation: a word broken at a line end that the document also
		// writes whole, or a break before a lower-case syllable with no compound to
		// explain it.
		boolean hyphenates = false;
		String previous = null;
		int unexplained = 0;
		for (String line : lines) {
			String trimmed = line.strip();
			if (previous != null && !trimmed.isEmpty() && previous.length() > 1
					&& isHyphen(previous.charAt(previous.length() - 1))) {
				String before = bare(lastWord(previous, previous.length() - 1));
				String after = bare(firstWord(trimmed));
				if (!before.isEmpty() && !after.isEmpty() && Character.isLowerCase(trimmed.charAt(0))) {
					if (words.contains(before + after)) {
						hyphenates = true;
						break;
					}
					if (!compounds.contains(before + "-" + after) && !compoundPrefixes.contains(before)
							&& !COMPOUND_PREFIXES.contains(before) && ++unexplained >= 5) {
						hyphenates = true;
						break;
					}
				}
			}
			previous = trimmed;
		}
		return new LineBreakHyphens(words, compounds, compoundPrefixes, hyphenates);
	}

	/** Appends a line to the text of a paragraph, with a space or a rejoined word. */
	void append(StringBuilder text, String line) {
		String next = line.strip();
		if (next.isEmpty()) {
			return;
		}
		int end = text.length();
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		text.setLength(end);
		if (end == 0) {
			text.append(next);
			return;
		}
		char last = text.charAt(end - 1);
		boolean brokenWord = isHyphen(last) && end > 1 && Character.isLetterOrDigit(text.charAt(end - 2))
				&& Character.isLetterOrDigit(next.charAt(0));
		if (!brokenWord) {
			text.append(' ').append(next);
			return;
		}
		if (last == '\u00AD' || !keepsHyphen(lastWord(text, end - 1), firstWord(next))) {
			text.setLength(end - 1);
		}
		text.append(next);
	}

	boolean keepsHyphen(String before, String after) {
		String prefix = bare(before);
		String rest = bare(after);
		if (prefix.isEmpty() || rest.isEmpty()) {
			return true;
		}
		// A chain of compounds ("one-size-fits-all") broken at one of its hyphens keeps
		// it, whichever side of the break the other hyphens are.
		boolean capitals = isCapitals(before) && isCapitals(after);
		if ((!Character.isLowerCase(after.charAt(0)) && !capitals) || prefix.indexOf('-') >= 0 || rest.indexOf('-') >= 0
				|| Character.isDigit(before.charAt(before.length() - 1))) {
			return true;
		}
		if (this.compounds.contains(prefix + "-" + rest) || !this.hyphenates) {
			return true;
		}
		if (this.words.contains(prefix + rest)) {
			return false;
		}
		return this.compoundPrefixes.contains(prefix) || COMPOUND_PREFIXES.contains(prefix);
	}

	/** Headings set in capitals break words too: "APPROPRIA-" "TIONS". */
	private static boolean isCapitals(String word) {
		boolean letters = false;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isLowerCase(c)) {
				return false;
			}
			letters |= Character.isLetter(c);
		}
		return letters && word.length() > 1;
	}

	private static String lastWord(CharSequence text, int end) {
		int start = end;
		while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
			start--;
		}
		return trimPunctuation(text.subSequence(start, end).toString());
	}

	private static String firstWord(String line) {
		int end = 0;
		while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
			end++;
		}
		return trimPunctuation(line.substring(0, end));
	}

	/** A word lower-cased and without surrounding quotes, brackets and punctuation. */
	private static String bare(String word) {
		return trimPunctuation(word).toLowerCase(Locale.ROOT);
	}

	private static String trimPunctuation(String word) {
		int start = 0;
		int end = word.length();
		while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
			end--;
		}
		return word.substring(start, end);
	}

	private static boolean isHyphen(char c) {
		return c == '-' || c == '\u2010' || c == '\u00AD';
	}

}
