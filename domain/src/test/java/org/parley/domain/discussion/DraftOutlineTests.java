package org.parley.domain.discussion;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DraftOutlineTests {

	private static List<Section> draft() {
		return List.of(
				new Section(1, "Strategic Goal 1:", "Lead", 1, null,
						List.of(new Paragraph(1, BlockKind.PARAGRAPH, "Goal one."))),
				new Section(2, "1.1.", "Build", 2, 1, List.of(new Paragraph(1, BlockKind.PARAGRAPH, "A."),
						new Paragraph(2, BlockKind.PARAGRAPH, "B."), new Paragraph(3, BlockKind.LIST_ITEM, "C."))),
				new Section(3, "1.2.", "Grow", 2, 1, List.of(new Paragraph(1, BlockKind.PARAGRAPH, "D."))));
	}

	@Test
	void mergingKeepsTheSecondHeadingAsAParagraph() {
		List<OutlineSection> s = DraftOutline.of(draft()).mergeWithNext(2).toOutline("T", null).sections();

		assertThat(s).hasSize(2);
		assertThat(s.get(1).heading()).isEqualTo("Build");
		assertThat(s.get(1).blocks()).extracting(b -> b.text()).containsExactly("A.", "B.", "C.", "1.2. Grow", "D.");
	}

	@Test
	void splittingAtAParagraphStartsAnUntitledSectionOnTheSameLevel() {
		List<OutlineSection> s = DraftOutline.of(draft()).splitAt(2, 2).toOutline("T", null).sections();

		assertThat(s).hasSize(4);
		assertThat(s.get(1).blocks()).extracting(b -> b.text()).containsExactly("A.");
		assertThat(s.get(2).heading()).isNull();
		assertThat(s.get(2).level()).isEqualTo(2);
		assertThat(s.get(2).blocks()).extracting(b -> b.text()).containsExactly("B.", "C.");
	}

	@Test
	void paragraphBecomesAHeadingOneLevelDownKeepingItsWords() {
		List<OutlineSection> s = DraftOutline.of(draft()).paragraphToHeading(2, 2).toOutline("T", null).sections();

		assertThat(s.get(2).heading()).isEqualTo("B.");
		assertThat(s.get(2).level()).isEqualTo(3);
		assertThat(s.get(2).blocks()).extracting(b -> b.text()).containsExactly("C.");
	}

	@Test
	void headingBecomesAParagraphOfTheSectionBefore() {
		List<OutlineSection> s = DraftOutline.of(draft()).headingToParagraph(3).toOutline("T", null).sections();

		assertThat(s).hasSize(2);
		assertThat(s.get(1).blocks()).extracting(b -> b.text()).containsExactly("A.", "B.", "C.", "1.2. Grow", "D.");
	}

	@Test
	void firstHeadingBecomesTheOpeningParagraph() {
		List<OutlineSection> s = DraftOutline.of(draft()).headingToParagraph(1).toOutline("T", null).sections();

		assertThat(s.get(0).heading()).isNull();
		assertThat(s.get(0).label()).isNull();
		assertThat(s.get(0).blocks()).extracting(b -> b.text()).containsExactly("Strategic Goal 1: Lead", "Goal one.");
	}

	@Test
	void levelsAndNamesChange() {
		List<OutlineSection> s = DraftOutline.of(draft())
			.changeLevel(3, 1)
			.rename(3, "Part 2", "Grow further")
			.toOutline("T", null)
			.sections();

		assertThat(s.get(2)).extracting(OutlineSection::label, OutlineSection::heading, OutlineSection::level)
			.containsExactly("Part 2", "Grow further", 1);
	}

	@Test
	void impossibleEditsAreRefusedWithAReason() {
		assertThatExceptionOfType(DraftEditRefused.class).isThrownBy(() -> DraftOutline.of(draft()).mergeWithNext(3))
			.withMessageContaining("last one");
		assertThatExceptionOfType(DraftEditRefused.class).isThrownBy(() -> DraftOutline.of(draft()).splitAt(2, 9))
			.withMessageContaining("no paragraph 9");
		assertThatExceptionOfType(DraftEditRefused.class).isThrownBy(() -> DraftOutline.of(draft()).changeLevel(1, 0));
	}

}
