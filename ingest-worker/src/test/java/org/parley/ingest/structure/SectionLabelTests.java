package org.parley.ingest.structure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.ingest.structure.HeadingLevels.Heading;

import static org.assertj.core.api.Assertions.assertThat;

class SectionLabelTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "2.1. Strengthen the framework | 2.1. | dotted:2 | Strengthen the framework",
			"1. Introduction | 1. | dotted:1 | Introduction", "3.2.1 Scope | 3.2.1 | dotted:3 | Scope",
			"Strategic Goal 2: Catalyze action | Strategic Goal 2: | named:strategic goal | Catalyze action",
			"Chapter 4 Procedure | Chapter 4 | named:chapter | Procedure",
			"Part II – Final provisions | Part II | named:part | Final provisions",
			"Article 5 | Article 5 | named:article | ''", "Section 3.1 Budget | Section 3.1 | named:section | Budget",
			"IV. Financing | IV. | roman | Financing", "(a) Local members | (a) | letter-lower:(x) | Local members",
			"(iii) Parliaments | (iii) | roman-lower:(x) | Parliaments", "B. Options | B. | letter:x. | Options",
			"SEC. 2. FINDINGS. | SEC. 2. | named:section | FINDINGS.",
			"SECTION 1. SHORT TITLE. | SECTION 1. | named:section | SHORT TITLE.",
			"DIVISION A—HEALTH | DIVISION A | named:division | HEALTH", "§ 3 Mitglieder | § 3 | named:§ | Mitglieder",
			"§ 12a. Beiträge | § 12a. | named:§ | Beiträge", "Teil 2 Organe | Teil 2 | named:teil | Organe",
			"Abschnitt 3 Wahlen | Abschnitt 3 | named:abschnitt | Wahlen",
			"Article premier – Nom | Article premier | named:article | Nom",
			"Article 1er | Article 1er | named:article | ''",
			"TITRE IER – DE LA SOUVERAINETÉ | TITRE IER | named:titre | DE LA SOUVERAINETÉ",
			"Chapitre 2 Membres | Chapitre 2 | named:chapitre | Membres",
			"Artículo 1°.- Objeto | Artículo 1°. | named:artículo | Objeto",
			"Capítulo II De los estudios | Capítulo II | named:capítulo | De los estudios",
			"1) Introduction | 1) | number-bracket | Introduction",
			"G1: Know Your Responsibilities | G1: | coded:G:1 | Know Your Responsibilities",
			"1.0 Program Foundation | 1.0 | dotted:2:0 | Program Foundation",
			"Annex A Translations | Annex A | named:annex | Translations",
			"SEC. 3101. EXTENSION FOR HEALTH CENTERS. | SEC. 3101. | named:section | EXTENSION FOR HEALTH CENTERS." })
	void recognisesLabelFamilies(String heading, String label, String family, String rest) {
		SectionLabel parsed = SectionLabel.parse(heading, true);

		assertThat(parsed).isNotNull();
		assertThat(parsed.text()).isEqualTo(label);
		assertThat(parsed.family()).isEqualTo(family);
		assertThat(parsed.rest()).isEqualTo(rest);
	}

	@Test
	void findsNoLabelInOrdinaryHeadings() {
		assertThat(SectionLabel.parse("Why open government matters", true)).isNull();
		assertThat(SectionLabel.parse("Table 3: Budget by year", true)).isNull();
		assertThat(SectionLabel.parse("Draft Strategy 2023 – 2028", true)).isNull();
	}

	@Test
	void acceptsOnlyStructuralWordsInRunningText() {
		assertThat(SectionLabel.parse("Article 5 applies here", false)).isNotNull();
		assertThat(SectionLabel.parse("Strategic Goal 2: more", false)).isNull();
		assertThat(SectionLabel.parse("2023 was a good year", false)).isNull();
	}

	@Test
	void readsLetterIAfterHAsALetterAndVAfterIVAsANumeral() {
		List<Heading> headings = HeadingLevels
			.disambiguate(List.of(heading("(h) Eight"), heading("(i) Nine"), heading("IV. Four"), heading("V. Five")));

		assertThat(headings).extracting((heading) -> heading.label().family())
			.containsExactly("letter-lower:(x)", "letter-lower:(x)", "roman", "roman");
	}

	@Test
	void ordersFamiliesBySizeThenConventionalRank() {
		int[] levels = HeadingLevels.levels(List.of(heading("Chapter 1 A", 12), heading("Article 1 B", 12),
				heading("1.1. C", 11), heading("Part I D", 14), heading("Article 2 E", 12)));

		assertThat(levels).containsExactly(2, 3, 4, 1, 3);
	}

	@Test
	void givesUnnumberedHeadingsTheLevelOfNumberedOnesThatLookTheSame() {
		int[] levels = HeadingLevels
			.levels(List.of(new Heading(null, 14, true, 0), heading("1. Scope", 14), heading("1.1. Detail", 12)));

		assertThat(levels).containsExactly(1, 1, 2);
	}

	private static Heading heading(String text) {
		return heading(text, 12);
	}

	private static Heading heading(String text, float size) {
		return new Heading(SectionLabel.parse(text, true), size, true, 0);
	}

}
