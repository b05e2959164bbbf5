package org.parley.ingest.structure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineBreakHyphensTests {

	/** A typeset document: it breaks "develop-" "ment", which it also writes whole. */
	private final LineBreakHyphens hyphens = LineBreakHyphens
		.learnedFrom(List.of("the model of co-creation between governments", "a development plan for",
				"non-members and others, the develop-", "ment of the day"));

	@Test
	void rejoinsWordBrokenByHyphenation() {
		assertThat(join("an ambitious develop-", "ment plan")).isEqualTo("an ambitious development plan");
	}

	@Test
	void rejoinsUnknownWordWithoutCompoundPrefix() {
		assertThat(join("build more afford-", "able homes")).isEqualTo("build more affordable homes");
	}

	@Test
	void keepsHyphenOfCompoundWrittenElsewhereInTheDocument() {
		assertThat(join("its model of co-", "creation, action")).isEqualTo("its model of co-creation, action");
	}

	@Test
	void keepsHyphenAfterPrefixUsedInOtherCompounds() {
		assertThat(join("from non-", "universal members")).isEqualTo("from non-universal members");
	}

	@Test
	void keepsHyphenAfterCommonCompoundPrefixAndBeforeCapitals() {
		assertThat(join("governments to cross-", "fertilize")).isEqualTo("governments to cross-fertilize");
		assertThat(join("the mid-", "2020s and post-", "COVID")).isEqualTo("the mid-2020s and post-COVID");
	}

	@Test
	void joinsLinesEndingInDashesWithSpaces() {
		assertThat(join("individually and collectively –", "is critical"))
			.isEqualTo("individually and collectively – is critical");
	}

	@Test
	void keepsEveryHyphenOfADocumentThatNeverBreaksWords() {
		LineBreakHyphens browserPrint = LineBreakHyphens
			.learnedFrom(List.of("the government and its outward-", "facing work", "a development plan for"));

		StringBuilder text = new StringBuilder();
		browserPrint.append(text, "a more outward-");
		browserPrint.append(text, "facing role");

		assertThat(text).hasToString("a more outward-facing role");
	}

	@Test
	void keepsHyphensInChainsOfCompounds() {
		assertThat(join("continuing a one-", "size-fits-all approach"))
			.isEqualTo("continuing a one-size-fits-all approach");
	}

	@Test
	void rejoinsWordsInCapitalsBrokenByHyphenation() {
		LineBreakHyphens capitals = LineBreakHyphens
			.learnedFrom(List.of("further appropriations and a development plan", "a develop-", "ment plan",
					"SUPPLEMENTAL APPROPRIA-", "TIONS ACT"));

		StringBuilder text = new StringBuilder();
		capitals.append(text, "SUPPLEMENTAL APPROPRIA-");
		capitals.append(text, "TIONS ACT");

		assertThat(text).hasToString("SUPPLEMENTAL APPROPRIATIONS ACT");
	}

	private String join(String... lines) {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			this.hyphens.append(text, line);
		}
		return Whitespace.normalise(text);
	}

}
