package org.parley.ingest.revision;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** How a new version pairs with an old one: every old and every new unit is named. */
public record Matching(List<SectionMatch> sections, List<ParagraphMatch> paragraphs) {

	public Matching {
		sections = List.copyOf(sections);
		paragraphs = List.copyOf(paragraphs);
	}

	/** The old paragraphs the new paragraph at {@code to} comes from. */
	public List<UUID> sourcesOf(Position to) {
		return this.paragraphs.stream()
			.filter(m -> to.equals(m.to()) && m.from() != null)
			.map(ParagraphMatch::from)
			.distinct()
			.collect(Collectors.toList());
	}

	/**
	 * The matches of an old paragraph: several for a split, one REMOVED if it has none.
	 */
	public List<ParagraphMatch> of(UUID from) {
		return this.paragraphs.stream().filter(m -> Objects.equals(from, m.from())).toList();
	}

}
