package org.parley.ingest.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * For a tagged PDF, which block-level element (paragraph, heading, list item...) each
 * marked content sequence on each page belongs to. Marked content identifiers restart on
 * every page, so the index is kept per page.
 */
final class StructureTreeIndex {

	static final StructureTreeIndex EMPTY = new StructureTreeIndex(Map.of());

	/** Elements that make one block of text; their descendants' text belongs to them. */
	private static final Set<String> BLOCKS = Set.of("P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TD", "TH",
			"Caption", "BlockQuote", "Note", "TOCI", "Title");

	/** Bounds the walk, since a malformed tree can refer to itself. */
	private static final int MAX_ELEMENTS = 1_000_000;

	private final Map<COSDictionary, Map<Integer, StructureTag>> tagsByPage;

	private StructureTreeIndex(Map<COSDictionary, Map<Integer, StructureTag>> tagsByPage) {
		this.tagsByPage = tagsByPage;
	}

	static StructureTreeIndex of(PDStructureTreeRoot root) {
		if (root == null) {
			return EMPTY;
		}
		Map<COSDictionary, Map<Integer, StructureTag>> tagsByPage = new IdentityHashMap<>();
		Deque<Visit> pending = new ArrayDeque<>();
		for (Object kid : root.getKids()) {
			if (kid instanceof PDStructureElement element) {
				pending.push(new Visit(element, null, null));
			}
		}
		int elements = 0;
		int blockNumber = 0;
		// Walked with an explicit stack: structure trees of long documents can be deep.
		Deque<Visit> ordered = new ArrayDeque<>();
		while (!pending.isEmpty() && elements++ < MAX_ELEMENTS) {
			Visit visit = pending.pop();
			PDStructureElement element = visit.element();
			PDPage ownPage = element.getPage();
			COSDictionary page = (ownPage != null) ? ownPage.getCOSObject() : visit.page();
			String role = element.getStandardStructureType();
			StructureTag block = visit.block();
			if (role != null && BLOCKS.contains(role) && (block == null || !block.isListItem())) {
				block = new StructureTag(role, ++blockNumber);
			}
			ordered.clear();
			for (Object kid : element.getKids()) {
				if (kid instanceof PDStructureElement child) {
					ordered.push(new Visit(child, page, block));
				}
				else if (kid instanceof Integer mcid && page != null && block != null) {
					tagsByPage.computeIfAbsent(page, (key) -> new HashMap<>()).put(mcid, block);
				}
				else if (kid instanceof PDMarkedContentReference reference && block != null) {
					PDPage referencedPage = reference.getPage();
					COSDictionary target = (referencedPage != null) ? referencedPage.getCOSObject() : page;
					if (target != null) {
						tagsByPage.computeIfAbsent(target, (key) -> new HashMap<>()).put(reference.getMCID(), block);
					}
				}
			}
			// Children are pushed in reverse so that they are visited in document order,
			// which keeps element numbers in reading order.
			while (!ordered.isEmpty()) {
				pending.push(ordered.pop());
			}
		}
		return new StructureTreeIndex(tagsByPage);
	}

	boolean isEmpty() {
		return this.tagsByPage.isEmpty();
	}

	Map<Integer, StructureTag> tagsOn(PDPage page) {
		return this.tagsByPage.getOrDefault(page.getCOSObject(), Map.of());
	}

	private record Visit(PDStructureElement element, COSDictionary page, StructureTag block) {
	}

}
