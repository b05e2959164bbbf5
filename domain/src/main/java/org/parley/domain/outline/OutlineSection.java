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
 * @param confidence how sure the import is of the heading, label and level, from 0 to 1;
 * null where nothing was inferred (a heading the source marks up as one, or a section an
 * organiser edited)
 */
public record OutlineSection(UUID id, String label, String heading, int level, List<Block> blocks, Double confidence) {

	public OutlineSection {
		blocks = List.copyOf(blocks);
		if (level < 1) {
			throw new IllegalArgumentException("level must be 1 or more, was " + level);
		}
		if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
			throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
		}
	}

	/**
	 * A section that is not saved yet, whose structure the source states, with nothing
	 * inferred.
	 */
	public OutlineSection(String label, String heading, int level, List<Block> blocks) {
		this(null, label, heading, level, blocks, null);
	}

	/** A section that is not saved yet, with the import's confidence in it. */
	public OutlineSection(String label, String heading, int level, List<Block> blocks, Double confidence) {
		this(null, label, heading, level, blocks, confidence);
	}

	/** A saved section, as an organiser's edits see it. */
	public OutlineSection(UUID id, String label, String heading, int level, List<Block> blocks) {
		this(id, label, heading, level, blocks, null);
	}

}
