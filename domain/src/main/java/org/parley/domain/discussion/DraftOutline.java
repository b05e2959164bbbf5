package org.parley.domain.discussion;

import java.util.ArrayList;
import java.util.List;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

/**
 * The edits an organiser makes to an imported outline before publishing: the fixes a
 * parser cannot always get right. No edit loses text: a heading that stops being one
 * becomes a paragraph, and a paragraph that becomes a heading keeps its words. Sections
 * are numbered from 1.
 */
public final class DraftOutline {

	private final List<OutlineSection> sections;

	private DraftOutline(List<OutlineSection> sections) {
		this.sections = new ArrayList<>(sections);
	}

	public static DraftOutline of(List<Section> sections) {
		return new DraftOutline(sections.stream()
			.map(s -> new OutlineSection(s.label(), s.heading(), s.level(),
					s.paragraphs().stream().map(p -> new Block(p.kind(), p.text())).toList()))
			.toList());
	}

	/**
	 * Section {@code number} absorbs the next one; the next one's heading becomes a
	 * paragraph.
	 */
	public DraftOutline mergeWithNext(int number) {
		OutlineSection first = section(number);
		if (number >= this.sections.size()) {
			throw new DraftEditRefused("Section " + number + " is the last one; there is nothing after it to merge.");
		}
		OutlineSection second = section(number + 1);
		List<Block> blocks = new ArrayList<>(first.blocks());
		headingAsParagraph(second).ifPresent(blocks::add);
		blocks.addAll(second.blocks());
		this.sections.set(number - 1, new OutlineSection(first.label(), first.heading(), first.level(), blocks));
		this.sections.remove(number);
		return this;
	}

	/**
	 * A new section without a heading starts at paragraph {@code paragraph} of section
	 * {@code number}.
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
		this.sections.set(number - 1, new OutlineSection(s.label(), s.heading(), s.level(), before));
		this.sections.add(number, new OutlineSection(null, null, s.level(), after));
		return this;
	}

	/**
	 * Paragraph {@code paragraph} becomes the heading of a new section one level below.
	 */
	public DraftOutline paragraphToHeading(int number, int paragraph) {
		OutlineSection s = section(number);
		checkParagraph(s, number, paragraph);
		Block heading = s.blocks().get(paragraph - 1);
		List<Block> before = s.blocks().subList(0, paragraph - 1);
		List<Block> after = s.blocks().subList(paragraph, s.blocks().size());
		int level = (s.heading() != null) ? s.level() + 1 : s.level();
		this.sections.set(number - 1, new OutlineSection(s.label(), s.heading(), s.level(), before));
		this.sections.add(number, new OutlineSection(null, heading.text(), level, after));
		return this;
	}

	/**
	 * The heading of section {@code number} becomes a plain paragraph: its text joins the
	 * section before it, or, for the first section, opens a section without a heading.
	 */
	public DraftOutline headingToParagraph(int number) {
		OutlineSection s = section(number);
		List<Block> own = new ArrayList<>();
		headingAsParagraph(s).ifPresent(own::add);
		own.addAll(s.blocks());
		if (number == 1) {
			this.sections.set(0, new OutlineSection(null, null, s.level(), own));
			return this;
		}
		OutlineSection previous = section(number - 1);
		List<Block> blocks = new ArrayList<>(previous.blocks());
		blocks.addAll(own);
		this.sections.set(number - 2,
				new OutlineSection(previous.label(), previous.heading(), previous.level(), blocks));
		this.sections.remove(number - 1);
		return this;
	}

	public DraftOutline changeLevel(int number, int level) {
		if (level < 1 || level > 6) {
			throw new DraftEditRefused("A level goes from 1 (outermost) to 6.");
		}
		OutlineSection s = section(number);
		this.sections.set(number - 1, new OutlineSection(s.label(), s.heading(), level, s.blocks()));
		return this;
	}

	/** A new label and heading text; blank means none. */
	public DraftOutline rename(int number, String label, String heading) {
		OutlineSection s = section(number);
		this.sections.set(number - 1,
				new OutlineSection(blankToNull(label), blankToNull(heading), s.level(), s.blocks()));
		return this;
	}

	public Outline toOutline(String title, String subtitle) {
		return new Outline(title, subtitle, this.sections);
	}

	private OutlineSection section(int number) {
		if (number < 1 || number > this.sections.size()) {
			throw new DraftEditRefused("There is no section " + number + ".");
		}
		return this.sections.get(number - 1);
	}

	private static void checkParagraph(OutlineSection s, int number, int paragraph) {
		if (paragraph < 1 || paragraph > s.blocks().size()) {
			throw new DraftEditRefused("Section " + number + " has no paragraph " + paragraph + ".");
		}
	}

	private static java.util.Optional<Block> headingAsParagraph(OutlineSection s) {
		String text = ((s.label() != null) ? s.label() + " " : "") + ((s.heading() != null) ? s.heading() : "");
		return text.isBlank() ? java.util.Optional.empty()
				: java.util.Optional.of(new Block(BlockKind.PARAGRAPH, text.strip()));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
