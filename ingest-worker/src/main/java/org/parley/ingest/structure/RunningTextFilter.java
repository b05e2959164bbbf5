package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.TextLine;

/**
 * Drops running headers, footers and page numbers: lines in the top or bottom margin band
 * of a page that are page numbers, or whose text (with digits ignored) recurs in the same
 * band on many pages.
 */
final class RunningTextFilter {

	/** The top and bottom bands, as a fraction of the page height. */
	private static final float BAND = 0.12f;

	/** How many lines from the top and from the bottom of a page can be running text. */
	private static final int EDGE_LINES = 2;

	/** The share of pages a header or footer must appear on. */
	private static final double RECURRENCE = 0.4;

	private static final Pattern PAGE_NUMBER = Pattern.compile(
			"(?i)(?:page|p\\.|seite|página|pagina)?\\s*[-–—]?\\s*(?:\\d{1,4}|[ivxlc]{1,7})\\s*[-–—]?(?:\\s*(?:of|/|de|von|sur)\\s*\\d{1,4})?");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private RunningTextFilter() {
	}

	static List<ExtractedPage> filter(List<ExtractedPage> pages) {
		Map<String, Integer> recurrence = new HashMap<>();
		for (ExtractedPage page : pages) {
			Set<String> seen = new HashSet<>();
			for (TextLine line : edgeLines(page)) {
				String key = key(page, line);
				if (key != null && seen.add(key)) {
					recurrence.merge(key, 1, Integer::sum);
				}
			}
		}
		int required = Math.max(2, (int) Math.ceil(RECURRENCE * pages.size()));
		List<ExtractedPage> filtered = new ArrayList<>(pages.size());
		for (ExtractedPage page : pages) {
			Set<TextLine> running = Collections.newSetFromMap(new IdentityHashMap<>());
			for (TextLine line : edgeLines(page)) {
				String key = key(page, line);
				if (key == null) {
					continue;
				}
				if (isPageNumber(line.text()) || recurrence.getOrDefault(key, 0) >= required) {
					running.add(line);
				}
			}
			if (running.isEmpty()) {
				filtered.add(page);
			}
			else {
				List<TextLine> kept = new ArrayList<>(page.lines());
				kept.removeIf(running::contains);
				filtered.add(page.withLines(kept));
			}
		}
		return filtered;
	}

	static boolean isPageNumber(String text) {
		String trimmed = text.strip();
		return !trimmed.isEmpty() && trimmed.length() <= 24 && PAGE_NUMBER.matcher(trimmed).matches();
	}

	private static List<TextLine> edgeLines(ExtractedPage page) {
		List<TextLine> lines = page.lines();
		if (lines.size() <= 2 * EDGE_LINES) {
			return lines;
		}
		List<TextLine> edges = new ArrayList<>(lines.subList(0, EDGE_LINES));
		edges.addAll(lines.subList(lines.size() - EDGE_LINES, lines.size()));
		return edges;
	}

	/**
	 * The line's text with digits generalised and its band, or null when it is not in a
	 * band.
	 */
	private static String key(ExtractedPage page, TextLine line) {
		float band = page.height() * BAND;
		String position;
		if (line.baseline() <= band) {
			position = "top:";
		}
		else if (line.baseline() >= page.height() - band) {
			position = "bottom:";
		}
		else {
			return null;
		}
		String text = DIGITS.matcher(line.text().strip().toLowerCase(Locale.ROOT)).replaceAll("#");
		return position + text.replaceAll("\\s+", " ");
	}

}
