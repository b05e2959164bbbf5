package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.TextLine;
import org.parley.ingest.pdf.TextRun;

/**
 * Drops the line numbers that bill prints, court filings and drafts under revision set in
 * the margin. The evidence is on the page itself: most lines start with a number, the
 * numbers rise by one step (every line, or every fifth), and they end at one margin
 * position. Numbered headings and list items fail all three tests: they are few, far
 * apart and followed by text that starts where the number would.
 */
final class LineNumbers {

	private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,4})(?:\\s+|$)");

	/** Fewer numbered lines prove nothing. */
	private static final int MIN_NUMBERED = 4;

	/** Share of consecutive numbered lines that must rise by the page's step. */
	private static final double REGULAR = 0.7;

	/** The numbered lines times the step must cover this share of the page's lines. */
	private static final double COVERAGE = 0.5;

	private LineNumbers() {
	}

	/**
	 * Pages that prove their numbering on their own teach the margin position; a page
	 * with few numbered lines (a table of contents, a quoted block set without numbers)
	 * then needs only the rising numbers at that position.
	 */
	static List<ExtractedPage> filter(List<ExtractedPage> pages) {
		List<ExtractedPage> filtered = new ArrayList<>(pages.size());
		Map<Integer, Integer> margins = new HashMap<>();
		for (ExtractedPage page : pages) {
			ExtractedPage without = filter(page, null);
			if (without != page) {
				Integer margin = margin(page);
				if (margin != null) {
					margins.merge(margin, 1, Integer::sum);
				}
			}
			filtered.add(without);
		}
		Integer learned = null;
		int proven = 0;
		for (Map.Entry<Integer, Integer> entry : margins.entrySet()) {
			if (entry.getValue() > proven) {
				learned = entry.getKey();
				proven = entry.getValue();
			}
		}
		if (learned == null || proven < 2) {
			return filtered;
		}
		for (int i = 0; i < filtered.size(); i++) {
			if (filtered.get(i) == pages.get(i)) {
				filtered.set(i, filter(pages.get(i), learned));
			}
		}
		return filtered;
	}

	static ExtractedPage filter(ExtractedPage page) {
		return filter(page, null);
	}

	/** The 3-point bin where most of the page's leading numbers end. */
	private static Integer margin(ExtractedPage page) {
		Map<Integer, Integer> rights = new HashMap<>();
		for (TextLine line : page.lines()) {
			TextRun first = line.runs().get(0);
			if (LEADING_NUMBER.matcher(first.text()).find()) {
				rights.merge(Math.round((first.x() + numberWidth(first)) / 3), 1, Integer::sum);
			}
		}
		return rights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	/**
	 * @param learnedMargin the margin bin other pages proved, or null to look for proof
	 * on this page alone
	 */
	private static ExtractedPage filter(ExtractedPage page, Integer learnedMargin) {
		List<TextLine> lines = page.lines();
		List<Integer> numbered = new ArrayList<>();
		List<Integer> values = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			TextRun first = lines.get(i).runs().get(0);
			Matcher number = LEADING_NUMBER.matcher(first.text());
			if (number.find() && (learnedMargin == null
					|| Math.abs(Math.round((first.x() + numberWidth(first)) / 3) - learnedMargin) <= 1)) {
				numbered.add(i);
				values.add(Integer.parseInt(number.group(1)));
			}
		}
		if (numbered.size() < ((learnedMargin != null) ? 2 : MIN_NUMBERED)) {
			return page;
		}
		Map<Integer, Integer> steps = new HashMap<>();
		for (int i = 1; i < values.size(); i++) {
			steps.merge(values.get(i) - values.get(i - 1), 1, Integer::sum);
		}
		int step = 0;
		int regular = 0;
		for (Map.Entry<Integer, Integer> entry : steps.entrySet()) {
			if (entry.getKey() > 0 && entry.getValue() > regular) {
				step = entry.getKey();
				regular = entry.getValue();
			}
		}
		boolean evident = (learnedMargin != null)
				|| ((double) numbered.size() * step >= COVERAGE * lines.size() && alignedAtOneEdge(lines, numbered));
		if (step == 0 || step > 10 || regular < REGULAR * (values.size() - 1) || !evident) {
			return page;
		}
		List<TextLine> kept = new ArrayList<>(lines);
		for (int i = numbered.size() - 1; i >= 0; i--) {
			int index = numbered.get(i);
			TextLine without = withoutNumber(lines.get(index));
			if (without == null) {
				kept.remove(index);
			}
			else {
				kept.set(index, without);
			}
		}
		return page.withLines(kept);
	}

	/** Line numbers are set flush right (or left) in a margin column of their own. */
	private static boolean alignedAtOneEdge(List<TextLine> lines, List<Integer> numbered) {
		Map<Integer, Integer> rights = new HashMap<>();
		Map<Integer, Integer> lefts = new HashMap<>();
		for (int index : numbered) {
			TextRun first = lines.get(index).runs().get(0);
			rights.merge(Math.round((first.x() + numberWidth(first)) / 3), 1, Integer::sum);
			lefts.merge(Math.round(first.x() / 3), 1, Integer::sum);
		}
		int needed = (int) Math.ceil(0.8 * numbered.size());
		return near(rights) >= needed || near(lefts) >= needed;
	}

	/** The most lines whose edge falls in one 3-point bin or its neighbours. */
	private static int near(Map<Integer, Integer> bins) {
		int best = 0;
		for (int bin : bins.keySet()) {
			best = Math.max(best, bins.getOrDefault(bin - 1, 0) + bins.get(bin) + bins.getOrDefault(bin + 1, 0));
		}
		return best;
	}

	private static float numberWidth(TextRun run) {
		int digits = 0;
		while (digits < run.text().length() && Character.isDigit(run.text().charAt(digits))) {
			digits++;
		}
		return (digits == run.text().length()) ? run.width() : run.firstWordWidth();
	}

	private static TextLine withoutNumber(TextLine line) {
		TextRun first = line.runs().get(0);
		Matcher number = LEADING_NUMBER.matcher(first.text());
		number.find();
		List<TextRun> runs = new ArrayList<>(line.runs());
		String rest = first.text().substring(number.end());
		if (rest.isBlank()) {
			runs.remove(0);
		}
		else {
			// The text after the number starts a space's width after it.
			float shift = Math.min(first.width(), numberWidth(first) + 0.25f * first.fontSize());
			float restWidth = Math.max(0, first.width() - shift);
			int space = rest.indexOf(' ');
			float firstWord = (space < 0) ? restWidth : restWidth * space / rest.length();
			runs.set(0, new TextRun(rest, first.x() + shift, first.baseline(), restWidth, first.fontSize(),
					first.bold(), first.italic(), first.tag(), firstWord, first.colour()));
		}
		return runs.isEmpty() ? null : new TextLine(runs);
	}

}
