package org.parley.domain.discussion;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DraftOutline.Place;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DraftOutlineTests {

	private static final UUID LEAD = UUID.randomUUID();

	private static final UUID BUILD = UUID.randomUUID();

	private static final UUID GROW = UUID.randomUUID();

	private static final UUID GOAL_ONE = UUID.randomUUID();

	private static final UUID A = UUID.randomUUID();

	private static final UUID B = UUID.randomUUID();

	private static final UUID C = UUID.randomUUID();

	private static final UUID D = UUID.randomUUID();

	private static List<Section> draft() {
		return List.of(
				new Section(LEAD, 1, "Strategic Goal 1:", "Lead", 1, null,
						List.of(new Paragraph(GOAL_ONE, 1, BlockKind.PARAGRAPH, "Goal one."))),
				new Section(BUILD, 2, "1.1.", "Build", 2, 1,
						List.of(new Paragraph(A, 1, BlockKind.PARAGRAPH, "A."),
								new Paragraph(B, 2, BlockKind.PARAGRAPH, "B."),
								new Paragraph(C, 3, BlockKind.LIST_ITEM, "C."))),
				new Section(GROW, 3, "1.2.", "Grow", 2, 1, List.of(new Paragraph(D, 1, BlockKind.PARAGRAPH, "D."))));
	}

	private static List<UUID> paragraphIds(OutlineSection s) {
		return s.blocks().stream().map(Block::id).toList();
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

	@Test
	void mergingKeepsBothSectionsParagraphIdsAndNamesTheFormerHeadingForTheAbsorbedSection() {
		DraftOutline edited = DraftOutline.of(draft()).mergeWithNext(2);
		List<OutlineSection> s = edited.toOutline("T", null).sections();

		assertThat(s).extracting(OutlineSection::id).containsExactly(LEAD, BUILD);
		UUID formerHeading = s.get(1).blocks().get(3).id();
		assertThat(paragraphIds(s.get(1))).containsExactly(A, B, C, formerHeading, D);
		assertThat(formerHeading).isNotIn(LEAD, BUILD, GROW, GOAL_ONE, A, B, C, D);
		assertThat(edited.successors()).containsExactly(Map.entry(GROW, Place.paragraph(formerHeading)));
	}

	@Test
	void mergingASectionWithoutAHeadingNamesItsFirstParagraphForIt() {
		DraftOutline edited = DraftOutline.of(draft()).splitAt(2, 2);
		UUID untitled = edited.toOutline("T", null).sections().get(2).id();

		edited.mergeWithNext(2);

		assertThat(edited.toOutline("T", null).sections()).extracting(OutlineSection::id)
			.containsExactly(LEAD, BUILD, GROW);
		assertThat(paragraphIds(edited.toOutline("T", null).sections().get(1))).containsExactly(A, B, C);
		assertThat(edited.successors()).containsEntry(untitled, Place.paragraph(B));
	}

	@Test
	void splittingGivesTheNewSectionANewIdAndKeepsEveryParagraphId() {
		DraftOutline edited = DraftOutline.of(draft()).splitAt(2, 2);
		List<OutlineSection> s = edited.toOutline("T", null).sections();

		assertThat(s.get(1).id()).isEqualTo(BUILD);
		assertThat(paragraphIds(s.get(1))).containsExactly(A);
		assertThat(s.get(2).id()).isNotNull().isNotIn(LEAD, BUILD, GROW);
		assertThat(paragraphIds(s.get(2))).containsExactly(B, C);
		assertThat(s.get(3).id()).isEqualTo(GROW);
		assertThat(edited.successors()).isEmpty();
	}

	@Test
	void aParagraphMadeAHeadingIsSucceededByTheSectionItNowHeads() {
		DraftOutline edited = DraftOutline.of(draft()).paragraphToHeading(2, 2);
		List<OutlineSection> s = edited.toOutline("T", null).sections();

		assertThat(paragraphIds(s.get(1))).containsExactly(A);
		UUID headed = s.get(2).id();
		assertThat(headed).isNotIn(LEAD, BUILD, GROW, B);
		assertThat(paragraphIds(s.get(2))).containsExactly(C);
		assertThat(edited.successors()).containsExactly(Map.entry(B, Place.section(headed)));
	}

	@Test
	void aHeadingMadeAParagraphIsANewParagraphThatStandsForItsFormerSection() {
		DraftOutline edited = DraftOutline.of(draft()).headingToParagraph(3);
		List<OutlineSection> s = edited.toOutline("T", null).sections();

		assertThat(s).extracting(OutlineSection::id).containsExactly(LEAD, BUILD);
		UUID formerHeading = s.get(1).blocks().get(3).id();
		assertThat(paragraphIds(s.get(1))).containsExactly(A, B, C, formerHeading, D);
		assertThat(edited.successors()).containsExactly(Map.entry(GROW, Place.paragraph(formerHeading)));
	}

	@Test
	void theFirstSectionKeepsItsIdWhenItsHeadingBecomesAParagraph() {
		DraftOutline edited = DraftOutline.of(draft()).headingToParagraph(1);
		List<OutlineSection> s = edited.toOutline("T", null).sections();

		assertThat(s.get(0).id()).isEqualTo(LEAD);
		assertThat(paragraphIds(s.get(0))).hasSize(2).endsWith(GOAL_ONE);
		assertThat(edited.successors()).isEmpty();
	}

	@Test
	void changingLevelsAndNamesKeepsEveryId() {
		DraftOutline edited = DraftOutline.of(draft()).changeLevel(3, 1).rename(2, "", "Built");
		List<OutlineSection> s = edited.toOutline("T", null).sections();

		assertThat(s).extracting(OutlineSection::id).containsExactly(LEAD, BUILD, GROW);
		assertThat(s).flatExtracting(DraftOutlineTests::paragraphIds).containsExactly(GOAL_ONE, A, B, C, D);
		assertThat(edited.successors()).isEmpty();
	}

	@Test
	void whatPointedToARemovedPlaceFollowsItToTheNextOne() {
		DraftOutline edited = DraftOutline.of(draft()).mergeWithNext(2);
		UUID formerHeading = edited.toOutline("T", null).sections().get(1).blocks().get(3).id();

		edited.paragraphToHeading(2, 4);
		UUID headed = edited.toOutline("T", null).sections().get(2).id();

		assertThat(edited.toOutline("T", null).sections().get(2).heading()).isEqualTo("1.2. Grow");
		assertThat(edited.successors()).containsEntry(GROW, Place.section(headed))
			.containsEntry(formerHeading, Place.section(headed));
	}

	@Test
	void aRunOfParagraphsBecomesOneTableThatKeepsTheFirstIdAndTakesTheOthersComments() {
		DraftOutline edited = DraftOutline.of(draft()).paragraphsToTable(2, 1, 2, 0);
		OutlineSection s = edited.toOutline("T", null).sections().get(1);

		assertThat(s.blocks()).extracting(Block::id, Block::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(A, BlockKind.TABLE),
					org.assertj.core.groups.Tuple.tuple(C, BlockKind.LIST_ITEM));
		assertThat(s.blocks().get(0).cells())
			.isEqualTo(new org.parley.domain.outline.TableCells(List.of(List.of("A."), List.of("B.")), 0));
		assertThat(edited.successors()).containsExactly(Map.entry(B, Place.paragraph(A)));
	}

	@Test
	void tableEditsThatCannotBeAreRefused() {
		assertThatExceptionOfType(DraftEditRefused.class)
			.isThrownBy(() -> DraftOutline.of(draft()).tableToParagraphs(2, 1))
			.withMessageContaining("not a table");
		assertThatExceptionOfType(DraftEditRefused.class)
			.isThrownBy(() -> DraftOutline.of(draft()).paragraphsToTable(2, 3, 1, 0));
		assertThatExceptionOfType(DraftEditRefused.class)
			.isThrownBy(() -> DraftOutline.of(draft()).paragraphsToTable(2, 1, 2, 3));
		assertThatExceptionOfType(DraftEditRefused.class)
			.isThrownBy(() -> DraftOutline.of(draft()).paragraphsToTable(2, 1, 4, 0));
		List<Section> withTable = List.of(new Section(LEAD, 1, null, "Lead", 1, null, List.of(new Paragraph(A, 1,
				BlockKind.TABLE, "x y", new org.parley.domain.outline.TableCells(List.of(List.of("x", "y")), 0)))));
		assertThatExceptionOfType(DraftEditRefused.class)
			.isThrownBy(() -> DraftOutline.of(withTable).paragraphsToTable(1, 1, 1, 0))
			.withMessageContaining("table already");
	}

	@Test
	void aTableWithEmptyCellsBecomesParagraphsThatGiveTheSameGridBack() {
		org.parley.domain.outline.TableCells cells = new org.parley.domain.outline.TableCells(
				List.of(List.of("Goal", "", "2028"), List.of("", "", ""), List.of("Members", "75", "")), 1);
		List<Section> withTable = List.of(new Section(LEAD, 1, null, "Lead", 1, null,
				List.of(new Paragraph(A, 1, BlockKind.TABLE, cells.text(), cells))));

		List<Block> rows = DraftOutline.of(withTable)
			.tableToParagraphs(1, 1)
			.toOutline("T", null)
			.sections()
			.get(0)
			.blocks();

		assertThat(rows).extracting(Block::text).containsExactly("Goal | | 2028", "Members | 75 |");
		assertThat(rows.get(0).id()).isEqualTo(A);
		List<Section> back = List.of(new Section(LEAD, 1, null, "Lead", 1, null,
				List.of(new Paragraph(A, 1, BlockKind.PARAGRAPH, rows.get(0).text()),
						new Paragraph(B, 2, BlockKind.PARAGRAPH, rows.get(1).text()))));
		assertThat(DraftOutline.of(back)
			.paragraphsToTable(1, 1, 2, 1)
			.toOutline("T", null)
			.sections()
			.get(0)
			.blocks()
			.get(0)
			.cells())
			.isEqualTo(new org.parley.domain.outline.TableCells(
					List.of(List.of("Goal", "", "2028"), List.of("Members", "75", "")), 1));
	}

}
