package org.parley.ingest.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups a page's glyphs into lines by baseline and each line into runs by style and
 * gaps. Content streams draw text in any order, so glyphs are sorted by position rather
 * than taken in drawing order.
 */
final class LineBuilder {

	/**
	 * Within this fraction of the font size, a glyph sits on the line (superscripts do).
	 */
	private static final float SAME_LINE = 0.45f;

	/** A gap wider than this fraction of the font size separates runs (tabs, columns). */
	private static final float WIDE_GAP = 1.0f;

	/** A gap wider than this fraction of a space is a word break. */
	private static final float WORD_GAP = 0.4f;

	private LineBuilder() {
	}

	static List<TextLine> lines(List<Glyph> glyphs) {
		List<TextLine> lines = new ArrayList<>();
		for (List<Glyph> line : byBaseline(glyphs)) {
			lines.add(line(line));
		}
		return lines;
	}

	/**
	 * The words of a page, line by line from the top and left to right in each line:
	 * glyphs split at word gaps, as {@link #lines} splits them.
	 */
	static List<Word> words(List<Glyph> glyphs) {
		List<Word> words = new ArrayList<>();
		for (List<Glyph> line : byBaseline(glyphs)) {
			line.sort(Comparator.comparingDouble(Glyph::x));
			StringBuilder text = new StringBuilder();
			Glyph first = null;
			Glyph previous = null;
			float right = 0;
			for (Glyph glyph : withoutOverprint(line)) {
				if (previous != null
						&& (glyph.x() - right > Math.max(WORD_GAP * previous.spaceWidth(), 0.08f * previous.size())
								|| (glyph.spaced() && glyph.x() - right > -0.1f * glyph.size()))) {
					words
						.add(new Word(text.toString(), first.x(), right, first.baseline(), first.size(), first.bold()));
					text.setLength(0);
					first = null;
				}
				if (first == null) {
					first = glyph;
					right = glyph.right();
				}
				appendExpandingLigatures(text, glyph.text());
				right = Math.max(right, glyph.right());
				previous = glyph;
			}
			if (first != null) {
				words.add(new Word(text.toString(), first.x(), right, first.baseline(), first.size(), first.bold()));
			}
		}
		return words;
	}

	private static List<List<Glyph>> byBaseline(List<Glyph> glyphs) {
		List<Glyph> sorted = new ArrayList<>(glyphs);
		sorted.sort(Comparator.comparingDouble(Glyph::baseline));
		List<List<Glyph>> lines = new ArrayList<>();
		List<Glyph> line = new ArrayList<>();
		float reference = Float.NaN;
		float referenceSize = 0;
		for (Glyph glyph : sorted) {
			if (!line.isEmpty() && glyph.baseline() - reference > SAME_LINE
					* Math.max(referenceSize, Math.min(glyph.size(), referenceSize * 2))) {
				lines.add(line);
				line = new ArrayList<>();
			}
			if (line.isEmpty()) {
				reference = glyph.baseline();
				referenceSize = glyph.size();
			}
			line.add(glyph);
		}
		if (!line.isEmpty()) {
			lines.add(line);
		}
		return lines;
	}

	private static TextLine line(List<Glyph> drawn) {
		drawn.sort(Comparator.comparingDouble(Glyph::x));
		List<Glyph> glyphs = withoutOverprint(drawn);
		List<TextRun> runs = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		Glyph first = glyphs.get(0);
		Glyph previous = null;
		float right = 0;
		float firstWordRight = Float.NaN;
		List<Float> gaps = new ArrayList<>();
		for (Glyph glyph : glyphs) {
			if (previous != null) {
				float gap = glyph.x() - right;
				if (!glyph.sameStyle(first) || gap > WIDE_GAP * Math.max(glyph.size(), previous.size())) {
					runs.add(run(withoutLetterSpacing(text, gaps), first, right,
							Float.isNaN(firstWordRight) ? right : firstWordRight));
					text.setLength(0);
					gaps.clear();
					first = glyph;
					firstWordRight = Float.NaN;
				}
				else if (gap > Math.max(WORD_GAP * previous.spaceWidth(), 0.08f * previous.size())
						|| (glyph.spaced() && gap > -0.1f * glyph.size())) {
					// Some producers (Quartz among them) draw word spaces as space
					// characters with next to no advance: the character says it.
					text.append(' ');
					gaps.add(Math.max(gap, 0.01f));
					if (Float.isNaN(firstWordRight)) {
						firstWordRight = right;
					}
				}
			}
			appendExpandingLigatures(text, glyph.text());
			right = (previous == null) ? glyph.right() : Math.max(right, glyph.right());
			previous = glyph;
		}
		runs.add(run(withoutLetterSpacing(text, gaps), first, right,
				Float.isNaN(firstWordRight) ? right : firstWordRight));
		return new TextLine(runs);
	}

