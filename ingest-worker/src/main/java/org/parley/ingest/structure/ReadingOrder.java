package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.List;

import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.TextLine;
import org.parley.ingest.pdf.TextRun;

/**
 * Puts a page's lines in reading order. A page whose text leaves a vertical gutter free
 * in its middle third is read as two columns, left column first; lines crossing the
 * gutter (titles, full-width headings) are read in place and close the columns above
 * them.
 */
final class ReadingOrder {

	/** Narrower empty bands are word gaps or table spacing, not a gutter. */
	private static final float MIN_GUTTER = 8f;

	/**
	 * PDF's largest page is 200 inches wide. A damaged file can claim billions of points,
	 * and the gutter search keeps a counter per point of width.
	 */
	private static final float MAX_PAGE_WIDTH = 14_400;

	/** Each column needs this many lines before a page counts as two-column. */
	private static final int MIN_COLUMN_LINES = 3;

	private ReadingOrder() {
	}

	static List<PlacedLine> arrange(ExtractedPage page) {
		List<TextLine> lines = page.lines();
		if (lines.isEmpty()) {
			return List.of();
		}
		Gutter gutter = gutter(lines, page.width());
		if (gutter == null) {
			return singleColumn(lines, page.number());
		}
		return twoColumns(lines, page.number(), gutter);
	}

	private static List<PlacedLine> singleColumn(List<TextLine> lines, int page) {
		float left = Float.MAX_VALUE;
		float right = 0;
		for (TextLine line : lines) {
			left = Math.min(left, line.x());
			right = Math.max(right, line.right());
		}
		List<PlacedLine> placed = new ArrayList<>(lines.size());
		for (TextLine line : lines) {
			placed.add(new PlacedLine(line, page, left, right, placed.isEmpty()));
		}
		return placed;
	}

	private static List<PlacedLine> twoColumns(List<TextLine> lines, int page, Gutter gutter) {
		List<PlacedLine> placed = new ArrayList<>(lines.size());
		List<TextLine> left = new ArrayList<>();
		List<TextLine> right = new ArrayList<>();
		for (TextLine line : lines) {
			List<TextRun> leftRuns = new ArrayList<>();
			List<TextRun> rightRuns = new ArrayList<>();
			boolean spanning = false;
			for (TextRun run : line.runs()) {
				if (run.right() <= gutter.middle()) {
					leftRuns.add(run);
				}
				else if (run.x() >= gutter.middle()) {
					rightRuns.add(run);
				}
				else {
					spanning = true;
				}
			}
			if (spanning) {
				flush(placed, left, page);
				flush(placed, right, page);
				placed.add(new PlacedLine(line, page, line.x(), line.right(), true));
				continue;
			}
			if (!leftRuns.isEmpty()) {
				left.add(new TextLine(leftRuns));
			}
			if (!rightRuns.isEmpty()) {
				right.add(new TextLine(rightRuns));
			}
		}
		flush(placed, left, page);
		flush(placed, right, page);
		return placed;
	}

	private static void flush(List<PlacedLine> placed, List<TextLine> column, int page) {
		if (column.isEmpty()) {
			return;
		}
		placed.addAll(singleColumn(column, page));
		column.clear();
	}

	/**
	 * The widest band in the middle of the page that almost no line crosses and that has
	 * lines ending just left of it and lines starting just right of it.
	 */
	static Gutter gutter(List<TextLine> lines, float pageWidth) {
		if (lines.size() < MIN_COLUMN_LINES || !(pageWidth > 0 && pageWidth <= MAX_PAGE_WIDTH)) {
			return null;
		}
		int bins = (int) Math.ceil(pageWidth) + 1;
		int[] covered = new int[bins];
		for (TextLine line : lines) {
			for (TextRun run : line.runs()) {
				int from = clamp((int) Math.floor(run.x()), bins);
				int to = clamp((int) Math.ceil(run.right()), bins);
				for (int bin = from; bin < to; bin++) {
					covered[bin]++;
				}
			}
		}
		int allowed = Math.max(1, lines.size() / 10);
		int low = (int) (pageWidth * 0.3f);
		int high = (int) (pageWidth * 0.7f);
		Gutter best = null;
		int start = -1;
		for (int bin = low; bin <= high + 1; bin++) {
			boolean free = bin <= high && covered[bin] <= allowed;
			if (free && start < 0) {
				start = bin;
			}
			else if (!free && start >= 0) {
				Gutter candidate = new Gutter(start, bin);
				if (candidate.width() >= MIN_GUTTER && (best == null || candidate.width() > best.width())
						&& separatesColumns(lines, candidate)) {
					best = candidate;
				}
				start = -1;
			}
		}
		return best;
	}

	private static boolean separatesColumns(List<TextLine> lines, Gutter gutter) {
		int left = 0;
		int right = 0;
		for (TextLine line : lines) {
			for (TextRun run : line.runs()) {
				if (run.right() <= gutter.start() + 0.5f) {
					left++;
					break;
				}
			}
			for (TextRun run : line.runs()) {
				if (run.x() >= gutter.end() - 0.5f) {
					right++;
					break;
				}
			}
		}
		return left >= MIN_COLUMN_LINES && right >= MIN_COLUMN_LINES;
	}

	private static int clamp(int bin, int bins) {
		return Math.max(0, Math.min(bins, bin));
	}

	record Gutter(float start, float end) {

		float width() {
			return this.end - this.start;
		}

		/**
		 * The few lines allowed to cross the gutter's edges make it look wider than it
		 * is; only a run crossing its middle spans both columns.
		 */
		float middle() {
			return (this.start + this.end) / 2;
		}

	}

}
