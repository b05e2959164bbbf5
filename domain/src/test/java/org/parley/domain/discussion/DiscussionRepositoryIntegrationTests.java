package org.parley.domain.discussion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.outline.TableCells;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteRepository;
import org.parley.domaintests.DomainTestApplication;
import org.parley.domain.test.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = DomainTestApplication.class)
class DiscussionRepositoryIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	VoteRepository votes;

	@Test
	void savesAnOutlineAsNumberedSectionsWithParents() {
		UUID organiser = organiser();
		UUID importId = importFor(organiser);
		Outline outline = new Outline("Draft strategy", "Together", List.of(
				new OutlineSection(null, null, 2, List.of(Block.paragraph("Preamble."))),
				new OutlineSection("Strategic Goal 2:", "Catalyze action", 1, List.of(Block.paragraph("Goal text."))),
				new OutlineSection("2.1.", "Strengthen the framework", 2,
						List.of(Block.paragraph("Intro."), Block.listItem("We will improve."))),
				new OutlineSection("2.2.", "Record action", 2, List.of())));

		UUID id = this.discussions.addDraft(importId, organiser, "Draft strategy", outline, OffsetDateTime.now());

		Discussion discussion = this.discussions.findById(id).orElseThrow();
		assertThat(discussion.status(java.time.Clock.systemUTC())).isEqualTo(DiscussionStatus.DRAFT);
		assertThat(discussion.description()).isEqualTo("Together");
		List<Section> sections = this.discussions.findSections(id);
		assertThat(sections).extracting(Section::number).containsExactly(1, 2, 3, 4);
		assertThat(sections).extracting(Section::parentNumber).containsExactly(null, null, 2, 2);
		assertThat(sections.get(2).label()).isEqualTo("2.1.");
		assertThat(sections.get(2).paragraphs()).extracting(Paragraph::number, Paragraph::kind, Paragraph::text)
			.containsExactly(tuple(1, BlockKind.PARAGRAPH, "Intro."),
					tuple(2, BlockKind.LIST_ITEM, "We will improve."));
		assertThat(sections).extracting(Section::id).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(sections).flatExtracting(Section::paragraphs)
			.extracting(Paragraph::id)
			.doesNotContainNull()
			.doesNotHaveDuplicates();
		assertThat(this.discussions.isOrganisedBy(id, organiser)).isTrue();
		assertThat(this.discussions.isOrganisedBy(id, UUID.randomUUID())).isFalse();
	}

	@Test
	void refusesASecondDiscussionForTheSameImport() {
		UUID organiser = organiser();
		UUID importId = importFor(organiser);
		Outline outline = new Outline("T", null, List.of(new OutlineSection("1.", "One", 1, List.of())));
		this.discussions.addDraft(importId, organiser, "T", outline, OffsetDateTime.now());

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.discussions.addDraft(importId, organiser, "T", outline, OffsetDateTime.now()));
	}

	@Test
	void anEditedOutlineKeepsItsRowsAndTheCommentsAndVotesOnThem() {
		UUID id = this.discussions.addDraft(null, organiser(), "T", new Outline("T", null,
				List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("A."), Block.paragraph("B."))),
						new OutlineSection("2.", "Two", 1, List.of(Block.paragraph("C."))))),
				OffsetDateTime.now());
		List<Section> before = this.discussions.findSections(id);
		UUID one = before.get(0).id();
		UUID two = before.get(1).id();
		UUID b = before.get(0).paragraphs().get(1).id();
		UUID c = before.get(1).paragraphs().get(0).id();
		UUID voter = this.participants.findOrCreate("voter-" + UUID.randomUUID() + "@example.org", OffsetDateTime.now())
			.id();
		this.votes.cast(id, two, voter, true, OffsetDateTime.now());
		UUID onB = comment(id, one, b, null, voter);
		UUID onTwo = comment(id, two, null, null, voter);
		UUID reply = comment(id, one, null, onB, voter);

		DraftOutline edited = DraftOutline.of(before).splitAt(1, 2).mergeWithNext(2);
		this.discussions.replaceOutline(id, edited.toOutline("T", null), edited.successors());

		List<Section> after = this.discussions.findSections(id);
		assertThat(after).extracting(Section::id).containsExactly(one, after.get(1).id());
		assertThat(after.get(1).paragraphs()).extracting(Paragraph::text).containsExactly("B.", "2. Two", "C.");
		assertThat(after.get(1).paragraphs()).extracting(Paragraph::id).startsWith(b).endsWith(c);
		UUID formerHeading = after.get(1).paragraphs().get(1).id();
		assertThat(this.comments.findById(onB).orElseThrow()).extracting(Comment::sectionId, Comment::paragraphId)
			.containsExactly(after.get(1).id(), b);
		assertThat(this.comments.findById(reply).orElseThrow().sectionId()).isEqualTo(after.get(1).id());
		assertThat(this.comments.findById(onTwo).orElseThrow()).extracting(Comment::sectionId, Comment::paragraphId)
			.containsExactly(after.get(1).id(), formerHeading);
		assertThat(this.discussions.findRemovedSections(id)).extracting(RemovedSection::id, RemovedSection::heading)
			.containsExactly(tuple(two, "Two"));
		assertThat(this.votes.counts(id)).isEmpty();
		assertThat(this.votes.countsOfRemovedSections(id).get(two).agree()).isEqualTo(1);
	}

	@Test
	void aTableKeepsItsCellsThroughSavingAndEditingAndBecomesParagraphsAndATableAgain() {
		TableCells cells = new TableCells(List.of(List.of("Goal", "2024", "2028"), List.of("Members", "75", "100"),
				List.of("Budget \"total\"", "1 €", "1 €")), 1, "Targets");
		UUID id = this.discussions.addDraft(null, organiser(), "T",
				new Outline("T", null,
						List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("A."), Block.table(cells))),
								new OutlineSection("2.", "Two", 1, List.of(Block.paragraph("C."))))),
				OffsetDateTime.now());
		List<Section> saved = this.discussions.findSections(id);
		Paragraph table = saved.get(0).paragraphs().get(1);
		assertThat(table.kind()).isEqualTo(BlockKind.TABLE);
		assertThat(table.cells()).isEqualTo(cells);
		assertThat(table.text()).isEqualTo(cells.text());
		assertThat(saved.get(0).paragraphs().get(0).cells()).isNull();
		UUID voter = this.participants.findOrCreate("voter-" + UUID.randomUUID() + "@example.org", OffsetDateTime.now())
			.id();
		UUID onTable = comment(id, saved.get(0).id(), table.id(), null, voter);

		DraftOutline merged = DraftOutline.of(saved).mergeWithNext(1);
		this.discussions.replaceOutline(id, merged.toOutline("T", null), merged.successors());
		assertThat(this.discussions.findSections(id).get(0).paragraphs().get(1).cells()).isEqualTo(cells);

		DraftOutline split = DraftOutline.of(this.discussions.findSections(id)).tableToParagraphs(1, 2);
		this.discussions.replaceOutline(id, split.toOutline("T", null), split.successors());
		List<Paragraph> rows = this.discussions.findSections(id).get(0).paragraphs();
		assertThat(rows).extracting(Paragraph::kind, Paragraph::text)
			.containsExactly(tuple(BlockKind.PARAGRAPH, "A."), tuple(BlockKind.PARAGRAPH, "Targets"),
					tuple(BlockKind.PARAGRAPH, "Goal | 2024 | 2028"), tuple(BlockKind.PARAGRAPH, "Members | 75 | 100"),
					tuple(BlockKind.PARAGRAPH, "Budget \"total\" | 1 € | 1 €"), tuple(BlockKind.PARAGRAPH, "2. Two"),
					tuple(BlockKind.PARAGRAPH, "C."));
		assertThat(rows.get(2).id()).isEqualTo(table.id());
		assertThat(rows).extracting(Paragraph::cells).containsOnlyNulls();

		DraftOutline joined = DraftOutline.of(this.discussions.findSections(id)).paragraphsToTable(1, 3, 5, 1);
		this.discussions.replaceOutline(id, joined.toOutline("T", null), joined.successors());
		List<Paragraph> after = this.discussions.findSections(id).get(0).paragraphs();
		assertThat(after).hasSize(5);
		assertThat(after.get(2).id()).isEqualTo(table.id());
		assertThat(after.get(2).cells()).isEqualTo(new TableCells(List.of(List.of("Goal", "2024", "2028"),
				List.of("Members", "75", "100"), List.of("Budget \"total\"", "1 €", "1 €")), 1));
		assertThat(this.comments.findById(onTable).orElseThrow().paragraphId()).isEqualTo(table.id());
	}

	private UUID comment(UUID discussion, UUID section, UUID paragraph, UUID parent, UUID author) {
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, discussion, section, paragraph, null, parent, author, "Text.",
				CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		return id;
	}

	private UUID organiser() {
		UUID id = UUID.randomUUID();
		this.organisers.add(new Organiser(id, id + "@example.org", "{noop}x", "Org", OffsetDateTime.now()));
		return id;
	}

	private UUID importFor(UUID organiser) {
		DocumentImport i = DocumentImport.uploaded(organiser, "doc.pdf", "application/pdf", null, OffsetDateTime.now());
		this.imports.add(i, new byte[] { 1, 2, 3 });
		return i.id();
	}

}
