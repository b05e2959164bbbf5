package org.parley.ingest.corpus;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StructureScoreTests {

	private static final Outline EXPECTED = new Outline("Statutes", null,
			List.of(new OutlineSection("§ 1", "Name", 1, List.of(Block.paragraph("The society is named Parley."))),
					new OutlineSection("§ 2", "Purpose", 1,
							List.of(Block.paragraph("It consults."), Block.listItem("(a) drafts"))),
					new OutlineSection("(1)", "Members", 2, List.of(Block.paragraph("Anyone may join.")))));

	@Test
	void identicalOutlineScoresOneEverywhere() {
		assertThat(StructureScore.of(EXPECTED, EXPECTED)).isEqualTo(new StructureScore(1, 1, 1, 1, 1));
	}

	@Test
	void headingAtTheWrongLevelMissesAsUnitButNotAsHeading() {
		Outline actual = new Outline("Statutes", null, List.of(EXPECTED.sections().get(0), EXPECTED.sections().get(1),
				new OutlineSection("(1)", "Members", 1, List.of(Block.paragraph("Anyone may join.")))));
		StructureScore score = StructureScore.of(EXPECTED, actual);
		assertThat(score.units()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(score.headings()).isEqualTo(1);
		assertThat(score.paragraphs()).isEqualTo(1);
	}

	@Test
	void pageNumberTakenForHeadingAndGluedToParagraphCostsPrecisionAndParagraph() {
		Outline actual = new Outline("Statutes", null,
				List.of(EXPECTED.sections().get(0), new OutlineSection(null, "2", 1, List.of()),
						new OutlineSection("§ 2", "Purpose", 1,
								List.of(Block.paragraph("It consults. 2"), Block.listItem("(a) drafts"))),
						EXPECTED.sections().get(2)));
		StructureScore score = StructureScore.of(EXPECTED, actual);
		assertThat(score.headings()).isCloseTo(2 * 0.75 * 1 / 1.75, within(1e-9));
		assertThat(score.paragraphs()).isCloseTo(0.75, within(1e-9));
		assertThat(score.text()).isLessThan(1).isGreaterThan(0.8);
	}

	@Test
	void missingTitleAndEmptyImportScoreZero() {
		StructureScore score = StructureScore.of(EXPECTED, new Outline(null, null, List.of()));
		assertThat(score).as("no table on either side: nothing to miss")
			.isEqualTo(new StructureScore(0, 0, 0, 0, 0, 1, 1, 1));
	}

}
