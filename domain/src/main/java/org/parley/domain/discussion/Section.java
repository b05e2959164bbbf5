package org.parley.domain.discussion;

import java.util.List;

/**
 * A commentable unit of a discussion.
 *
 * @param number running 1-based number, stable for the life of the discussion
 * @param label the source's own numbering ("2.1."), or null
 * @param parentNumber the number of the nearest enclosing section, or null
 */
public record Section(int number, String label, String heading, int level, Integer parentNumber,
		List<Paragraph> paragraphs) {

	public Section {
		paragraphs = List.copyOf(paragraphs);
	}

}
