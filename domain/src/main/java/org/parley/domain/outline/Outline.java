package org.parley.domain.outline;

import java.util.List;

/**
 * A structured document: its title, an optional subtitle and its sections in document
 * order. The title is the discussion's title and never a section.
 */
public record Outline(String title, String subtitle, List<OutlineSection> sections) {

	public Outline {
		sections = List.copyOf(sections);
	}

}
