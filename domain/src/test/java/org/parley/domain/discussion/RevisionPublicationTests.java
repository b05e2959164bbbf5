package org.parley.domain.discussion;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.OutlineSection;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionPublicationTests {

	private final UUID oldSection = UUID.randomUUID();

	private final UUID a = UUID.randomUUID();

	private final UUID b = UUID.randomUUID();

	private final UUID c = UUID.randomUUID();

	private final UUID gone = UUID.randomUUID();

	private final UUID newSection = UUID.randomUUID();

	private final UUID a1 = UUID.randomUUID();

	private final UUID a2 = UUID.randomUUID();

	private final UUID bc = UUID.randomUUID();

	private final UUID fresh = UUID.randomUUID();

	@Test
	void pairedUnitsTakeTheOldIdsTheFirstPieceOfASplitTooAndMergedCommentsGoToTheMergedParagraph() {
		// a split into a1 + a2, b and c merged into bc, gone removed, fresh new.
		List<RevisionMatch> matches = List.of(
				link(RevisionMatch.Unit.SECTION, this.oldSection, this.newSection, ChangeKind.EDITED, false),
				link(RevisionMatch.Unit.PARAGRAPH, this.a, this.a2, ChangeKind.SPLIT, false),
				link(RevisionMatch.Unit.PARAGRAPH, this.a, this.a1, ChangeKind.SPLIT, false),
				link(RevisionMatch.Unit.PARAGRAPH, this.b, this.bc, ChangeKind.EDITED, true),
				link(RevisionMatch.Unit.PARAGRAPH, this.c, this.bc, ChangeKind.MERGED, false),
				link(RevisionMatch.Unit.PARAGRAPH, this.gone, null, ChangeKind.REMOVED, false),
				link(RevisionMatch.Unit.PARAGRAPH, null, this.fresh, ChangeKind.NEW, false));
		Section draft = new Section(this.newSection, 1, "1.", "One", 1, null,
				List.of(paragraph(this.a1, 1), paragraph(this.a2, 2), paragraph(this.bc, 3), paragraph(this.fresh, 4)));

		RevisionPublication.Plan plan = RevisionPublication.plan("T", List.of(draft), List.of(this.oldSection),
				List.of(this.a, this.b, this.c, this.gone), matches);

		OutlineSection published = plan.outline().sections().get(0);
		assertThat(published.id()).isEqualTo(this.oldSection);
		assertThat(published.blocks()).extracting(org.parley.domain.outline.Block::id)
			.containsExactly(this.a, this.a2, this.b, this.fresh);
		assertThat(plan.successors()).containsOnlyKeys(this.c);
		assertThat(plan.successors().get(this.c)).isEqualTo(new DraftOutline.Place(this.oldSection, this.b));
		assertThat(plan.votesRestart()).containsExactly(this.oldSection);
	}

	@Test
	void anOldIdGoesToOneNewUnitOnlyAndAPairThatKeepsIdentityComesFirst() {
		List<RevisionMatch> matches = List.of(
				link(RevisionMatch.Unit.PARAGRAPH, this.a, this.a1, ChangeKind.SPLIT, false),
				link(RevisionMatch.Unit.PARAGRAPH, this.a, this.a2, ChangeKind.EDITED, false));
		Section draft = new Section(this.newSection, 1, null, "One", 1, null,
				List.of(paragraph(this.a1, 1), paragraph(this.a2, 2)));

		RevisionPublication.Plan plan = RevisionPublication.plan("T", List.of(draft), List.of(this.oldSection),
				List.of(this.a), matches);

		assertThat(plan.outline().sections().get(0).blocks()).extracting(org.parley.domain.outline.Block::id)
			.containsExactly(this.a1, this.a);
		assertThat(plan.outline().sections().get(0).id()).as("no section match: a new section")
			.isEqualTo(this.newSection);
		assertThat(plan.votesRestart()).isEmpty();
	}

	private static Paragraph paragraph(UUID id, int number) {
		return new Paragraph(id, number, BlockKind.PARAGRAPH, "Text " + number);
	}

	private static RevisionMatch link(RevisionMatch.Unit unit, UUID from, UUID to, ChangeKind kind, boolean meaning) {
		return new RevisionMatch(UUID.randomUUID(), unit, from, to, kind, 0.9, meaning, false);
	}

}
