package org.parley.domain.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

/**
 * What publishing a draft revision does to the live outline, worked out in plain Java
 * (ADR 0022): which draft unit takes which old id, where the comments of old units that
 * merged into another go, and which sections' votes start again.
 *
 * <ul>
 * <li>A new unit paired as unchanged, edited or moved takes its old unit's id; then, in
 * document order, the first piece of a split and the merged unit take the id of the first
 * old unit they come from that is still free. Everything else keeps its draft id: new.
 * <li>An old paragraph whose id no new one took, but that merged into one, sends its
 * comments there; one with no pair at all keeps its comments as comments on removed text.
 * <li>A section's votes start again when one of its paragraphs took an old id through a
 * pair the organiser marked as a change of meaning.
 * </ul>
 */
final class RevisionPublication {

	private RevisionPublication() {
	}

	/**
	 * @param outline the new live outline, with the final ids
	 * @param successors for old units no new one continues but one absorbed: where their
	 * comments go
	 * @param finalIds every draft id with the id it is published under
	 * @param votesRestart the final ids of the sections whose votes start again
	 */
	record Plan(Outline outline, Map<UUID, DraftOutline.Place> successors, Map<UUID, UUID> finalIds,
			Set<UUID> votesRestart) {
	}

	static Plan plan(String title, List<Section> draft, List<UUID> oldSections, List<UUID> oldParagraphs,
			List<RevisionMatch> matches) {
		Map<UUID, Integer> oldOrder = new HashMap<>();
		oldSections.forEach(id -> oldOrder.putIfAbsent(id, oldOrder.size()));
		oldParagraphs.forEach(id -> oldOrder.putIfAbsent(id, oldOrder.size()));
		List<UUID> draftSections = draft.stream().map(Section::id).toList();
		List<UUID> draftParagraphs = draft.stream().flatMap(s -> s.paragraphs().stream()).map(Paragraph::id).toList();
		Map<UUID, UUID> finalIds = new HashMap<>();
		Set<RevisionMatch> chosen = new HashSet<>();
		assign(draftSections, of(matches, RevisionMatch.Unit.SECTION), oldOrder, finalIds, chosen);
		assign(draftParagraphs, of(matches, RevisionMatch.Unit.PARAGRAPH), oldOrder, finalIds, chosen);

		Map<UUID, UUID> sectionOfDraftParagraph = new HashMap<>();
		Set<UUID> votesRestart = new HashSet<>();
		List<OutlineSection> sections = new ArrayList<>();
		for (Section s : draft) {
			UUID sectionId = finalIds.get(s.id());
			List<Block> blocks = new ArrayList<>();
			for (Paragraph p : s.paragraphs()) {
				blocks.add(new Block(finalIds.get(p.id()), p.kind(), p.text()));
				sectionOfDraftParagraph.put(p.id(), sectionId);
			}
			sections.add(new OutlineSection(sectionId, s.label(), s.heading(), s.level(), blocks, s.confidence()));
		}
		for (RevisionMatch m : chosen) {
			if (m.unit() == RevisionMatch.Unit.PARAGRAPH && m.meaningChanged()) {
				votesRestart.add(sectionOfDraftParagraph.get(m.to()));
			}
		}

		Set<UUID> taken = new HashSet<>(finalIds.values());
		Map<UUID, DraftOutline.Place> successors = new LinkedHashMap<>();
		for (RevisionMatch m : matches) {
			if (m.from() == null || m.to() == null || taken.contains(m.from()) || successors.containsKey(m.from())) {
				continue;
			}
			if (m.unit() == RevisionMatch.Unit.PARAGRAPH && finalIds.containsKey(m.to())) {
				successors.put(m.from(),
						new DraftOutline.Place(sectionOfDraftParagraph.get(m.to()), finalIds.get(m.to())));
			}
			else if (m.unit() == RevisionMatch.Unit.SECTION && m.kind() == ChangeKind.MERGED
					&& finalIds.containsKey(m.to())) {
				successors.put(m.from(), new DraftOutline.Place(finalIds.get(m.to()), null));
			}
		}
		return new Plan(new Outline(title, null, sections), successors, finalIds, votesRestart);
	}

	private static List<RevisionMatch> of(List<RevisionMatch> matches, RevisionMatch.Unit unit) {
		return matches.stream().filter(m -> m.unit() == unit && m.from() != null && m.to() != null).toList();
	}

	/**
	 * Pairs that keep identity first, then splits and merges in document order; each old
	 * id goes to one new unit at most.
	 */
	private static void assign(List<UUID> draftOrder, List<RevisionMatch> links, Map<UUID, Integer> oldOrder,
			Map<UUID, UUID> finalIds, Set<RevisionMatch> chosen) {
		Map<UUID, Integer> newOrder = new HashMap<>();
		draftOrder.forEach(id -> newOrder.put(id, newOrder.size()));
		Comparator<RevisionMatch> byPlace = Comparator
			.comparing((RevisionMatch m) -> newOrder.getOrDefault(m.to(), Integer.MAX_VALUE))
			.thenComparing(m -> oldOrder.getOrDefault(m.from(), Integer.MAX_VALUE));
		Set<UUID> used = new HashSet<>();
		for (boolean identity : new boolean[] { true, false }) {
			links.stream()
				.filter(m -> m.kind().keepsIdentity() == identity)
				.filter(m -> newOrder.containsKey(m.to()) && oldOrder.containsKey(m.from()))
				.sorted(byPlace)
				.forEach(m -> {
					if (!finalIds.containsKey(m.to()) && used.add(m.from())) {
						finalIds.put(m.to(), m.from());
						chosen.add(m);
					}
				});
		}
		draftOrder.forEach(id -> finalIds.putIfAbsent(id, id));
	}

}
