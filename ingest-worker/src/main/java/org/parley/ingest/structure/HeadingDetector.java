package org.parley.ingest.structure;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.parley.ingest.pdf.ExtractedDocument.Bookmark;
import org.parley.ingest.pdf.TextRun;

/**
 * Decides which blocks are headings, and how sure that is. A tagged PDF with heading tags
 * says so itself; a block whose text is one of the PDF's bookmarks is one; otherwise a
 * short block set larger or bolder than the running text is one, and so is one set in
 * capitals, one that starts with a structural label ("SEC. 2.", "Article 5", "§ 3") set
 * apart from the running text, and a short line in running text that starts with a
 * section number such as "2.1.". Never a heading: the end of a sentence that a change of
 * type split off its paragraph, text without words (amounts, dates, page numbers), text
 * starting in lower case, and rows of a table.
 */
final class HeadingDetector {

	/** Longer blocks are emphasised paragraphs, not headings. */
	private static final int MAX_LENGTH = 300;

	private static final int MAX_LINES = 4;

	/** A heading in capitals is a few words, not a shouted paragraph. */
	private static final int MAX_CAPITAL_WORDS = 12;

	/**
	 * "1 January 2024", "01 janvier 1970", "3. März 2020": dates, not numbered headings.
	 */
	private static final Pattern DATE = Pattern
		.compile("(?iu)^\\d{1,2}\\.?\\s+(?:jan|feb|fév|fev|mär|mar|apr|avr|abr|may|mai|jun|juin|jul|juil"
				+ "|aug|ago|août|sep|oct|okt|nov|dec|dez|déc|dic|ene|janvier|février|mars|avril|juillet|septembre|octobre"
				+ "|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
				+ "|diciembre|januar|februar|juni|juli|oktober|dezember)\\p{L}*\\.?\\s+\\d{4}$");

	private final BodyText body;

	private final boolean trustTags;

	private final Set<String> bookmarks;

	HeadingDetector(BodyText body, boolean trustTags, List<Bookmark> bookmarks) {
		this.body = body;
		this.trustTags = trustTags;
		this.bookmarks = new HashSet<>();
		for (Bookmark bookmark : bookmarks) {
			this.bookmarks.add(key(bookmark.title()));
		}
	}

	boolean isHeading(TextBlock block, String text) {
		return confidence(block, text, null) > 0;
	}

	/**
	 * How sure it is that the block is a heading: 0 when it is not one.
	 * @param previous the block before it in reading order, or null
	 */
	double confidence(TextBlock block, String text, TextBlock previous) {
		if (text.isEmpty()) {
			return 0;
		}
		if (this.trustTags && block.tag() != null) {
			if (block.tag().isHeading()) {
				// Producers tag whole list items as headings too; sentences set like the
				// running text are not headings whatever their tag.
				return looksLikeBody(block, text) ? 0 : 0.95;
			}
			// Word tags a numbered heading set by hand, without a heading style, as a
			// paragraph: a numbered line that stands out is still a heading.
			SectionLabel tagged = SectionLabel.parse(text, true);
			return (tagged != null && tagged.family().matches("(dotted|named|coded|number-bracket).*")
					&& text.length() <= MAX_LENGTH && block.lines().size() <= 2 && standsOut(block)
					&& !endsSentence(text)) ? 0.7 : 0;
		}
		if (this.bookmarks.contains(key(text)) && !ListMarker.startsWithBullet(text) && !looksLikeBody(block, text)) {
			return 0.95;
		}
		if (text.length() > MAX_LENGTH || block.lines().size() > MAX_LINES || ListMarker.startsWithBullet(text)) {
			return 0;
		}
		SectionLabel label = SectionLabel.parse(text, true);
		if (!hasWords(text) || (label == null && startsInLowerCase(text)) || isTableRow(block)
				|| (label == null && continuesSentence(previous, block)) || DATE.matcher(text).matches()) {
			return 0;
		}
		float size = BodyText.round(block.fontSize());
		if (endsClause(text) && !isCapitals(text)) {
			// "a) its policy;" is one item of an enumeration running on.
			return 0;
		}
		if (label == null && text.endsWith(":") && size < this.body.fontSize() + 1f) {
			// "Rationale:" in bold introduces what follows; it does not title a section.
			return 0;
		}
		if (label == null && text.endsWith(".") && (block.lines().size() >= 2 || words(text) > 12)) {
			// Sentences set in another size are a paragraph, not a heading.
			return 0;
		}
		boolean structural = label != null && label.family().startsWith("named:") && label.rank() < 40;
		if (size >= this.body.fontSize() + 1f) {
			return (label != null) ? 0.9 : 0.8;
		}
		if (block.bold() && !this.body.bold() && size >= this.body.fontSize() - 0.5f) {
			return (label != null) ? 0.85 : 0.65;
		}
		boolean emphasised = block.bold() != this.body.bold() || isCapitals(text)
				|| !this.body.isBodyColour(block.colour());
		if (structural && emphasised && block.lines().size() <= MAX_LINES && size >= 0.65f * this.body.fontSize()) {
			return 0.8;
		}
		if (isCapitals(text) && block.lines().size() <= 2 && words(text) <= MAX_CAPITAL_WORDS && !endsClause(text)
				&& size >= this.body.fontSize() - 0.5f) {
			return (label != null) ? 0.75 : 0.6;
		}
		if (block.lines().size() <= 2 && !endsSentence(text) && isNumberedLikeASection(text)) {
			return 0.55;
		}
		return 0;
	}

