package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.pdf.ExtractedDocument;
import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.StructureTag;
import org.parley.ingest.pdf.table.DetectedTable;
import org.parley.ingest.pdf.table.PageTables;
import org.parley.ingest.structure.HeadingLevels.Heading;

/**
 * Turns an extracted PDF into an outline: title, subtitle and the sections with their
 * paragraphs, list items and tables. Each step is linear in the number of lines. Tables
 * are found page by page first ({@link PageTables}) and each reaches the outline as one
 * table block where it stands.
 */
public final class DocumentStructurer {

	/**
	 * Whether tables are recovered. Off by default until the recovery passes the
	 * structure gate: on the corpus it still costs text and paragraphs on some documents
	 * (ADR 0028).
	 */
	private final boolean tables;

	public DocumentStructurer() {
		this(false);
	}

	public DocumentStructurer(boolean tables) {
		this.tables = tables;
	}

	public Outline structure(ExtractedDocument document) {
		List<PlacedLine> lines = new ArrayList<>();
		List<DetectedTable> tables = new ArrayList<>();
		for (ExtractedPage page : RunningTextFilter.filter(LineNumbers.filter(document.pages()))) {
			if (!this.tables) {
				lines.addAll(ReadingOrder.arrange(page));
				continue;
			}
			PageTables found = PageTables.of(page, tables.size());
			tables.addAll(found.tables());
			lines.addAll(ReadingOrder.arrange(found.page()));
		}
		BodyText body = BodyText.of(lines);
		LineBreakHyphens hyphens = LineBreakHyphens.learnedFrom(lines.stream().map(PlacedLine::text).toList());
		List<TextBlock> blocks = new ArrayList<>(new ParagraphAssembler(body).assemble(lines));
		DocumentTitle title = DocumentTitle.find(blocks, body, hyphens, document.infoTitle());
		blocks.subList(title.first(), title.first() + title.blocks()).clear();

		HeadingDetector headings = new HeadingDetector(body, document.tagged() && hasHeadingTags(blocks),
				document.bookmarks());
		List<Heading> found = new ArrayList<>();
		List<String> headingTexts = new ArrayList<>();
		List<Double> confidences = new ArrayList<>();
		TextBlock previous = null;
		TableOfContents.Region tableOfContents = null;
		List<List<Block>> contents = new ArrayList<>();
		List<Block> current = new ArrayList<>();
		contents.add(current);
		TableBlocks tableBlocks = new TableBlocks(tables);
		for (TextBlock block : blocks) {
			if (tableBlocks.add(block, current)) {
				previous = block;
				continue;
			}
			String text = block.text(hyphens);
			if (text.isEmpty()) {
				continue;
			}
			double confidence = headings.confidence(block, text, previous);
			previous = block;
			if (tableOfContents != null) {
				if (tableOfContents.holds(block, text)) {
					confidence = 0;
				}
				else {
					tableOfContents = null;
				}
			}
			if (TableOfContents.isLeaderedEntry(text)) {
				confidence = 0;
			}
			if (confidence > 0 && TableOfContents.isTitle(text)) {
				tableOfContents = new TableOfContents.Region();
			}
			if (confidence > 0) {
				confidences.add(confidence);
				StructureTag tag = block.tag();
				found.add(new Heading(SectionLabel.parse(text, true), block.fontSize(), block.bold(),
						(tag != null) ? tag.headingDepth() : 0));
				headingTexts.add(text);
				current = new ArrayList<>();
				contents.add(current);
			}
			else {
				current.add(content(block, text));
			}
		}
		found = HeadingLevels.disambiguate(found);
		int[] levels = HeadingLevels.levels(found);
		double[] levelConfidence = HeadingLevels.confidence(found);

		List<OutlineSection> sections = new ArrayList<>();
		if (!contents.get(0).isEmpty()) {
			sections.add(new OutlineSection(null, null, (levels.length > 0) ? levels[0] : 1, contents.get(0)));
		}
		for (int i = 0; i < found.size(); i++) {
			SectionLabel label = found.get(i).label();
			String heading = (label != null) ? label.rest() : headingTexts.get(i);
			double confidence = Math.round(100 * confidences.get(i) * levelConfidence[i]) / 100.0;
			sections.add(new OutlineSection((label != null) ? label.text() : null, heading.isEmpty() ? null : heading,
					levels[i], contents.get(i + 1), confidence));
		}
		return new Outline(title.title(), title.subtitle(), sections);
	}

	private static Block content(TextBlock block, String text) {
		StructureTag tag = block.tag();
		boolean listItem = (tag != null && tag.isListItem()) || ListMarker.startsItem(text)
				|| (ListMarker.startsWithDash(text) && block.first().indent() > 0.8f * block.fontSize());
		return listItem ? Block.listItem(ListMarker.withoutBullet(text)) : Block.paragraph(text);
	}

	private static boolean hasHeadingTags(List<TextBlock> blocks) {
		for (TextBlock block : blocks) {
			if (block.tag() != null && block.tag().isHeading()) {
				return true;
			}
		}
		return false;
	}

}