	/**
	 * Headings are often letter-spaced ("S U M M A R Y"): every letter then stands alone,
	 * and the words are told apart by gaps clearly wider than the gaps between their
	 * letters.
	 * @param gaps the width of each gap that became a space, in order
	 */
	static String withoutLetterSpacing(CharSequence text, List<Float> gaps) {
		String[] tokens = text.toString().split(" ", -1);
		if (tokens.length < 4 || tokens.length != gaps.size() + 1) {
			return text.toString();
		}
		int single = 0;
		float letterGap = Float.MAX_VALUE;
		for (int i = 0; i < tokens.length; i++) {
			if (tokens[i].codePointCount(0, tokens[i].length()) == 1) {
				single++;
			}
			if (i > 0) {
				letterGap = Math.min(letterGap, gaps.get(i - 1));
			}
		}
		if (single * 4 < tokens.length * 3) {
			return text.toString();
		}
		StringBuilder joined = new StringBuilder(tokens[0]);
		for (int i = 1; i < tokens.length; i++) {
			if (gaps.get(i - 1) > 1.6f * letterGap) {
				joined.append(' ');
			}
			joined.append(tokens[i]);
		}
		return joined.toString();
	}

	/**
	 * Some producers fake bold type by drawing the text twice, slightly offset. The copy
	 * is dropped, and the text counts as bold. PDFBox can do the former, but at a cost
	 * that doubles extraction time.
	 */
	private static List<Glyph> withoutOverprint(List<Glyph> glyphs) {
		List<Glyph> kept = new ArrayList<>(glyphs.size());
		for (Glyph glyph : glyphs) {
			int last = kept.size() - 1;
			if (last >= 0 && overprints(kept.get(last), glyph)) {
				Glyph original = kept.get(last);
				kept.set(last,
						new Glyph(original.text(), original.x(), original.baseline(), original.width(), original.size(),
								original.spaceWidth(), true, original.italic(), original.tag(), original.colour(),
								original.spaced()));
			}
			else {
				kept.add(glyph);
			}
		}
		return kept;
	}

	private static boolean overprints(Glyph first, Glyph second) {
		return first.text().equals(second.text())
				&& Math.abs(second.x() - first.x()) < Math.max(0.5f, 0.25f * first.width())
				&& Math.abs(second.baseline() - first.baseline()) < 0.1f * first.size();
	}

	private static TextRun run(CharSequence text, Glyph first, float right, float firstWordRight) {
		return new TextRun(text.toString(), first.x(), first.baseline(), right - first.x(), first.size(), first.bold(),
				first.italic(), first.tag(), firstWordRight - first.x(), first.colour());
	}

	/** PDFs often draw ligatures as one glyph; the text should read as the letters. */
	private static void appendExpandingLigatures(StringBuilder text, String glyph) {
		if (glyph.length() == 1) {
			switch (glyph.charAt(0)) {
				case '\uFB00' -> text.append("ff");
				case '\uFB01' -> text.append("fi");
				case '\uFB02' -> text.append("fl");
				case '\uFB03' -> text.append("ffi");
				case '\uFB04' -> text.append("ffl");
				case '\uFB05', '\uFB06' -> text.append("st");
				default -> text.append(glyph);
			}
		}
		else {
			text.append(glyph);
		}
	}

}
