package org.parley.ingest;

import java.util.List;

import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares outlines section by section, so that a failure names the first unit that
 * differs.
 */
public final class OutlineAssert {

	private OutlineAssert() {
	}

	public static void assertSameOutline(Outline actual, Outline expected) {
		assertThat(actual.title()).as("title").isEqualTo(expected.title());
		assertThat(actual.subtitle()).as("subtitle").isEqualTo(expected.subtitle());
		List<OutlineSection> want = expected.sections();
		List<OutlineSection> got = actual.sections();
		for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
			assertSameSection(i + 1, got.get(i), want.get(i));
		}
		assertThat(got).as("number of units").hasSameSizeAs(want);
		assertThat(actual).isEqualTo(expected);
	}

	private static void assertSameSection(int number, OutlineSection actual, OutlineSection expected) {
		String unit = "unit " + number + " (" + expected.label() + " " + expected.heading() + ")";
		assertThat(actual.label()).as(unit + " label").isEqualTo(expected.label());
		assertThat(actual.heading()).as(unit + " heading").isEqualTo(expected.heading());
		assertThat(actual.level()).as(unit + " level").isEqualTo(expected.level());
		for (int j = 0; j < Math.min(actual.blocks().size(), expected.blocks().size()); j++) {
			Block got = actual.blocks().get(j);
			Block want = expected.blocks().get(j);
			if (!got.equals(want)) {
				fail("%s, block %d differs:%n expected %s: %s%n   actual %s: %s", unit, j + 1, want.kind(), want.text(),
						got.kind(), got.text());
			}
		}
		assertThat(actual.blocks()).as(unit + " number of blocks").hasSameSizeAs(expected.blocks());
	}

}
