package org.parley.ingest.structure;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

/**
 * How large an outline may be, whatever format it came from (ADR 0014): a hostile or
 * broken document can make a small file into an outline that no page can show, such as
 * 100,000 one-word headings in 1.9 MB of Markdown. The limits are generous: the 434-page
 * reference draft has 1,001 sections.
 *
 * @param maxSections more sections than this fail the import
 * @param maxParagraphs more paragraphs, list items, tables and quotes in all than this
 * fail the import
 * @param maxTextCharacters more characters of headings and text in all than this fail the
 * import
 */
public record OutlineBudget(int maxSections, int maxParagraphs, long maxTextCharacters) {

	/**
	 * @throws OutlineTooLarge if the outline exceeds one of the limits
	 */
	public void check(Outline outline) {
		if (outline.sections().size() > this.maxSections) {
			throw new OutlineTooLarge(outline.sections().size() + " sections", this.maxSections + " sections");
		}
		long paragraphs = 0;
		long characters = 0;
		for (OutlineSection section : outline.sections()) {
			characters += length(section.label()) + length(section.heading());
			paragraphs += section.blocks().size();
			for (Block block : section.blocks()) {
				characters += length(block.text());
			}
		}
		if (paragraphs > this.maxParagraphs) {
			throw new OutlineTooLarge(paragraphs + " paragraphs", this.maxParagraphs + " paragraphs");
		}
		if (characters > this.maxTextCharacters) {
			throw new OutlineTooLarge(characters + " characters of text", this.maxTextCharacters + " characters");
		}
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

}
