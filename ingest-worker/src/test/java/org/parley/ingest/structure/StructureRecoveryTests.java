package org.parley.ingest.structure;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.pdf.ExtractedPage;
import org.parley.ingest.pdf.TextLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules that learn a document's own conventions, each on a constructed page.
 */
class StructureRecoveryTests {

	private final DocumentStructurer structurer = new DocumentStructurer();

	@Test
	void dropsLineNumbersInTheMarginOfABillPrint() {
		ExtractedPage page = PageFixture.parse("""
				page 1 right 486
				133 100 14 | 1 Be it enacted by the Senate and House of
				126 126 14 | 2 Representatives of the United States of
				133 152 14 | 3 America in Congress assembled, that this
				133 178 14 | 4 Act may be cited as the Relief Act.
				133 204 14 | 5 The table of contents is as follows.
				""").pages().get(0);

		assertThat(LineNumbers.filter(page).lines()).extracting(TextLine::text)
			.containsExactly("Be it enacted by the Senate and House of", "Representatives of the United States of",
					"America in Congress assembled, that this", "Act may be cited as the Relief Act.",
					"The table of contents is as follows.");
	}

	@Test
	void keepsNumberedHeadingsThatAreNotLineNumbers() {
		ExtractedPage page = PageFixture.parse("""
				page 1 right 486
				72 100 14 b | 1 Name
				72 130 11 f | The association is called the Example Society and has its seat in the town.
				72 144 11 f | It is entered in the register of associations.
				72 158 11 | It is not for profit.
				72 190 14 b | 2 Purpose
				72 220 11 f | The purpose of the association is to promote the study of local history.
				72 234 11 f | It does so through lectures, excursions and a yearly publication that
				72 248 11 | members receive.
				72 280 14 b | 3 Members
				72 310 11 | Anyone can join.
				72 324 11 | Members pay a fee.
				""").pages().get(0);

		assertThat(LineNumbers.filter(page).lines()).extracting(TextLine::text).contains("1 Name", "2 Purpose");
	}

	@Test
	void takesSectionLabelsAndCapitalsSetApartForHeadingsAtAnySize() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 486
				200 60 20 | The Relief Act
				133 100 10 b | SECTION 1. SHORT TITLE.
				150 126 14 f | This Act may be cited as the Relief Act and it applies to every state
				133 152 14 | from the day it is enacted.
				133 190 10 b | SEC. 2. FINDINGS.
				150 216 14 f | The Congress finds that the relief programmes of the last years have
				133 242 14 | done much good.
				250 280 14 | PURPOSE AND SUMMARY
				150 306 14 f | The purpose of this Act is to continue the programmes for another year
				133 332 14 | at the same rates.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading)
			.containsExactly(tuple("SECTION 1.", "SHORT TITLE."), tuple("SEC. 2.", "FINDINGS."),
					tuple(null, "PURPOSE AND SUMMARY"));
		assertThat(outline.sections()).extracting(OutlineSection::confidence)
			.allSatisfy((confidence) -> assertThat(confidence).isBetween(0.0, 1.0));
	}

	@Test
	void neverTakesTableRowsAmountsOrTheEndOfASentenceForHeadings() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 486
				200 60 20 | Estimated Costs
				72 100 12 b | 1. Costs
				72 130 11 f | The costs of compliance are estimated in the table below, for each of the
				72 144 11 | operators affected by the rule.
				72 170 11 b | Labour
				200 170 11 b | Parts
				330 170 11 b | Total
				72 184 11 | 85 hours
				200 184 11 | $1,200
				330 184 11 | $8,425
				72 210 11 f | The rule also amends the regulation that the operators have followed since
				72 224 11 b | 1985.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::heading).containsExactly("Costs");
	}

	@Test
	void keepsTableOfContentsEntriesOutOfTheSections() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 500
				200 60 20 | The Statute
				72 80 11 | As adopted by the members.
				72 100 14 b | Contents
				72 130 12 b | Part 1 General provisions ........ 2
				72 146 12 b | Part 2 Members ........ 3
				72 180 14 b | Part 1 General provisions
				72 210 11 | The statute applies to all members.
				72 240 14 b | Part 2 Members
				72 270 11 | Anyone can be a member.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading)
			.containsExactly(tuple(null, null), tuple(null, "Contents"), tuple("Part 1", "General provisions"),
					tuple("Part 2", "Members"));
		assertThat(outline.sections().get(1).blocks()).extracting(Block::text)
			.containsExactly("Part 1 General provisions ........ 2", "Part 2 Members ........ 3");
	}

	@Test
	void keepsACentredHeadingOverSeveralLinesWhole() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 486
				200 60 20 | The Relief Act
				174 100 14 b r462 | DIVISION A—FURTHER CONTINUING
				204 126 14 b r432 | APPROPRIATIONS ACT, 2025
				133 160 14 f | The appropriations continue at the rates of the year before, until the
				133 186 14 | end of March.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::heading)
			.containsExactly(tuple("DIVISION A", "FURTHER CONTINUING APPROPRIATIONS ACT, 2025"));
	}

	@Test
	void learnsWhichNamedFamilyEnclosesTheOtherFromTheDocument() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 486
				200 60 20 | The Relief Act
				72 100 14 b | DIVISION A—AGRICULTURE
				72 130 14 b | TITLE I—FARMS
				72 160 11 | Farms get relief.
				72 190 14 b | TITLE II—FORESTS
				72 220 11 | Forests get relief.
				72 250 14 b | DIVISION B—HEALTH
				72 280 14 b | TITLE I—HOSPITALS
				72 310 11 | Hospitals get relief.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label, OutlineSection::level)
			.containsExactly(tuple("DIVISION A", 1), tuple("TITLE I", 2), tuple("TITLE II", 2), tuple("DIVISION B", 1),
					tuple("TITLE I", 2));
	}

	@Test
	void makesAnnexesAndFrontMatterPeersOfTheOutermostNumberedUnits() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 486
				200 40 24 | The Standard
				72 60 11 | Second edition, for comment.
				72 80 18 b | Introduction
				72 100 11 | This standard tells how.
				72 130 14 b | 1 Scope
				72 150 11 | It applies to programs.
				72 180 12 b | 1.1 Policy
				72 200 11 | A policy exists.
				72 230 14 b | 2 Requirements
				72 250 11 | These are the requirements.
				72 280 16 b | Annex A Translations
				72 300 11 | The standard is translated.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::heading, OutlineSection::level)
			.containsExactly(tuple(null, 1), tuple("Introduction", 1), tuple("Scope", 1), tuple("Policy", 2),
					tuple("Requirements", 1), tuple("Translations", 1));
	}

	@Test
	void doesNotTakeDatesLeadInsOrEnumerationItemsForHeadings() {
		Outline outline = this.structurer.structure(PageFixture.parse("""
				page 1 right 486
				200 40 20 | The Statutes
				72 80 14 b | Article 1. Name
				72 100 11 b | 01 janvier 1970
				72 110 11 | Adopted by the members.
				72 120 11 b | Rationale:
				72 140 11 | The association has a name.
				72 160 11 b | a) its policy;
				72 180 11 | b) its members.
				72 210 14 b | Article 2. Seat
				72 230 11 | The seat is in Strasbourg.
				"""));

		assertThat(outline.sections()).extracting(OutlineSection::label).containsExactly("Article 1.", "Article 2.");
	}

}
