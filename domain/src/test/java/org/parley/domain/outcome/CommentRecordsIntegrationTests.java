package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domaintests.DomainTestApplication;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.PersonalDataRepository;
import org.parley.domain.participation.VoteRepository;
import org.parley.domain.test.OutcomeFixture;
import org.parley.domain.test.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comments of a discussion read page by page in the outline's order, whatever the
 * page size; and what an erased participant leaves of them.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class CommentRecordsIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	CommentRecords records;

	@Autowired
	OutcomeFigures figures;

	@Autowired
	PersonalDataRepository personalData;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	VoteRepository votes;

	@Autowired
	ResponseRepository responses;

	@Autowired
	CommentGroupRepository groups;

	@Test
	void everyPageSizeGivesTheSameCommentsInTheSameOrder() {
		OutcomeFixture.Made made = fixture();
		List<UUID> whole = ids(made.discussionId(), true, 1000);

		assertThat(whole).hasSize(8).doesNotHaveDuplicates();
		for (int size = 1; size <= 4; size++) {
			assertThat(ids(made.discussionId(), true, size)).as("pages of %d", size).isEqualTo(whole);
		}
		assertThat(ids(made.discussionId(), false, 2)).hasSize(6).doesNotContain(made.hidden(), made.waiting());
		assertThat(this.records.count(made.discussionId(), false)).isEqualTo(6);
	}

	@Test
	void figuresCountWhoTookPartAndTheAnswersByStatus() {
		OutcomeFixture.Made made = fixture();

		assertThat(this.figures.participants(made.discussionId())).isEqualTo(3);
		assertThat(this.figures.responsesByStatus(made.discussionId())).containsEntry("ACCEPTED", 3L)
			.containsEntry("PARTLY_ACCEPTED", 1L)
			.containsEntry(OutcomeFigures.UNANSWERED, 2L);
	}

	@Test
	void erasedAuthorIsShownAsAFormerParticipantAndTheirPersonalDataIsGone() {
		OutcomeFixture.Made made = fixture();

		assertThat(this.personalData.erase(made.alice().id(), OffsetDateTime.now())).isTrue();
		assertThat(this.personalData.erase(made.alice().id(), OffsetDateTime.now())).as("once").isFalse();

		List<String> authors = new ArrayList<>();
		this.records.forEach(made.discussionId(), false, c -> {
			if (c.id().equals(made.answered())) {
				authors.add(c.author());
			}
		});
		assertThat(authors).containsExactly("A former participant");
		assertThat(this.personalData.find(made.alice().id()).orElseThrow().sectionVotes()).isEmpty();
		assertThat(this.votes.counts(made.discussionId()).get(1).total()).isEqualTo(3);
	}

	private OutcomeFixture.Made fixture() {
		return new OutcomeFixture(this.organisers, this.discussions, this.participants, this.comments, this.votes,
				this.responses, this.groups)
			.discussion(null, "{noop}x");
	}

	private List<UUID> ids(UUID discussionId, boolean includeHidden, int pageSize) {
		List<UUID> ids = new ArrayList<>();
		this.records.forEach(discussionId, includeHidden, pageSize, c -> ids.add(c.id()));
		return ids;
	}

}
