package org.parley.web.discussion;

import org.parley.domain.discussion.DraftOutline;

/**
 * One fix of a draft outline, as {@code POST /api/discussions/{id}/outline/edits} takes
 * it and as the page's forms send it.
 */
public record OutlineEdit(Operation op, Integer section, Integer paragraph, Integer level, String label, String heading,
		Integer to, Integer headerRows, String text) {

	public enum Operation {

		MERGE_WITH_NEXT, SPLIT, PARAGRAPH_TO_HEADING, HEADING_TO_PARAGRAPH, CHANGE_LEVEL, RENAME, TABLE_TO_PARAGRAPHS,
		PARAGRAPHS_TO_TABLE, EDIT_PARAGRAPH, DELETE_PARAGRAPH

	}

	DraftOutline applyTo(DraftOutline outline) {
		int s = required(this.section, "section");
		return switch (this.op) {
			case MERGE_WITH_NEXT -> outline.mergeWithNext(s);
			case SPLIT -> outline.splitAt(s, required(this.paragraph, "paragraph"));
			case PARAGRAPH_TO_HEADING -> outline.paragraphToHeading(s, required(this.paragraph, "paragraph"));
			case HEADING_TO_PARAGRAPH -> outline.headingToParagraph(s);
			case CHANGE_LEVEL -> outline.changeLevel(s, required(this.level, "level"));
			case RENAME -> outline.rename(s, this.label, this.heading);
			case TABLE_TO_PARAGRAPHS -> outline.tableToParagraphs(s, required(this.paragraph, "paragraph"));
			case PARAGRAPHS_TO_TABLE -> outline.paragraphsToTable(s, required(this.paragraph, "paragraph"),
					required(this.to, "last paragraph (to)"), (this.headerRows != null) ? this.headerRows : 0);
			case EDIT_PARAGRAPH -> outline.editParagraph(s, required(this.paragraph, "paragraph"), this.text);
			case DELETE_PARAGRAPH -> outline.deleteParagraph(s, required(this.paragraph, "paragraph"));
		};
	}

	private static int required(Integer value, String name) {
		if (value == null) {
			throw new org.parley.domain.discussion.DraftEditRefused("This edit needs a " + name + ".");
		}
		return value;
	}

}
