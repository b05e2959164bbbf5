package org.parley.ingest.structure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.pdf.ExtractedDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DocumentStructurerTests {

	private final DocumentStructurer structurer = new DocumentStructurer();

	@Test
	void dropsRunningHeadersFootersAndPageNumbers() {
		Outline outline = this.structurer.structure(PageFixture.read("running-headers.txt"));

		assertThat(outline.sections()).flatMap(OutlineSection::blocks)
			.extracting(Block::text)
			.noneMatch((text) -> text.contains("Consultation draft") || text.contains("Page "));
	}

	@Test
	void mergesParagraphContinuingOnNextPage() {
		Outline outline = this.structurer.structure(PageFixture.read("running-headers.txt"));

		assertThat(outline.sections().get(0).blocks()).extracting(Block::text)
			.endsWith("The ministry will publish a yearly report on progress against each target, and the report "
					+ "will be discussed with the councils of every region before it is adopted by the government.");
	}

	@Test
	void rejoinsWordHyphenatedAtLineEnd() {
		Outline outline = this.structurer.structure(PageFixture.read("running-headers.txt"));

		assertThat(outline.sections().get(0).blocks().get(0).text()).startsWith(
				"This strategy sets out how the ministry will work with municipalities to build more affordable homes,")
			.endsWith("the neighbourhoods where they live and work.");
	}

	@Test
	void takesTitleFromLargestTextOnFirstPage() {
		Outline outline = this.structurer.structure(PageFixture.read("running-headers.txt"));

		assertThat(outline.title()).isEqualTo("Housing Strategy 2030");
		assertThat(outline.subtitle()).isNull();
		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading, OutlineSection::level)
			.containsExactly(tuple("1.", "Purpose", 1), tuple("2.", "Funding", 1), tuple("3.", "Review", 1));
	}

	@Test
	void readsTwoColumnsLeftColumnFirstAndJoinsParagraphAcrossColumns() {
		Outline outline = this.structurer.structure(PageFixture.read("two-columns.txt"));

		assertThat(outline.title()).isEqualTo("Regional Transport Plan for the North");
		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading)
			.containsExactly(tuple("1.", "Buses"), tuple("2.", "Trains"));
		assertThat(outline.sections().get(0).blocks()).containsExactly(Block.paragraph(
				"Bus routes will be redrawn so that every village has a connection to the nearest town at least once "
						+ "an hour during the day, and the timetable will be agreed with the municipalities that pay for "
						+ "the services."));
		assertThat(outline.sections().get(1).blocks())
			.containsExactly(Block.paragraph("Stations will get step-free access and sheltered bicycle parking."));
	}

	@Test
	void nestsPartsChaptersAndArticlesByLabelFamily() {
		Outline outline = this.structurer.structure(PageFixture.read("legal-articles.txt"));

		assertThat(outline.title()).isEqualTo("Draft Act on Public Participation");
		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading, OutlineSection::level)
			.containsExactly(tuple("Part I", "General provisions", 1), tuple("Chapter 1", "Scope and definitions", 2),
					tuple("Article 1", "Scope", 3), tuple("Article 2", "Definitions", 3),
					tuple("Chapter 2", "Procedure", 2), tuple("Article 3", "Duration", 3),
					tuple("Part II", "Final provisions", 1), tuple("Chapter 3", "Entry into force", 2),
					tuple("Article 4", "Commencement", 3));
	}

	@Test
	void keepsLetteredPointsAsListItemsWithTheirLetters() {
		Outline outline = this.structurer.structure(PageFixture.read("legal-articles.txt"));

		assertThat(outline.sections().get(3).blocks()).containsExactly(Block.paragraph("For the purposes of this Act:"),
				Block.listItem("(a) “consultation” means an invitation to comment on a draft;"),
				Block.listItem("(b) “organiser” means the body that holds the consultation."));
	}

	@Test
	void makesBulletedLinesListItemsWithoutTheBullet() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 540
				56 100 11 | We will:
				70 120 11 | • publish every draft,
				70 134 11 | • answer every comment, and
				84 148 11 | explain what changed.
				56 170 11 | Comments close in May.
				"""));

		assertThat(outline.sections()).singleElement()
			.satisfies((section) -> assertThat(section.blocks()).containsExactly(Block.paragraph("We will:"),
					Block.listItem("publish every draft,"),
					Block.listItem("answer every comment, and explain what changed."),
					Block.paragraph("Comments close in May.")));
	}

	@Test
	void givesTextBeforeFirstHeadingItsOwnSectionAtTheFirstHeadingsLevel() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 540
				56 60 20 b | Water Plan
				56 100 11 | An introduction without a heading.
				56 130 13 b | Goal 1: Clean rivers
				56 150 11 b | 1.1. Monitoring
				56 170 11 | Rivers are sampled monthly.
				56 200 13 b | Goal 2: Safe taps
				56 220 11 | Every tap is tested.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading, OutlineSection::level)
			.containsExactly(tuple(null, null, 1), tuple("Goal 1:", "Clean rivers", 1), tuple("1.1.", "Monitoring", 2),
					tuple("Goal 2:", "Safe taps", 1));
		assertThat(outline.sections().get(0).blocks())
			.containsExactly(Block.paragraph("An introduction without a heading."));
	}

	@Test
	void joinsHeadingWrappedOverSeveralLines() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 540
				56 60 20 b | Water Plan
				56 100 13 b f | 2.1. Strengthen the monitoring of rivers and lakes with
				56 116 13 b | attractive new options
				56 140 11 | Text.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading)
			.containsExactly(
					tuple("2.1.", "Strengthen the monitoring of rivers and lakes with attractive new options"));
	}

	@Test
	void usesDocumentInformationTitleWhenNothingStandsOut() {
		Outline outline = this.structurer
			.structure(new ExtractedDocument("Recorded title", List.of(), false, PageFixture.parse("""
					page 1 right 540
					56 100 11 | Only running text here.
					""").pages()));

		assertThat(outline.title()).isEqualTo("Recorded title");
		assertThat(outline.sections()).singleElement().extracting(OutlineSection::heading).isNull();
	}

}
