package org.parley.ingest.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionMatcherTests {

	private static final String A = "Members elect the board for a term of two years at the general assembly.";

	private static final String B = "The board meets at least four times a year and keeps minutes of every meeting.";

	private static final String C = "The treasurer reports on the accounts to the general assembly once a year.";

	private static final String D = "Two auditors, who are not members of the board, check the accounts every year.";

	private static final String E = "Any member may propose an amendment of these statutes in writing to the board.";

	private static final String F = "An amendment needs a majority of two thirds of the members present.";

	private final RevisionMatcher matcher = new RevisionMatcher();

	@Test
	void pairsAnUnchangedDocumentParagraphByParagraph() {
		Outline before = saved(section("1.", "Board", A, B), section("2.", "Accounts", C, D));
		Outline after = fresh(section("1.", "Board", A, B), section("2.", "Accounts", C, D));

		Matching matching = this.matcher.match(before, after);

		assertThat(matching.paragraphs()).extracting(ParagraphMatch::kind).containsOnly(MatchKind.UNCHANGED);
		assertThat(matching.sourcesOf(new Position(2, 2))).containsExactly(id(before, 2, 2));
		assertThat(matching.sections()).extracting(SectionMatch::kind).containsOnly(MatchKind.UNCHANGED);
	}

	@Test
	void marksAParagraphWithChangedWordsAsEditedInItsPlace() {
		Outline before = saved(section("1.", "Board", A, B, C));
		String edited = "Members elect the board for a term of three years at the annual general assembly.";
		Outline after = fresh(section("1.", "Board", A.replace(A, edited), B, C));

		Matching matching = this.matcher.match(before, after);

		ParagraphMatch first = only(matching, new Position(1, 1));
		assertThat(first.kind()).isEqualTo(MatchKind.EDITED);
		assertThat(first.from()).isEqualTo(id(before, 1, 1));
		assertThat(first.confidence()).isBetween(0.5, 0.99);
		assertThat(matching.sections()).singleElement().extracting(SectionMatch::kind).isEqualTo(MatchKind.EDITED);
	}

	@Test
	void findsAParagraphMovedToAnotherSection() {
		Outline before = saved(section("1.", "Board", A, B, E), section("2.", "Accounts", C, D));
		Outline after = fresh(section("1.", "Board", A, B), section("2.", "Accounts", C, D, E));

		Matching matching = this.matcher.match(before, after);

		ParagraphMatch moved = only(matching, new Position(2, 3));
		assertThat(moved.kind()).isEqualTo(MatchKind.MOVED);
		assertThat(moved.from()).isEqualTo(id(before, 1, 3));
		assertThat(matching.of(id(before, 1, 1))).extracting(ParagraphMatch::kind).containsExactly(MatchKind.UNCHANGED);
	}

	@Test
	void findsAParagraphSplitIntoTwo() {
		Outline before = saved(section("1.", "Amendments", A, E + " " + F, C));
		Outline after = fresh(section("1.", "Amendments", A, E, F, C));

		Matching matching = this.matcher.match(before, after);

		UUID whole = id(before, 1, 2);
		assertThat(matching.of(whole)).extracting(ParagraphMatch::to)
			.containsExactly(new Position(1, 2), new Position(1, 3));
		assertThat(matching.of(whole)).extracting(ParagraphMatch::kind).containsOnly(MatchKind.SPLIT);
		assertThat(only(matching, new Position(1, 4)).from()).isEqualTo(id(before, 1, 3));
	}

	@Test
	void findsTwoParagraphsMergedIntoOne() {
		Outline before = saved(section("1.", "Accounts", A, C, D, B));
		Outline after = fresh(section("1.", "Accounts", A, C + " " + D, B));

		Matching matching = this.matcher.match(before, after);

		assertThat(matching.sourcesOf(new Position(1, 2))).containsExactly(id(before, 1, 2), id(before, 1, 3));
		assertThat(matching.of(id(before, 1, 3))).extracting(ParagraphMatch::kind).containsExactly(MatchKind.MERGED);
	}

	@Test
	void namesARemovedParagraphAndANewOne() {
		Outline before = saved(section("1.", "Board", A, B, C));
		String added = "Meetings may be held by video conference when the chair agrees to it.";
		Outline after = fresh(section("1.", "Board", A, added, C));

		Matching matching = this.matcher.match(before, after);

		assertThat(matching.of(id(before, 1, 2))).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(MatchKind.REMOVED);
			assertThat(m.to()).isNull();
		});
		assertThat(only(matching, new Position(1, 2)).kind()).isEqualTo(MatchKind.NEW);
		assertThat(only(matching, new Position(1, 2)).from()).isNull();
	}

	@Test
	void everyOldParagraphIsPairedOrRemoved() {
		Outline before = saved(section("1.", "Board", A, B, C), section("2.", "Amendments", D, E, F));
		Outline after = fresh(section("1.", "Board", B), section("2.", "Amendments", F, "Something else entirely."));

		Matching matching = this.matcher.match(before, after);

		for (OutlineSection s : before.sections()) {
			for (Block b : s.blocks()) {
				assertThat(matching.of(b.id())).isNotEmpty();
			}
		}
	}

	@Test
	void alignsSectionsByHeadingAndContentWhenOneIsInserted() {
		Outline before = saved(section("1.", "Board", A, B), section("2.", "Accounts", C, D));
		Outline after = fresh(section("1.", "Board", A, B), section("2.", "Amendments", E, F),
				section("3.", "Accounts", C, D));

		Matching matching = this.matcher.match(before, after);

		assertThat(matching.sections()).extracting(SectionMatch::kind, SectionMatch::from)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MatchKind.UNCHANGED, before.sections().get(0).id()),
					org.assertj.core.groups.Tuple.tuple(MatchKind.NEW, null),
					org.assertj.core.groups.Tuple.tuple(MatchKind.EDITED, before.sections().get(1).id()));
	}

	@Test
	void namesASectionSplitInTwoAndOneMergedAway() {
		Outline before = saved(section("1.", "Board", A, B, C, D), section("2.", "Amendments", E),
				section("3.", "Majorities", F));
		Outline after = fresh(section("1.", "Board", A, B), section("2.", "Accounts", C, D),
				section("3.", "Amendments", E, F));

		Matching matching = this.matcher.match(before, after);

		assertThat(matching.sections()).filteredOn(s -> Position.section(2).equals(s.to()))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.kind()).isEqualTo(MatchKind.SPLIT);
				assertThat(s.from()).isEqualTo(before.sections().get(0).id());
			});
		assertThat(matching.sections()).filteredOn(s -> before.sections().get(2).id().equals(s.from()))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.kind()).isEqualTo(MatchKind.MERGED);
				assertThat(s.to()).isEqualTo(Position.section(3));
			});
	}

	@Test
	void namesAMovedSection() {
		Outline before = saved(section("1.", "Board", A, B), section("2.", "Accounts", C, D),
				section("3.", "Amendments", E, F));
		Outline after = fresh(section("1.", "Amendments", E, F), section("2.", "Board", A, B),
				section("3.", "Accounts", C, D));

		Matching matching = this.matcher.match(before, after);

		assertThat(matching.sections()).filteredOn(s -> s.kind() == MatchKind.MOVED)
			.extracting(SectionMatch::from)
			.containsExactly(before.sections().get(2).id());
		assertThat(matching.of(id(before, 3, 1))).singleElement()
			.extracting(ParagraphMatch::to)
			.isEqualTo(new Position(1, 1));
	}

	private static ParagraphMatch only(Matching matching, Position to) {
		List<ParagraphMatch> found = matching.paragraphs().stream().filter(m -> to.equals(m.to())).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static UUID id(Outline outline, int section, int paragraph) {
		return outline.sections().get(section - 1).blocks().get(paragraph - 1).id();
	}

	private static OutlineSection section(String label, String heading, String... paragraphs) {
		List<Block> blocks = new ArrayList<>();
		for (String p : paragraphs) {
			blocks.add(Block.paragraph(p));
		}
		return new OutlineSection(label, heading, 1, blocks);
	}

	private static Outline saved(OutlineSection... sections) {
		List<OutlineSection> withIds = new ArrayList<>();
		for (OutlineSection s : sections) {
			withIds.add(new OutlineSection(UUID.randomUUID(), s.label(), s.heading(), s.level(),
					s.blocks()
						.stream()
						.map(b -> new Block(UUID.randomUUID(), BlockKind.PARAGRAPH, b.text()))
						.toList()));
		}
		return new Outline("Statutes", null, withIds);
	}

	private static Outline fresh(OutlineSection... sections) {
		return new Outline("Statutes", null, List.of(sections));
	}

}
