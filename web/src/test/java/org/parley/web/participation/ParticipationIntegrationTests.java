package org.parley.web.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InvitationLink;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.test.InvitationLedgers;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

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

@WebIntegrationTest
@org.springframework.test.context.TestPropertySource(
		properties = "parley.invitation.link-secret=" + ParticipationIntegrationTests.LINK_SECRET)
class ParticipationIntegrationTests {

	static final String LINK_SECRET = "participation-test-secret-0123456789abcdef";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	DeliveryRepository deliveries;

	String owner;

	UUID discussion;

	ParticipantRequests requests;

	@BeforeEach
	void openDiscussion() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategy", new Outline("Strategy", null,
				List.of(new OutlineSection("Strategic Goal 1:", "Lead", 1, List.of(Block.paragraph("One."))),
						new OutlineSection("1.1.", "Build", 2, List.of(Block.paragraph("A."), Block.paragraph("B."))))),
				OffsetDateTime.now());
		this.requests = new ParticipantRequests(this.mvc, this.signInLinks, this.jdbc, this.discussion);
		assertThat(patch("{\"status\":\"OPEN\"}")).hasStatusOk();
	}

	@Test
	void magicLinkSignsInAFewTimesAndAsksForAName() {
		String email = "Reader-" + UUID.randomUUID() + "@example.org";
		assertThat(this.mvc.post()
			.uri("/api/sign-in-links")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"discussionId\":\"" + this.discussion + "\"}")
			.with(csrf())).hasStatus(202);
		UUID linkId = this.jdbc.sql("select id from sign_in_link where email = :e")
			.param("e", email.toLowerCase())
			.query(UUID.class)
			.single();
		assertThat(this.jdbc
			.sql("select count(*) from outbox_message where routing_key = 'parley.sign-in.requested' "
					+ "and payload like :id")
			.param("id", "%" + linkId + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
		String token = this.signInLinks.token(linkId);

		MvcTestResult first = this.mvc.get().uri("/sign-in/{token}", token).exchange();
		assertThat(first).hasStatus(302)
			.headers()
			.hasHeaderSatisfying("Location",
					v -> assertThat(v).singleElement()
						.asString()
						.isEqualTo("/me/name?next=/discussions/" + this.discussion));

		// A mail scanner's GET does not use it up: it works three times in its half hour.
		assertThat(this.mvc.get().uri("/sign-in/{token}", token)).hasStatus(302);
		assertThat(this.mvc.get().uri("/sign-in/{token}", token)).hasStatus(302);
		assertThat(this.mvc.get().uri("/sign-in/{token}", token)).hasStatus(410);
		assertThat(this.mvc.get().uri("/sign-in/{token}", linkId + ".forged")).hasStatus(410);
	}

	@Test
	void votesAreCountedChangeableWithdrawableAndSecret() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		MockHttpSession bob = this.requests.signIn("bob-" + UUID.randomUUID() + "@example.org");

		assertThat(this.requests.vote(alice, 2, "AGREE")).hasStatus(204);
		assertThat(this.requests.vote(bob, 2, "AGREE")).hasStatus(204);
		assertThat(this.requests.vote(bob, 2, "DISAGREE")).hasStatus(204);
		assertThat(this.requests.vote(alice, 1, "DISAGREE")).hasStatus(204);
		assertThat(this.mvc.delete()
			.uri("/api/discussions/{id}/sections/1/vote", this.discussion)
			.session(alice)
			.with(csrf())).hasStatus(204);

		MvcTestResult stats = this.mvc.get()
			.uri("/api/discussions/{id}/stats", this.discussion)
			.session(alice)
			.exchange();
		assertThat(stats).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.positiveVotes").isEqualTo(1);
			assertThat(json).extractingPath("$.negativeVotes").isEqualTo(1);
			assertThat(json).extractingPath("$.positivePercent").isEqualTo(50);
			assertThat(json).extractingPath("$.mostVoted[0].section").isEqualTo(2);
			assertThat(json).extractingPath("$.myContributions.votedSections").asArray().containsExactly(2);
		});
		MvcTestResult organiserView = this.mvc.get()
			.uri("/api/discussions/{id}/stats", this.discussion)
			.with(httpBasic(this.owner, "pw"))
			.exchange();
		assertThat(organiserView.getResponse().getContentAsString()).doesNotContain("alice", "bob", "example.org");
	}

	@Test
	void commentsRepliesAndCommentVotesFormThreads() {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		MockHttpSession bob = this.requests.signIn("bob-" + UUID.randomUUID() + "@example.org");
		String hostile = "<script>alert('x')</script> see javascript:alert(1)";

		MvcTestResult posted = this.mvc.post()
			.uri("/api/discussions/{id}/sections/2/comments", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + hostile.replace("'", "\\u0027") + "\",\"paragraphNumber\":2}")
			.session(alice)
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus(201);
		String commentId = posted.getResponse().getHeader("Location").substring("/api/comments/".length());

		assertThat(this.mvc.post()
			.uri("/api/comments/{id}/replies", commentId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"I disagree,\\nfor two reasons.\"}")
			.session(bob)
			.with(csrf())).hasStatus(201);
		assertThat(this.mvc.put()
			.uri("/api/comments/{id}/vote", commentId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"UP\"}")
			.session(bob)
			.with(csrf())).hasStatus(204);

		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections/2/comments", this.discussion)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.length()").isEqualTo(1);
				assertThat(json).extractingPath("$[0].text").isEqualTo(hostile);
				assertThat(json).extractingPath("$[0].paragraphNumber").isEqualTo(2);
				assertThat(json).extractingPath("$[0].votes.up").isEqualTo(1);
				assertThat(json).extractingPath("$[0].replies[0].text").isEqualTo("I disagree,\nfor two reasons.");
			});
		assertThat(this.jdbc
			.sql("select count(*) from outbox_message where routing_key = 'parley.reply.posted' "
					+ "and payload like :id")
			.param("id", "%\"parentId\":\"" + commentId + "\"%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void approvingAHeldCommentAnnouncesItOnceAsAPostedOne() {
		assertThat(patch("{\"premoderated\":true}")).hasStatusOk();
		MockHttpSession carl = this.requests.signIn("carl-" + UUID.randomUUID() + "@example.org");
		MvcTestResult posted = this.mvc.post()
			.uri("/api/discussions/{id}/sections/2/comments", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Held until approved.\"}")
			.session(carl)
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus(201);
		String commentId = posted.getResponse().getHeader("Location").substring("/api/comments/".length());
		assertThat(announcements(commentId)).as("posted, held").isEqualTo(1);

		for (String state : new String[] { "PUBLISHED", "HIDDEN", "PUBLISHED" }) {
			assertThat(this.mvc.put()
				.uri("/api/comments/{id}/state", commentId)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"state\":\"" + state + "\"}")
				.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).hasStatus2xxSuccessful();
		}

		assertThat(announcements(commentId)).as("approved once; hiding and showing again announce nothing")
			.isEqualTo(2);
	}

	private int announcements(String commentId) {
		return this.jdbc
			.sql("select count(*) from outbox_message where routing_key = 'parley.reply.posted' and payload like :id")
			.param("id", "%\"replyId\":\"" + commentId + "\"%")
			.query(Integer.class)
			.single();
	}

	@Test
	void closedDiscussionRefusesVotesAndComments() {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		assertThat(patch("{\"status\":\"CLOSED\"}")).hasStatusOk();

		assertThat(this.requests.vote(alice, 1, "AGREE")).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("DISCUSSION_CLOSED");
		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.daysLeft")
			.isNull();
	}

	@Test
	void anonymousCannotVoteAndPrivateDiscussionsAreInvisible() {
		assertThat(this.mvc.put()
			.uri("/api/discussions/{id}/sections/1/vote", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"AGREE\"}")
			.with(csrf())).hasStatus(401);

		MockHttpSession stranger = this.requests.signIn("stranger-" + UUID.randomUUID() + "@example.org");
		assertThat(patch("{\"privacy\":\"PRIVATE\"}")).hasStatusOk();
		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections/1/comments", this.discussion).session(stranger))
			.hasStatus(404);
		assertThat(this.requests.vote(stranger, 1, "AGREE")).hasStatus(404);
	}

	@Test
	void privateDiscussionOpensToItsInviteesThroughTheirInvitationLink() {
		assertThat(patch("{\"privacy\":\"PRIVATE\"}")).hasStatusOk();
		String invitee = "invitee-" + UUID.randomUUID() + "@example.org";
		UUID delivery = new InvitationLedgers(this.batches, this.deliveries).sentInvitation(this.discussion,
				this.organisers.findByEmail(this.owner).orElseThrow().id(), invitee);
		String token = new InvitationLink(LINK_SECRET)
			.sign(new InvitationLink.Claims(delivery, this.discussion, java.time.Instant.now().plusSeconds(3600)));

		MvcTestResult opened = this.mvc.get().uri("/invitations/{token}", token).exchange();
		assertThat(opened).hasStatus(302);
		MockHttpSession session = (MockHttpSession) opened.getRequest().getSession();

		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion).session(session))
			.hasStatusOk();
		assertThat(this.requests.vote(session, 1, "AGREE")).hasStatus(204);
		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion)).hasStatus(404);

		String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
		this.signInLinks.request(stranger, this.discussion, "test");
		this.signInLinks.request(invitee, this.discussion, "test");
		assertThat(this.jdbc.sql("select count(*) from sign_in_link where email in (:a, :b)")
			.param("a", stranger)
			.param("b", invitee)
			.query(Integer.class)
			.single()).as("asked for alike; the invite-worker mails the invitee's only").isEqualTo(2);
	}

	@Test
	void aParticipantWithoutANameIsShownUnderANeutralOne() {
		String local = "quiet-reader-" + UUID.randomUUID().toString().substring(0, 8);
		MockHttpSession quiet = this.requests.signIn(local + "@example.org");
		assertThat(this.requests.comment(quiet, "Nameless point.")).hasStatus(201);

		MvcTestResult thread = this.mvc.get()
			.uri("/api/discussions/{id}/sections/1/comments", this.discussion)
			.exchange();
		MvcTestResult page = this.mvc.get().uri("/discussions/{id}", this.discussion).exchange();

		assertThat(thread).bodyJson().extractingPath("$[0].author").asString().startsWith("Participant ");
		assertThat(new String(thread.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain(local);
		assertThat(new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain(local);
	}

	@Test
	void overlongCommentsAndFloodsAreRefused() {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		assertThat(this.requests.comment(alice, "x".repeat(2001))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("COMMENT_TOO_LONG");
		for (int i = 0; i < 10; i++) {
			assertThat(this.requests.comment(alice, "Point " + i)).hasStatus(201);
		}
		assertThat(this.requests.comment(alice, "One too many")).hasStatus(429)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("RATE_LIMITED");
	}

	private MvcTestResult patch(String json) {
		return TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner, json);
	}

}
