package org.parley.domain.discussion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;

/**
 * The edits an organiser makes to an imported outline before publishing: the fixes a
 * parser cannot always get right. No edit loses text but deleting a paragraph: a heading
 * that stops being one becomes a paragraph, and a paragraph that becomes a heading keeps
 * its words. Sections are numbered from 1.
 * <p>
 * Every section and paragraph keeps its id through the edits, so that votes and comments
 * stay on the text they were given to (ADR 0018). What an edit creates gets a new id: the
 * section a split or a new heading starts, the paragraph a former heading becomes. What
 * an edit takes out of the outline is named in {@link #successors()} with the place that
 * now holds its text: a section merged away by the paragraph that holds its former
 * heading, a paragraph made a heading by the section it now heads.
 */
public final class DraftOutline {

	/** Between the cells of a table row that became a paragraph. */
	static final String ROW_CELL_SEPARATOR = " | ";

	private final List<OutlineSection> sections;

	private final Map<UUID, Place> successors = new LinkedHashMap<>();

	private DraftOutline(List<OutlineSection> sections) {
		this.sections = new ArrayList<>(sections);
	}

	public static DraftOutline of(List<Section> sections) {
		return new DraftOutline(sections.stream()
			.map(s -> new OutlineSection(s.id(), s.label(), s.heading(), s.level(),
					s.paragraphs().stream().map(p -> new Block(p.id(), p.kind(), p.text(), p.cells())).toList(),
					s.confidence()))
			.toList());
	}

	/**
	 * Section {@code number} absorbs the next one; the next one's heading becomes a
	 * paragraph, and the next one leaves the outline.
	 */
	public DraftOutline mergeWithNext(int number) {
		OutlineSection first = section(number);
		if (number >= this.sections.size()) {
			throw new DraftEditRefused("Section " + number + " is the last one; there is nothing after it to merge.");
		}
		OutlineSection second = section(number + 1);
		List<Block> blocks = new ArrayList<>(first.blocks());
		Optional<Block> formerHeading = headingAsParagraph(second);
		formerHeading.ifPresent(blocks::add);
		blocks.addAll(second.blocks());
		this.sections.set(number - 1, with(first, first.label(), first.heading(), first.level(), blocks));
		this.sections.remove(number);
		removeSection(second, first, formerHeading);
		return this;
	}

