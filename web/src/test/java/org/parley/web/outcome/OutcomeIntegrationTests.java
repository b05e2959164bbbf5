package org.parley.web.outcome;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CampaignTexts;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;
import org.parley.web.participation.SignInLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 17's first half through the web's HTTP API: answers (one, a group, a filtered
 * list) and the author's notification in the ledger, near-duplicate groups, the
 * moderation queue and the true counts, and Discuto's figures.
 */
@WebIntegrationTest
class OutcomeIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	String owner;

	UUID discussion;

	@BeforeEach
	void openDiscussion() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategy",
				new Outline("Strategy", null,
						List.of(new OutlineSection("1.", "Lead", 1, List.of(Block.paragraph("One."))),
								new OutlineSection("2.", "Build", 1, List.of(Block.paragraph("Two."))))),
				OffsetDateTime.now());
		assertThat(TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner, "{\"status\":\"OPEN\"}"))
			.hasStatusOk();
	}

	@Test
	void anAnswerIsShownToEveryoneCountedAndNotifiesTheAuthorOnce() {
		MockHttpSession ana = signIn("ana-" + UUID.randomUUID() + "@example.org");
		String comment = comment(ana, 1, "Publish the plans in plain language.");

		MvcTestResult answered = answer(comment, "{\"status\":\"ACCEPTED\",\"text\":\"Done in 2.1.\"}");

		assertThat(answered).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("ACCEPTED");
			assertThat(json).extractingPath("$.text").isEqualTo("Done in 2.1.");
			assertThat(json).extractingPath("$.respondedAt").isNotNull();
		});
		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections/1/comments", this.discussion)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[0].response.status").isEqualTo("ACCEPTED");
				assertThat(json).extractingPath("$[0].response.text").isEqualTo("Done in 2.1.");
			});
		assertThat(stats()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.responses.answered").isEqualTo(1);
			assertThat(json).extractingPath("$.responses.answerable").isEqualTo(1);
			assertThat(json).extractingPath("$.alreadyDecided").isEqualTo(1);
		});
		assertThat(ledger(comment)).containsExactly(Map.entry("RESPONSE", "IMMEDIATE"));
		assertThat(this.jdbc.sql("""
				select count(*) from notification_mail m join notification n on n.mail_id = m.id
				where n.comment_id = :c and m.status = 'QUEUED' and m.next_attempt_at <= :now""")
			.param("c", UUID.fromString(comment))
			.param("now", OffsetDateTime.now())
			.query(Integer.class)
			.single()).as("due at once, for the sweep").isEqualTo(1);

		assertThat(answer(comment, "{\"status\":\"NOTED\",\"text\":\"On second thought.\"}")).hasStatusOk();

		assertThat(stats()).bodyJson().extractingPath("$.alreadyDecided").isEqualTo(0);
		assertThat(ledger(comment)).hasSize(1);
	}

	@Test
	void answersAreRefusedWithStableCodesAndHiddenFromNonOrganisers() {
		MockHttpSession ana = signIn("ana-" + UUID.randomUUID() + "@example.org");
		String comment = comment(ana, 1, "A point.");
		MvcTestResult reply = this.mvc.post()
			.uri("/api/comments/{id}/replies", comment)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"And another.\"}")
			.session(ana)
			.with(csrf())
			.exchange();
		String replyId = reply.getResponse().getHeader("Location").substring("/api/comments/".length());

		assertThat(answer(comment, "{\"status\":\"MAYBE\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_RESPONSE_STATUS");
		assertThat(answer(replyId, "{\"status\":\"NOTED\"}")).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("COMMENT_NOT_ANSWERABLE");
		assertThat(this.mvc.put()
			.uri("/api/comments/{id}/response", comment)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"NOTED\"}")
			.session(ana)
			.with(csrf())).hasStatus(404);
		assertThat(
				this.jdbc.sql("select count(*) from comment where response_status is not null and discussion_id = :d")
					.param("d", this.discussion)
					.query(Integer.class)
					.single())
			.isZero();
	}

	@Test
	void oneAnswerGoesToTheFilteredList() {
		List<UUID> inOne = List.of(stored(1, "First.", 1), stored(1, "Second.", 2), stored(1, "Third.", 3));
		UUID inTwo = stored(2, "Elsewhere.", 4);
		assertThat(answer(inOne.get(0).toString(), "{\"status\":\"NOTED\"}")).hasStatusOk();

		assertThat(
				bulk("{\"status\":\"OUT_OF_SCOPE\",\"text\":\"Not decided here.\",\"section\":1,\"unanswered\":true}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.answered")
			.isEqualTo(2);
		assertThat(bulk("{\"status\":\"ACCEPTED\",\"answeredAs\":\"NOTED\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.answered")
			.isEqualTo(1);

		assertThat(statusOf(inOne.get(0))).isEqualTo("ACCEPTED");
		assertThat(statusOf(inOne.get(1))).isEqualTo("OUT_OF_SCOPE");
		assertThat(statusOf(inTwo)).isEqualTo("null");
		assertThat(stats()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.responses.answered").isEqualTo(3);
			assertThat(json).extractingPath("$.responses.answerable").isEqualTo(4);
		});
	}

	@Test
	void aFormLetterCampaignIsOneGroupThatOneAnswerReachesWhole() throws Exception {
		List<String> campaign = CampaignTexts.campaign(500, 11);
		List<String> own = CampaignTexts.ownWords(500, 12);
		List<UUID> campaignIds = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			campaignIds.add(stored(1 + i % 2, campaign.get(i), 2 * i));
			stored(1 + i % 2, own.get(i), 2 * i + 1);
		}

		MvcTestResult groups = this.mvc.get()
			.uri("/api/discussions/{id}/comment-groups", this.discussion)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.exchange();

		assertThat(groups).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.length()").isEqualTo(1);
			assertThat(json).extractingPath("$[0].size").isEqualTo(500);
			assertThat(json).extractingPath("$[0].representative.id").isEqualTo(campaignIds.get(0).toString());
			assertThat(json).extractingPath("$[0].representative.text").isEqualTo(campaign.get(0));
			assertThat(json).extractingPath("$[0].commentIds")
				.asArray()
				.containsExactlyElementsOf(campaignIds.stream().map(UUID::toString).toList());
		});
		String groupId = com.jayway.jsonpath.JsonPath.read(groups.getResponse().getContentAsString(), "$[0].id");
		assertThat(this.mvc.put()
			.uri("/api/comment-groups/{id}/response", groupId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"NOT_ACCEPTED\",\"text\":\"The meadows are kept out of the plan anyway.\"}")
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.with(csrf())).hasStatusOk().bodyJson().extractingPath("$.answered").isEqualTo(500);
		assertThat(stats()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.responses.answered").isEqualTo(500);
			assertThat(json).extractingPath("$.responses.answerable").isEqualTo(1000);
		});
		assertThat(this.jdbc.sql("select count(*) from notification where discussion_id = :d and cause = 'RESPONSE'")
			.param("d", this.discussion)
			.query(Integer.class)
			.single()).isEqualTo(500);
		assertThat(this.mvc.get()
			.uri("/api/discussions/{id}/sections/1/comments", this.discussion)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).bodyJson()
			.extractingPath("$[0].group.size")
			.isEqualTo(500);
	}

	@Test
	void commentsEachInTheirOwnWordsFormNoGroup() {
		List<String> own = CampaignTexts.ownWords(500, 13);
		for (int i = 0; i < 500; i++) {
			stored(1, own.get(i), i);
		}

		assertThat(this.mvc.get()
			.uri("/api/discussions/{id}/comment-groups", this.discussion)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@Test
	void theQueueListsHeldAndFlaggedCommentsOldestFirstAndOrganisersSeeTrueCounts() {
		this.discussions.premoderate(this.discussion, true);
		UUID flagged = stored(1, "Shown, then flagged.", 1);
		MockHttpSession ana = signIn("ana-" + UUID.randomUUID() + "@example.org");
		String held = comment(ana, 1, "Held for approval.");
		MockHttpSession bo = signIn("bo-" + UUID.randomUUID() + "@example.org");
		assertThat(this.mvc.post().uri("/api/comments/{id}/flags", flagged).session(bo).with(csrf())).hasStatus(204);

		assertThat(queue()).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.held").isEqualTo(1);
			assertThat(json).extractingPath("$.flagged").isEqualTo(1);
			assertThat(json).extractingPath("$.comments[0].id").isEqualTo(held);
			assertThat(json).extractingPath("$.comments[0].reason").isEqualTo("WAITING");
			assertThat(json).extractingPath("$.comments[1].id").isEqualTo(flagged.toString());
			assertThat(json).extractingPath("$.comments[1].reason").isEqualTo("FLAGGED");
		});
		assertThat(this.mvc.get()
			.uri("/api/discussions/{id}/sections", this.discussion)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$[0].comments").isEqualTo(1);
				assertThat(json).extractingPath("$[0].waiting").isEqualTo(1);
			});
		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion)).bodyJson()
			.satisfies(json -> assertThat(json).doesNotHavePath("$[0].waiting"));
		assertThat(this.mvc.get()
			.uri("/discussions/{id}", this.discussion)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).hasStatusOk()
			.bodyText()
			.contains("(1 waiting for approval)")
			.contains("Moderation queue (1 waiting, 1 flagged)");
		assertThat(this.jdbc.sql("select cause from notification where discussion_id = :d order by cause")
			.param("d", this.discussion)
			.query(String.class)
			.list()).containsExactly("FLAGGED", "WAITING");

		assertThat(this.mvc.post()
			.uri("/api/discussions/{id}/moderation", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"APPROVE\",\"commentIds\":[\"" + held + "\",\"" + flagged + "\"]}")
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.with(csrf())).hasStatusOk().bodyJson().extractingPath("$.changed").isEqualTo(2);

		assertThat(queue()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.held").isEqualTo(0);
			assertThat(json).extractingPath("$.comments.length()").isEqualTo(0);
		});
		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion)).bodyJson()
			.extractingPath("$[0].comments")
			.isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from outbox_message where payload like :id")
			.param("id", "%" + held + "%")
			.query(Integer.class)
			.single()).as("posted, then announced again once approved").isEqualTo(2);
	}

	@Test
	void statisticsAddDiscutosFigures() {
		MockHttpSession ana = signIn("ana-" + UUID.randomUUID() + "@example.org");
		MockHttpSession bo = signIn("bo-" + UUID.randomUUID() + "@example.org");
		MockHttpSession cy = signIn("cy-" + UUID.randomUUID() + "@example.org");
		vote(ana, 1, "AGREE");
		vote(bo, 1, "AGREE");
		vote(cy, 1, "DISAGREE");
		vote(ana, 2, "DISAGREE");

		assertThat(stats()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.positivePercent").isEqualTo(50);
			assertThat(json).extractingPath("$.negativePercent").isEqualTo(50);
			assertThat(json).extractingPath("$.negativeVotes").isEqualTo(2);
			assertThat(json).extractingPath("$.inVoting").isEqualTo(2);
			assertThat(json).extractingPath("$.supported").isEqualTo(1);
			assertThat(json).extractingPath("$.responseDeadline.shown").isEqualTo(false);
		});

		assertThat(this.mvc.put()
			.uri("/api/discussions/{id}/response-deadline", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dueAt\":\"" + OffsetDateTime.now().plusDays(10).minusHours(1) + "\"}")
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.with(csrf())).hasStatus(204);
		assertThat(TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner, "{\"status\":\"CLOSED\"}"))
			.hasStatusOk();

		assertThat(stats()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.inVoting").isEqualTo(0);
			assertThat(json).extractingPath("$.responseDeadline.chosen").isEqualTo(true);
			assertThat(json).extractingPath("$.responseDeadline.shown").isEqualTo(true);
			assertThat(json).extractingPath("$.responseDeadline.daysLeft").isEqualTo(10);
		});
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion)).hasStatusOk()
			.bodyText()
			.contains("Response due in 10 days")
			.contains("Responses published: 0 of 0");
	}

	private MvcTestResult answer(String commentId, String json) {
		return this.mvc.put()
			.uri("/api/comments/{id}/response", commentId)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult bulk(String json) {
		return this.mvc.post()
			.uri("/api/discussions/{id}/responses", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult stats() {
		return this.mvc.get().uri("/api/discussions/{id}/stats", this.discussion).exchange();
	}

	private MvcTestResult queue() {
		return this.mvc.get()
			.uri("/api/discussions/{id}/moderation", this.discussion)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.exchange();
	}

	private String statusOf(UUID comment) {
		return this.jdbc.sql("select response_status from comment where id = :c")
			.param("c", comment)
			.query((rs, row) -> String.valueOf(rs.getString(1)))
			.single();
	}

	private List<Map.Entry<String, String>> ledger(String comment) {
		return this.jdbc.sql("select cause, mode from notification where comment_id = :c")
			.param("c", UUID.fromString(comment))
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** A published comment by a participant of its own, stored as the web stores it. */
	private UUID stored(int section, String text, int second) {
		UUID author = this.participants.findOrCreate("p-" + UUID.randomUUID() + "@example.org", OffsetDateTime.now())
			.id();
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, this.discussion,
				this.discussions.sectionId(this.discussion, section).orElseThrow(), null, null, null, author, text,
				CommentState.PUBLISHED, 0, OffsetDateTime.now().minusDays(1).plusSeconds(second)));
		return id;
	}

	private void vote(MockHttpSession session, int section, String value) {
		assertThat(this.mvc.put()
			.uri("/api/discussions/{id}/sections/{n}/vote", this.discussion, section)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"" + value + "\"}")
			.session(session)
			.with(csrf())).hasStatus(204);
	}

	private String comment(MockHttpSession session, int section, String text) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/discussions/{id}/sections/{n}/comments", this.discussion, section)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + text + "\"}")
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus(201);
		return result.getResponse().getHeader("Location").substring("/api/comments/".length());
	}

	private MockHttpSession signIn(String email) {
		this.signInLinks.request(email, this.discussion, "test-" + UUID.randomUUID());
		UUID linkId = this.jdbc.sql("select id from sign_in_link where email = :e order by created_at desc limit 1")
			.param("e", email.toLowerCase())
			.query(UUID.class)
			.single();
		MvcTestResult result = this.mvc.get().uri("/sign-in/{token}", this.signInLinks.token(linkId)).exchange();
		assertThat(result).hasStatus(302);
		return (MockHttpSession) result.getRequest().getSession();
	}

}
