package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.notification.MailKind;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.Notification;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ModerationEntry;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.test.TestInfrastructure;
import org.parley.domaintests.DomainTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = DomainTestApplication.class)
class OutcomeRepositoriesIntegrationTests {

	private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	ResponseRepository responses;

	@Autowired
	CommentGroupRepository groups;

	@Autowired
	NotificationRepository notifications;

	@Test
	void answersAreCountedAndReadBackWithTheThread() {
		Fixture f = fixture();
		UUID a = comment(f, null, CommentState.PUBLISHED, 1);
		UUID b = comment(f, null, CommentState.PUBLISHED, 2);
		UUID c = comment(f, null, CommentState.PUBLISHED, 3);
		comment(f, a, CommentState.PUBLISHED, 4);
		comment(f, null, CommentState.PENDING, 5);

		this.responses.respond(a, new CommentResponse(ResponseStatus.ACCEPTED, "Taken up in 2.1.", T0, f.organiser));
		this.responses.respondAll(List.of(b, c),
				new CommentResponse(ResponseStatus.NOTED, "Thank you.", T0, f.organiser));

		ResponseCounts counts = this.responses.counts(f.discussion);
		assertThat(counts.answerable()).isEqualTo(3);
		assertThat(counts.answered()).isEqualTo(3);
		assertThat(counts.decided()).isEqualTo(1);
		assertThat(counts.byStatus()).containsEntry(ResponseStatus.NOTED, 2).containsEntry(ResponseStatus.ACCEPTED, 1);
		assertThat(this.responses.select(f.discussion, null, ResponseStatus.NOTED, false)).containsExactly(b, c);
		assertThat(this.responses.select(f.discussion, f.section, null, true)).isEmpty();
		assertThat(this.comments.findForSection(f.discussion, f.section)).filteredOn(e -> e.id().equals(a))
			.singleElement()
			.satisfies(e -> assertThat(e.response().text()).isEqualTo("Taken up in 2.1."));
		assertThat(this.responses.find(a).orElseThrow().status()).isEqualTo(ResponseStatus.ACCEPTED);
	}

	@Test
	void deadlineIsTheChosenDateOrTwelveWeeksAfterClosing() {
		Fixture f = fixture();
		assertThat(this.responses.chosenDeadline(f.discussion)).isEmpty();
		assertThat(ResponseDeadline.of(null, T0).dueAt()).isEqualTo(T0.plusWeeks(12));

		this.responses.chooseDeadline(f.discussion, T0.plusWeeks(4));

		assertThat(this.responses.chosenDeadline(f.discussion)).contains(T0.plusWeeks(4));
	}

	@Test
	void regroupingKeepsAGroupsIdWhileItsRepresentativeStays() {
		Fixture f = fixture();
		UUID a = comment(f, null, CommentState.PUBLISHED, 1);
		UUID b = comment(f, null, CommentState.PUBLISHED, 2);
		UUID c = comment(f, null, CommentState.PUBLISHED, 3);
		CommentGroupRepository.Basis basis = this.groups.currentBasis(f.discussion);
		assertThat(basis.comments()).isEqualTo(3);

		this.groups.replace(f.discussion, List.of(List.of(a, b)), basis, T0);
		UUID first = this.groups.findAll(f.discussion).get(0).id();
		this.groups.replace(f.discussion, List.of(List.of(a, b, c)), basis, T0);

		List<CommentGroup> found = this.groups.findAll(f.discussion);
		assertThat(found).singleElement().satisfies(g -> {
			assertThat(g.id()).isEqualTo(first);
			assertThat(g.commentIds()).containsExactly(a, b, c);
			assertThat(g.representativeId()).isEqualTo(a);
		});
		assertThat(this.groups.groupOf(c).orElseThrow().id()).isEqualTo(first);
		assertThat(this.groups.storedBasis(f.discussion)).contains(basis);
	}

	@Test
	void queueHoldsWaitingAndFlaggedCommentsOldestFirstUntilReviewed() {
		Fixture f = fixture();
		UUID flagged = comment(f, null, CommentState.PUBLISHED, 1);
		UUID waiting = comment(f, null, CommentState.PENDING, 2);
		comment(f, null, CommentState.PUBLISHED, 3);
		UUID flagger = this.participants.findOrCreate(UUID.randomUUID() + "@example.org", T0).id();
		this.comments.flag(flagged, flagger, T0.plusMinutes(10));

		assertThat(this.comments.moderationQueue(f.discussion, 100)).extracting(ModerationEntry::commentId)
			.containsExactly(waiting, flagged);
		assertThat(this.comments.moderationCounts(f.discussion).total()).isEqualTo(2);
		assertThat(this.comments.waitingBySectionId(f.discussion)).containsEntry(f.section, 1);

		List<UUID> released = this.comments.moderate(f.discussion, List.of(flagged, waiting), CommentState.PUBLISHED,
				f.organiser, T0.plusMinutes(20));

		assertThat(released).containsExactly(waiting);
		assertThat(this.comments.moderationQueue(f.discussion, 100)).isEmpty();
		assertThat(this.comments.moderationCounts(f.discussion).total()).isZero();
	}

	@Test
	void aCommentNotifiesOneRecipientOncePerCause() {
		Fixture f = fixture();
		UUID c = comment(f, null, CommentState.PUBLISHED, 1);
		UUID recipient = this.participants.findOrCreate(UUID.randomUUID() + "@example.org", T0).id();
		UUID mail = UUID.randomUUID();
		this.notifications.addMail(new NotificationMail(mail, recipient, f.discussion, MailKind.IMMEDIATE, null,
				MailStatus.QUEUED, 0, T0, T0));

		assertThat(this.notifications.add(new Notification(c, recipient, f.discussion, NotificationCause.FOLLOW,
				NotificationFrequency.IMMEDIATE, mail, null, T0)))
			.isTrue();
		assertThat(this.notifications.add(new Notification(c, recipient, f.discussion, NotificationCause.FLAGGED,
				NotificationFrequency.DAILY, null, null, T0)))
			.isTrue();
		assertThat(this.notifications.add(new Notification(c, recipient, f.discussion, NotificationCause.FLAGGED,
				NotificationFrequency.DAILY, null, null, T0)))
			.isFalse();
		assertThat(this.notifications.find(c, recipient).orElseThrow().cause()).isEqualTo(NotificationCause.FOLLOW);
		assertThat(this.notifications.mailsOf(c)).containsExactly(mail);
	}

	private record Fixture(UUID organiser, UUID discussion, UUID section, UUID author) {
	}

	private Fixture fixture() {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@example.org", "{noop}x", "Org", T0));
		UUID discussion = this.discussions.addDraft(null, organiser, "T",
				new Outline("T", null, List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("P."))))),
				T0);
		UUID section = this.discussions.sectionId(discussion, 1).orElseThrow();
		UUID author = this.participants.findOrCreate(UUID.randomUUID() + "@example.org", T0).id();
		return new Fixture(organiser, discussion, section, author);
	}

	private UUID comment(Fixture f, UUID parent, CommentState state, int minute) {
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, f.discussion, f.section, null, null, parent, f.author, "Text " + minute,
				state, 0, T0.plusMinutes(minute)));
		return id;
	}

}