	/**
	 * A new section without a heading starts at paragraph {@code paragraph} of section
	 * {@code number}; the paragraphs keep their ids.
	 */
	public DraftOutline splitAt(int number, int paragraph) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		if (paragraph == 1) {
			throw new DraftEditRefused("Splitting before the first paragraph would leave section " + number
					+ " empty. Choose a later paragraph.");
		}
		List<Block> before = s.blocks().subList(0, paragraph - 1);
		List<Block> after = s.blocks().subList(paragraph - 1, s.blocks().size());
		this.sections.set(number - 1, with(s, s.label(), s.heading(), s.level(), before));
		this.sections.add(number, new OutlineSection(UUID.randomUUID(), null, null, s.level(), after));
		return this;
	}

	/**
	 * Paragraph {@code paragraph} becomes the heading of a new section one level below;
	 * the paragraph leaves the outline, its words now head the new section.
	 */
	public DraftOutline paragraphToHeading(int number, int paragraph) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		Block heading = s.blocks().get(paragraph - 1);
		List<Block> before = s.blocks().subList(0, paragraph - 1);
		List<Block> after = s.blocks().subList(paragraph, s.blocks().size());
		int level = (s.heading() != null) ? s.level() + 1 : s.level();
		OutlineSection headed = new OutlineSection(UUID.randomUUID(), null, heading.text(), level, after);
		this.sections.set(number - 1, with(s, s.label(), s.heading(), s.level(), before));
		this.sections.add(number, headed);
		moved(heading.id(), Place.section(headed.id()));
		return this;
	}

	/**
	 * The heading of section {@code number} becomes a plain paragraph: its text joins the
	 * section before it, and the section leaves the outline; or, for the first section,
	 * it opens that section, which stays without a heading.
	 */
	public DraftOutline headingToParagraph(int number) {
		OutlineSection s = section(number);
		List<Block> own = new ArrayList<>();
		Optional<Block> formerHeading = headingAsParagraph(s);
		formerHeading.ifPresent(own::add);
		own.addAll(s.blocks());
		if (number == 1) {
			this.sections.set(0, with(s, null, null, s.level(), own));
			return this;
		}
		OutlineSection previous = section(number - 1);
		List<Block> blocks = new ArrayList<>(previous.blocks());
		blocks.addAll(own);
		this.sections.set(number - 2, with(previous, previous.label(), previous.heading(), previous.level(), blocks));
		this.sections.remove(number - 1);
		removeSection(s, previous, formerHeading);
		return this;
	}

	/**
	 * New words for paragraph {@code paragraph} of section {@code number}: it keeps its
	 * id, so its comments stay on it, as a renamed heading keeps its votes. A table
	 * changes through its rows ({@link #tableToParagraphs}), not as one text.
	 */
	public DraftOutline editParagraph(int number, int paragraph, String text) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		Block old = s.blocks().get(paragraph - 1);
		if (old.kind() == BlockKind.TABLE) {
			throw new DraftEditRefused("Paragraph " + paragraph + " of section " + number
					+ " is a table. Turn it into paragraphs to edit its rows.");
		}
		if (text == null || text.isBlank()) {
			throw new DraftEditRefused("A paragraph needs some text. To remove paragraph " + paragraph + " of section "
					+ number + ", delete it.");
		}
		List<Block> blocks = new ArrayList<>(s.blocks());
		blocks.set(paragraph - 1, new Block(old.id(), old.kind(), text.strip(), old.cells()));
		this.sections.set(number - 1, with(s, s.label(), s.heading(), s.level(), blocks));
		return this;
	}

	/**
	 * Paragraph {@code paragraph} of section {@code number} leaves the outline with its
	 * words: the one edit that removes text, so the caller refuses it for a paragraph
	 * people commented on.
	 */
	public DraftOutline deleteParagraph(int number, int paragraph) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		List<Block> blocks = new ArrayList<>(s.blocks());
		blocks.remove(paragraph - 1);
		this.sections.set(number - 1, with(s, s.label(), s.heading(), s.level(), blocks));
		return this;
	}

	/** The id of paragraph {@code paragraph} of section {@code number}. */
	public UUID paragraphId(int number, int paragraph) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		return s.blocks().get(paragraph - 1).id();
	}

	public DraftOutline changeLevel(int number, int level) {
		if (level < 1 || level > 6) {
			throw new DraftEditRefused("A level goes from 1 (outermost) to 6.");
		}
		OutlineSection s = section(number);
		this.sections.set(number - 1, with(s, s.label(), s.heading(), level, s.blocks()));
		return this;
	}

	/** A new label and heading text; blank means none. */
	public DraftOutline rename(int number, String label, String heading) {
		OutlineSection s = section(number);
		this.sections.set(number - 1, with(s, blankToNull(label), blankToNull(heading), s.level(), s.blocks()));
		return this;
	}

	/**
	 * Table {@code paragraph} of section {@code number} becomes one paragraph per row,
	 * its cells joined by " | " (a spanning cell as often as it spans, so that no text is
	 * lost and {@link #paragraphsToTable} gives the grid back); a caption becomes a
	 * paragraph before them. The first row keeps the table's id, so comments on the table
	 * stay on it; the caption and the other rows are new.
	 */
	public DraftOutline tableToParagraphs(int number, int paragraph) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		Block table = s.blocks().get(paragraph - 1);
		if (table.kind() != BlockKind.TABLE) {
			throw new DraftEditRefused("Paragraph " + paragraph + " of section " + number + " is not a table.");
		}
		List<String> rows = new ArrayList<>();
		if (table.cells() != null) {
			for (List<String> row : table.cells().rows()) {
				if (row.stream().anyMatch(cell -> !cell.isBlank())) {
					StringBuilder text = new StringBuilder();
					for (String cell : row) {
						text.append((text.length() > 0) ? (cell.isEmpty() ? " |" : ROW_CELL_SEPARATOR) : "")
							.append(cell);
					}
					rows.add(text.toString().strip());
				}
			}
		}
		if (rows.isEmpty()) {
			rows.add(table.text());
		}
		List<Block> blocks = new ArrayList<>(s.blocks().subList(0, paragraph - 1));
		if (table.cells() != null && table.cells().caption() != null) {
			blocks.add(new Block(UUID.randomUUID(), BlockKind.PARAGRAPH, table.cells().caption()));
		}
		blocks.add(new Block(table.id(), BlockKind.PARAGRAPH, rows.get(0)));
		for (String row : rows.subList(1, rows.size())) {
			blocks.add(new Block(UUID.randomUUID(), BlockKind.PARAGRAPH, row));
		}
		blocks.addAll(s.blocks().subList(paragraph, s.blocks().size()));
		this.sections.set(number - 1, with(s, s.label(), s.heading(), s.level(), blocks));
		return this;
	}

	/**
	 * Paragraphs {@code from} to {@code to} of section {@code number} become one table, a
	 * row per paragraph, its cells split at "|" (as {@link #tableToParagraphs} joins
	 * them); the first {@code headerRows} rows are header rows. The table keeps the first
	 * paragraph's id; the others leave the outline, and their comments go to the table.
	 */
	public DraftOutline paragraphsToTable(int number, int from, int to, int headerRows) {
		OutlineSection s = section(number);
		checkParagraph(s, number, from);
		checkParagraph(s, number, to);
		if (to < from) {
			throw new DraftEditRefused("A table runs from a paragraph to the same or a later one.");
		}
		if (headerRows < 0 || headerRows > to - from + 1) {
			throw new DraftEditRefused("A table of " + (to - from + 1) + " rows has at most as many header rows.");
		}
		List<Block> run = s.blocks().subList(from - 1, to);
		List<List<String>> rows = new ArrayList<>();
		int width = 0;
		for (Block b : run) {
			if (b.kind() == BlockKind.TABLE) {
				throw new DraftEditRefused("Paragraph " + (from + rows.size()) + " of section " + number
						+ " is a table already. Choose paragraphs that are not.");
			}
			List<String> cells = new ArrayList<>();
			for (String cell : b.text().split("\\|", -1)) {
				cells.add(cell.strip());
			}
			rows.add(cells);
			width = Math.max(width, cells.size());
		}
		for (List<String> row : rows) {
			while (row.size() < width) {
				row.add("");
			}
		}
		TableCells cells = new TableCells(rows, headerRows);
		Block table = new Block(run.get(0).id(), BlockKind.TABLE, cells.text(), cells);
		List<Block> blocks = new ArrayList<>(s.blocks().subList(0, from - 1));
		blocks.add(table);
		blocks.addAll(s.blocks().subList(to, s.blocks().size()));
		for (Block joined : run.subList(1, run.size())) {
			if (joined.id() != null) {
				moved(joined.id(), Place.paragraph(table.id()));
			}
		}
		this.sections.set(number - 1, with(s, s.label(), s.heading(), s.level(), blocks));
		return this;
	}

	/** The edited outline; every section and block carries its id. */
	public Outline toOutline(String title, String subtitle) {
		return new Outline(title, subtitle, this.sections);
	}

	/**
	 * The sections and paragraphs the edits took out of the outline, by id, each with the
	 * place that now holds its text.
	 */
	public Map<UUID, Place> successors() {
		return Collections.unmodifiableMap(this.successors);
	}

	/**
	 * A section that left the outline: its former heading, or else its first paragraph,
	 * now stands for it in the section that absorbed it; without either, that section as
	 * a whole does.
	 */
	private void removeSection(OutlineSection removed, OutlineSection absorbing, Optional<Block> formerHeading) {
		Place place = formerHeading.or(() -> removed.blocks().stream().findFirst())
			.map(b -> Place.paragraph(b.id()))
			.orElse(Place.section(absorbing.id()));
		moved(removed.id(), place);
	}

	/** Records where an id's text went, and sends there what pointed to that id. */
	private void moved(UUID id, Place place) {
		this.successors.replaceAll((from, to) -> to.isAt(id) ? place : to);
		this.successors.put(id, place);
	}

	private OutlineSection section(int number) {
		if (number < 1 || number > this.sections.size()) {
			throw new DraftEditRefused("There is no section " + number + ".");
		}
		return this.sections.get(number - 1);
	}

	/**
	 * The section with new contents. The import's confidence in its heading stays while
	 * the heading, label and level do; once the organiser changed one of them, there is
	 * nothing left to doubt.
	 */
	private static OutlineSection with(OutlineSection s, String label, String heading, int level, List<Block> blocks) {
		boolean sameHeading = java.util.Objects.equals(label, s.label())
				&& java.util.Objects.equals(heading, s.heading()) && level == s.level();
		return new OutlineSection(s.id(), label, heading, level, blocks, sameHeading ? s.confidence() : null);
	}

	private static void checkParagraph(OutlineSection s, int number, int paragraph) {
		if (paragraph < 1 || paragraph > s.blocks().size()) {
			throw new DraftEditRefused("Section " + number + " has no paragraph " + paragraph + ".");
		}
	}

	/** A heading's words as a new paragraph, or empty for a section without a heading. */
	private static Optional<Block> headingAsParagraph(OutlineSection s) {
		String text = ((s.label() != null) ? s.label() + " " : "") + ((s.heading() != null) ? s.heading() : "");
		return text.isBlank() ? Optional.empty()
				: Optional.of(new Block(UUID.randomUUID(), BlockKind.PARAGRAPH, text.strip()));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Where text that left the outline lives now: in a paragraph, wherever that paragraph
	 * is, or, when {@code paragraphId} is null, in a section as a whole.
	 */
	public record Place(UUID sectionId, UUID paragraphId) {

		public static Place paragraph(UUID paragraphId) {
			return new Place(null, paragraphId);
		}

		public static Place section(UUID sectionId) {
			return new Place(sectionId, null);
		}

		boolean isAt(UUID id) {
			return id.equals(this.paragraphId) || id.equals(this.sectionId);
		}

	}

}