	/**
	 * Set like the running text and ending a sentence: some producers bookmark list
	 * paragraphs too, and those are not headings.
	 */
	private boolean looksLikeBody(TextBlock block, String text) {
		return this.body.isBodySize(block.fontSize()) && block.bold() == this.body.bold()
				&& this.body.isBodyColour(block.colour()) && endsSentence(text);
	}

	/** Larger than the running text, or bold where the running text is not. */
	boolean standsOut(TextBlock block) {
		float size = BodyText.round(block.fontSize());
		return size >= this.body.fontSize() + 1f
				|| (block.bold() && !this.body.bold() && size >= this.body.fontSize() - 0.5f);
	}

	/**
	 * The rest of a sentence whose type changed mid-line ("… cited as the ''American
	 * Relief Act," then "2025''." in bold): the line before was full and the sentence had
	 * not ended.
	 */
	private boolean continuesSentence(TextBlock previous, TextBlock block) {
		if (previous == null || previous.page() != block.page()) {
			return false;
		}
		PlacedLine last = previous.lines().get(previous.lines().size() - 1);
		PlacedLine first = block.first();
		String lastText = last.text().strip();
		return this.body.isBodySize(last.fontSize()) && !lastText.isEmpty() && !endsSentence(lastText)
				&& first.baseline() > last.baseline() && Math.abs(first.indent() - last.indent()) < first.fontSize()
				&& !ParagraphAssembler.lineHadRoom(last, first);
	}

	/**
	 * A line of three or more cells with wide gaps between them is a table row, whatever
	 * its type.
	 */
	static boolean isTableRow(TextBlock block) {
		for (PlacedLine line : block.lines()) {
			List<TextRun> runs = line.line().runs();
			int cells = 1;
			for (int i = 1; i < runs.size(); i++) {
				if (runs.get(i).x() - runs.get(i - 1).right() > 1.5f * line.fontSize()) {
					cells++;
				}
			}
			if (cells >= 3) {
				return true;
			}
		}
		return false;
	}

	static boolean isCapitals(String text) {
		int upper = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLowerCase(c)) {
				return false;
			}
			if (Character.isUpperCase(c)) {
				upper++;
			}
		}
		return upper >= 4;
	}

	private static boolean hasWords(String text) {
		int letters = 0;
		for (int i = 0; i < text.length() && letters < 2; i++) {
			if (Character.isLetter(text.charAt(i))) {
				letters++;
			}
		}
		return letters >= 2;
	}

	private static boolean startsInLowerCase(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				return Character.isLowerCase(c);
			}
		}
		return false;
	}

	private static int words(String text) {
		return text.strip().split("\\s+").length;
	}

	private static boolean isNumberedLikeASection(String text) {
		SectionLabel label = SectionLabel.parse(text, false);
		return label != null && !label.rest().isEmpty()
				&& (label.family().startsWith("named:") || label.family().matches("dotted:[2-9](:0)?"));
	}

	private static boolean endsSentence(String text) {
		char last = text.charAt(text.length() - 1);
		return last == '.' || last == ';' || last == ',' || last == ':';
	}

	private static boolean endsClause(String text) {
		char last = text.charAt(text.length() - 1);
		return last == ';' || last == ',';
	}

	private static String key(String text) {
		return Whitespace.normalise(text).toLowerCase(Locale.ROOT);
	}

}
