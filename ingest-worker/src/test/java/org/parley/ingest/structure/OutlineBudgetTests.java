package org.parley.ingest.structure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class OutlineBudgetTests {

	private final OutlineBudget budget = new OutlineBudget(1_100, 2_000, 100_000);

	@Test
	void anOutlineTheSizeOfTheReferenceDraftFits() {
		assertThatNoException().isThrownBy(() -> this.budget.check(outline(1_001, 1, 40)));
	}

	@Test
	void tooManySectionsFailWithOutlineTooLarge() {
		assertThatExceptionOfType(OutlineTooLarge.class).isThrownBy(() -> this.budget.check(outline(1_101, 0, 1)))
			.satisfies(ex -> org.assertj.core.api.Assertions.assertThat(ex.problem().code())
				.isEqualTo("OUTLINE_TOO_LARGE"))
			.withMessageContaining("1101 sections");
	}

	@Test
	void tooManyParagraphsOrTooMuchTextFail() {
		assertThatExceptionOfType(OutlineTooLarge.class).isThrownBy(() -> this.budget.check(outline(10, 201, 1)))
			.withMessageContaining("paragraphs");
		assertThatExceptionOfType(OutlineTooLarge.class).isThrownBy(() -> this.budget.check(outline(10, 1, 10_001)))
			.withMessageContaining("characters");
	}

	private static Outline outline(int sections, int paragraphsEach, int charactersEach) {
		List<OutlineSection> all = new ArrayList<>();
		for (int i = 0; i < sections; i++) {
			List<Block> blocks = new ArrayList<>();
			for (int p = 0; p < paragraphsEach; p++) {
				blocks.add(Block.paragraph("x".repeat(charactersEach)));
			}
			all.add(new OutlineSection(null, "Heading " + i, 1, blocks));
		}
		return new Outline("Title", null, all);
	}

}
