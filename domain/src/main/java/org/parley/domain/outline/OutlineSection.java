package org.parley.domain.outline;

import java.util.List;
import java.util.UUID;

/**
 * A commentable unit: a heading and the blocks up to the next heading.
 *
 * @param id the saved section this one is, kept through outline edits; null for a section
 * that is not saved yet, as every section an import makes
 * @param label the source's own numbering exactly as written ("2.1.", "Strategic Goal
 * 2:"), or null
 * @param heading the heading text without its label, or null for text before the first
 * heading
 * @param level 1 for the outermost heading level used in the document
 * @param blocks the paragraphs, list items, tables and quotes, in order
 */
public record OutlineSection(UUID id, String label, String heading, int level, List<Block> blocks) {

	public OutlineSection {
		blocks = List.copyOf(blocks);
		if (level < 1) {
			throw new IllegalArgumentException("level must be 1 or more, was " + level);
		}
	}

	/** A section that is not saved yet. */
	public OutlineSection(String label, String heading, int level, List<Block> blocks) {
		this(null, label, heading, level, blocks);
	}

}
