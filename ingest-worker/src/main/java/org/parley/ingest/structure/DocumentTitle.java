package org.parley.ingest.structure;

import java.util.List;

/**
 * The document's title and subtitle: the block set in the largest type at the top of the
 * first page with text, and the block right below it when that also stands out from the
 * running text. Without such a block, the title recorded in the PDF's document
 * information.
 *
 * @param title the title, or null
 * @param subtitle the subtitle, or null
 * @param first the index of the title's block
 * @param blocks how many blocks the title and subtitle took, 0 when they came from
 * elsewhere
 */
record DocumentTitle(String title, String subtitle, int first, int blocks) {

	private static final int MAX_LENGTH = 300;

	private static final int MAX_LINES = 4;

	/** The title is looked for among the first few blocks only. */
	private static final int SEARCH = 5;

	static DocumentTitle find(List<TextBlock> blocks, BodyText body, LineBreakHyphens hyphens, String infoTitle) {
		if (!blocks.isEmpty()) {
			int firstPage = blocks.get(0).page();
			float largest = 0;
			for (int i = 0; i < Math.min(SEARCH, blocks.size()) && blocks.get(i).page() == firstPage; i++) {
				largest = Math.max(largest, BodyText.round(blocks.get(i).fontSize()));
			}
			int first = 0;
			while (first < blocks.size() - 1 && BodyText.round(blocks.get(first).fontSize()) < largest) {
				first++;
			}
			TextBlock title = blocks.get(first);
			String titleText = title.text(hyphens);
			boolean standsOut = largest >= body.fontSize() + 1f;
			if (!standsOut && blocks.get(0).page() == firstPage) {
				// Flat typography: everything is one size, and the title is only bold.
				first = 0;
				title = blocks.get(0);
				titleText = title.text(hyphens);
				standsOut = title.bold() && !body.bold() && SectionLabel.parse(titleText, true) == null
						&& title.lines().size() <= 3;
			}
			if (standsOut && fits(title, titleText)) {
				String subtitle = null;
				if (blocks.size() > first + 1 && isSubtitle(blocks.get(first + 1), title, body, hyphens)) {
					subtitle = blocks.get(first + 1).text(hyphens);
				}
				return new DocumentTitle(titleText, subtitle, first, (subtitle != null) ? 2 : 1);
			}
		}
		String recorded = (infoTitle != null && !infoTitle.isBlank()) ? Whitespace.normalise(infoTitle) : null;
		return new DocumentTitle(recorded, null, 0, 0);
	}

	private static boolean isSubtitle(TextBlock candidate, TextBlock title, BodyText body, LineBreakHyphens hyphens) {
		if (candidate.page() != title.page() || candidate.fontSize() > title.fontSize()) {
			return false;
		}
		String text = candidate.text(hyphens);
		if (!fits(candidate, text) || SectionLabel.parse(text, true) != null) {
			return false;
		}
		float size = BodyText.round(candidate.fontSize());
		return size >= body.fontSize() + 1f || (candidate.italic() && candidate.lines().size() == 1)
				|| (candidate.bold() && !body.bold())
				|| (!body.isBodyColour(candidate.colour()) && candidate.lines().size() <= 2);
	}

	private static boolean fits(TextBlock block, String text) {
		return !text.isEmpty() && text.length() <= MAX_LENGTH && block.lines().size() <= MAX_LINES;
	}

}
