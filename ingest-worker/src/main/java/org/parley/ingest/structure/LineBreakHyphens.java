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

	private LineBreakHyphens(Set<String> words, Set<String> compounds, Set<String> compoundPrefixes) {
		this.words = words;
		this.compounds = compounds;
		this.compoundPrefixes = compoundPrefixes;
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
		return new LineBreakHyphens(words, compounds, compoundPrefixes);
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
		if (!Character.isLowerCase(after.charAt(0)) || prefix.indexOf('-') >= 0
				|| Character.isDigit(before.charAt(before.length() - 1))) {
			return true;
		}
		if (this.compounds.contains(prefix + "-" + rest)) {
			return true;
		}
		if (this.words.contains(prefix + rest)) {
			return false;
		}
		return this.compoundPrefixes.contains(prefix) || COMPOUND_PREFIXES.contains(prefix);
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
