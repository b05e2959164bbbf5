package org.parley.domain.discussion;

import java.util.List;
import java.util.UUID;

/**
 * A commentable unit of a discussion.
 *
 * @param id stable through outline edits: votes and comments refer to it
 * @param number running 1-based position in the outline; edits of a draft renumber
 * @param label the source's own numbering ("2.1."), or null
 * @param parentNumber the number of the nearest enclosing section, or null
 * @param confidence how sure the import was of the heading, label and level (0 to 1), or
 * null where the source marked them up or an organiser set them
 */
public record Section(UUID id, int number, String label, String heading, int level, Integer parentNumber,
		List<Paragraph> paragraphs, Double confidence) {

	public Section {
		paragraphs = List.copyOf(paragraphs);
	}

	/** A section whose heading nobody doubts. */
	public Section(UUID id, int number, String label, String heading, int level, Integer parentNumber,
			List<Paragraph> paragraphs) {
		this(id, number, label, heading, level, parentNumber, paragraphs, null);
	}

}
