package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.List;

import org.parley.ingest.pdf.TextRun;
import org.parley.ingest.pdf.table.PageTables;

/**
 * Groups lines in reading order into blocks: paragraphs, list items and headings. In a
 * tagged PDF the structure elements say where blocks start; otherwise a block ends where
 * the style changes, where the gap to the next line is larger than the usual line
 * spacing, where the indentation changes, where a list marker starts a line, or where a
 * line ends although the next word would have fitted on it. A paragraph interrupted by a
 * page or column break goes on when its last line was full and the next column starts
 * like a continuation. A table's stand-in line is a block of its own.
 */
final class ParagraphAssembler {

	/** Gaps up to this multiple of the usual line spacing stay within a paragraph. */
	private static final float PARAGRAPH_GAP = 1.3f;

	/** Indentation differences below this fraction of the font size are noise. */
	private static final float INDENT = 0.8f;

	private final BodyText body;

	ParagraphAssembler(BodyText body) {
		this.body = body;
	}

	List<TextBlock> assemble(List<PlacedLine> lines) {
		List<TextBlock> blocks = new ArrayList<>();
		List<PlacedLine> current = new ArrayList<>();
		for (PlacedLine line : lines) {
			if (!current.isEmpty() && startsBlock(current, line)) {
				blocks.add(new TextBlock(current));
				current.clear();
			}
			current.add(line);
		}
		if (!current.isEmpty()) {
			blocks.add(new TextBlock(current));
		}
		return blocks;
	}

	private boolean startsBlock(List<PlacedLine> block, PlacedLine next) {
		PlacedLine previous = block.get(block.size() - 1);
		if (PageTables.tableOf(previous.line()) >= 0 || PageTables.tableOf(next.line()) >= 0) {
			return true;
		}
		if (previous.tag() != null && next.tag() != null) {
			return previous.tag().element() != next.tag().element();
		}
		if (differentStyle(previous, next)) {
			return true;
		}
		String text = next.text();
		if (ListMarker.startsWithBullet(text)) {
			return true;
		}
		if (next.opensColumn()) {
			return !continuesAcrossBreak(block, next);
		}
		float gap = next.baseline() - previous.baseline();
		float spacing = this.body.lineSpacing(previous.fontSize());
		if (brokenForRoom(previous)) {
			// A full line goes on, even where the page sets every line on the running
			// text's grid (a bill's heading in small type, spaced like the body).
			spacing = Math.max(spacing, this.body.lineSpacing(this.body.fontSize()));
		}
		if (gap > PARAGRAPH_GAP * spacing || gap < 0) {
			return true;
		}
		if (indentationBreaks(block, next)) {
			return true;
		}
		if (ListMarker.startsWithNumber(text) && endsClause(previous.text())) {
			return true;
		}
		if (isBody(previous) && isBody(next) && lineHadRoom(previous, next)) {
			return true;
		}
		return !isBody(next) && startsWithHeadingLabel(text);
	}

	private boolean continuesAcrossBreak(List<PlacedLine> block, PlacedLine next) {
		PlacedLine previous = block.get(block.size() - 1);
		if (!isBody(previous) || !isBody(next) || ListMarker.startsItem(next.text()) || lineHadRoom(previous, next)) {
			return false;
		}
		float em = next.fontSize();
		if (block.size() == 1) {
			return next.indent() <= previous.indent() + INDENT * em;
		}
		return Math.abs(next.indent() - previous.indent()) <= INDENT * em;
	}

	private boolean indentationBreaks(List<PlacedLine> block, PlacedLine next) {
		PlacedLine previous = block.get(block.size() - 1);
		float em = next.fontSize();
		if (centredTogether(previous, next)) {
			return false;
		}
		float shift = next.indent() - previous.indent();
		if (block.size() > 1) {
			return Math.abs(shift) > INDENT * em;
		}
		if (shift > INDENT * em) {
			// A hanging list item's second line aligns with the text after the marker.
			// So does a numbered heading's ("SEC. 3101. EXTENSION FOR …" over "CORPS …").
			return !ListMarker.startsItem(previous.text()) && !ListMarker.startsWithDash(previous.text())
					&& !(!isBody(previous) && brokenForRoom(previous) && startsWithHeadingLabel(previous.text()));
		}
		if (shift < -INDENT * em) {
			// A paragraph whose first line is indented goes on at the margin; a list item
			// followed by a line at the margin has ended.
			return ListMarker.startsItem(previous.text()) || ListMarker.startsWithDash(previous.text());
		}
		return false;
	}

	/**
	 * A line that reaches the column's right edge or ends in a hyphen ran out of room.
	 */
	private static boolean brokenForRoom(PlacedLine line) {
		String text = line.text().strip();
		return line.line().right() >= line.columnRight() - 0.5f * line.fontSize()
				|| (text.endsWith("-") && text.length() > 1 && Character.isLetter(text.charAt(text.length() - 2)));
	}

	/**
	 * The lines of a centred heading start at different places but share their middle.
	 */
	private boolean centredTogether(PlacedLine previous, PlacedLine next) {
		float em = next.fontSize();
		float previousMiddle = (previous.line().x() + previous.line().right()) / 2;
		float nextMiddle = (next.line().x() + next.line().right()) / 2;
		float columnMiddle = (previous.columnLeft() + previous.columnRight()) / 2;
		boolean heading = !isBody(next)
				|| (HeadingDetector.isCapitals(previous.text()) && HeadingDetector.isCapitals(next.text()));
		return heading && Math.abs(previousMiddle - nextMiddle) < 0.5f * em
				&& Math.abs(nextMiddle - columnMiddle) < 2 * em && next.indent() > em;
	}

	/**
	 * Whether the next line's first word would have fitted at the end of the previous
	 * line: then the line was ended on purpose, not for lack of room.
	 */
	static boolean lineHadRoom(PlacedLine previous, PlacedLine next) {
		TextRun first = next.line().runs().get(0);
		if (first.text().isBlank()) {
			return false;
		}
		float needed = 0.25f * previous.fontSize() + first.firstWordWidth();
		return previous.line().right() + needed < previous.columnRight() - 0.25f * previous.fontSize();
	}

	private boolean differentStyle(PlacedLine previous, PlacedLine next) {
		return Math.abs(BodyText.round(previous.fontSize()) - BodyText.round(next.fontSize())) >= 0.5f
				|| previous.bold() != next.bold() || !BodyText.sameColour(previous.colour(), next.colour());
	}

	private boolean isBody(PlacedLine line) {
		return this.body.isBodySize(line.fontSize()) && line.bold() == this.body.bold();
	}

	private static boolean endsClause(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return false;
		}
		char last = trimmed.charAt(trimmed.length() - 1);
		return last == '.' || last == ':' || last == ';';
	}

	private static boolean startsWithHeadingLabel(String text) {
		SectionLabel label = SectionLabel.parse(text, true);
		return label != null && (label.family().startsWith("named:") || label.text().contains("."));
	}

}
