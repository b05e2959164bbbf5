package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.structure.DocumentPart.Kind;

/**
 * Turns the parts of a document whose markup names its headings into an outline, the same
 * way for every such format, so that one document gives one outline whichever format it
 * came in. The markup is trusted for what is a heading and how deep; labels written in
 * the text are read as the PDF structurer reads them.
 */
public final class MarkupStructurer {

	public Outline structure(List<DocumentPart> parts) {
		List<DocumentPart> kept = new ArrayList<>(parts.size());
		for (DocumentPart part : parts) {
			String text = Whitespace.normalise(part.text());
			String label = (part.label() != null) ? Whitespace.normalise(part.label()) : null;
			if (!text.isEmpty() || (part.kind() == Kind.HEADING && label != null && !label.isEmpty())) {
				kept.add(new DocumentPart(part.kind(), part.depth(), (label == null || label.isEmpty()) ? null : label,
						text, part.cells()));
			}
		}
		String title = null;
		String subtitle = null;
		int titleAt = titleIndex(kept);
		if (titleAt >= 0) {
			title = kept.get(titleAt).text();
			kept.remove(titleAt);
			if (titleAt < kept.size() && kept.get(titleAt).kind() == Kind.SUBTITLE) {
				subtitle = kept.remove(titleAt).text();
			}
		}
		for (int i = 0; i < kept.size() && subtitle == null; i++) {
			if (kept.get(i).kind() == Kind.SUBTITLE) {
				subtitle = kept.remove(i).text();
			}
			else if (kept.get(i).kind() == Kind.HEADING) {
				break;
			}
		}

		TreeSet<Integer> depths = new TreeSet<>();
		for (DocumentPart part : kept) {
			if (part.kind() == Kind.HEADING) {
				depths.add(part.depth());
			}
		}
		List<Integer> levelOfDepth = new ArrayList<>(depths);
		int firstLevel = kept.stream()
			.filter(p -> p.kind() == Kind.HEADING)
			.findFirst()
			.map(p -> levelOfDepth.indexOf(p.depth()) + 1)
			.orElse(1);

		List<OutlineSection> sections = new ArrayList<>();
		List<Block> blocks = new ArrayList<>();
		String label = null;
		String heading = null;
		int level = firstLevel;
		boolean inSection = false;
		for (DocumentPart part : kept) {
			if (part.kind() == Kind.HEADING) {
				if (inSection || !blocks.isEmpty()) {
					sections.add(new OutlineSection(label, heading, level, blocks));
				}
				blocks = new ArrayList<>();
				inSection = true;
				level = levelOfDepth.indexOf(part.depth()) + 1;
				if (part.label() != null) {
					label = part.label();
					heading = part.text().isEmpty() ? null : part.text();
				}
				else {
					SectionLabel written = SectionLabel.parse(part.text(), true);
					label = (written != null) ? written.text() : null;
					String rest = (written != null) ? written.rest() : part.text();
					heading = rest.isEmpty() ? null : rest;
				}
			}
			else {
				blocks.add(block(part));
			}
		}
		if (inSection || !blocks.isEmpty()) {
			sections.add(new OutlineSection(label, heading, level, blocks));
		}
		return new Outline(title, subtitle, sections);
	}

	/**
	 * The part that is the document's title: one the markup calls a title, otherwise a
	 * first heading that stands alone above every other heading (the one "# Title" of a
	 * Markdown file, the one "Heading 1" of a word-processor file).
	 */
	private static int titleIndex(List<DocumentPart> parts) {
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i).kind() == Kind.TITLE) {
				return i;
			}
		}
		if (parts.isEmpty() || parts.get(0).kind() != Kind.HEADING || parts.get(0).label() != null) {
			return -1;
		}
		int depth = parts.get(0).depth();
		for (int i = 1; i < parts.size(); i++) {
			if (parts.get(i).kind() == Kind.HEADING && parts.get(i).depth() <= depth) {
				return -1;
			}
		}
		return 0;
	}

	private static Block block(DocumentPart part) {
		return switch (part.kind()) {
			case LIST_ITEM -> Block.listItem((part.label() != null) ? part.label() + " " + part.text() : part.text());
			case TABLE -> (part.cells() != null) ? Block.table(part.cells()) : new Block(BlockKind.TABLE, part.text());
			case QUOTE -> new Block(BlockKind.QUOTE, part.text());
			// A title or subtitle that is not at the top of the document is read as body
			// text.
			case PARAGRAPH, TITLE, SUBTITLE, HEADING -> Block.paragraph(part.text());
		};
	}

}
