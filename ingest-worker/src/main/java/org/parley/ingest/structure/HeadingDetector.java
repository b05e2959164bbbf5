package org.parley.ingest.structure;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.parley.ingest.pdf.ExtractedDocument.Bookmark;

/**
 * Decides which blocks are headings. A tagged PDF with heading tags says so itself; a
 * block whose text is one of the PDF's bookmarks is one; otherwise a short block set
 * larger or bolder than the running text is one, and so is a short line in running text
 * that starts with a section number such as "2.1." or "Article 5".
 */
final class HeadingDetector {

	/** Longer blocks are emphasised paragraphs, not headings. */
	private static final int MAX_LENGTH = 300;

	private static final int MAX_LINES = 4;

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
		if (text.isEmpty()) {
			return false;
		}
		if (this.trustTags && block.tag() != null) {
			return block.tag().isHeading();
		}
		if (this.bookmarks.contains(key(text))) {
			return true;
		}
		if (text.length() > MAX_LENGTH || block.lines().size() > MAX_LINES || ListMarker.startsWithBullet(text)) {
			return false;
		}
		if (standsOut(block)) {
			return true;
		}
		return block.lines().size() <= 2 && !endsSentence(text) && isNumberedLikeASection(text);
	}

	/** Larger than the running text, or bold where the running text is not. */
	boolean standsOut(TextBlock block) {
		float size = BodyText.round(block.fontSize());
		return size >= this.body.fontSize() + 1f
				|| (block.bold() && !this.body.bold() && size >= this.body.fontSize() - 0.5f);
	}

	private static boolean isNumberedLikeASection(String text) {
		SectionLabel label = SectionLabel.parse(text, false);
		return label != null && !label.rest().isEmpty()
				&& (label.family().startsWith("named:") || label.family().matches("dotted:[2-9]"));
	}

	private static boolean endsSentence(String text) {
		char last = text.charAt(text.length() - 1);
		return last == '.' || last == ';' || last == ',' || last == ':';
	}

	private static String key(String text) {
		return Whitespace.normalise(text).toLowerCase(Locale.ROOT);
	}

}
