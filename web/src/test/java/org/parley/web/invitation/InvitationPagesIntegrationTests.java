package org.parley.web.invitation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.domain.test.InvitationLedgers;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@WebIntegrationTest
class InvitationPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	PasswordEncoder passwords;

	String owner;

	String other;

	UUID discussion;

	@BeforeEach
	void discussionWithItsOrganiser() {
		this.owner = organiser();
		this.other = organiser();
		this.discussion = this.discussions.addDraft(null, this.organisers.findByEmail(this.owner).orElseThrow().id(),
				"Strategy <2027>", new Outline("Strategy", null, List.of()), OffsetDateTime.now());
		// Invitations go out for a published discussion only.
		this.discussions
			.update(this.discussions.findById(this.discussion).orElseThrow().publish(java.time.Clock.systemUTC()));
	}

	@Test
	void discussionPageLinksItsOrganisersToTheInvitePage() {
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyText()
			.contains("href=\"/discussions/" + this.discussion + "/invitations\"");
	}

	@Test
	void invitePageOffersPasteUploadAndMessageWithTheTitleEscaped() {
		assertThat(
				this.mvc.get().uri("/discussions/{id}/invitations", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"emails\"", "id=\"file\"", "id=\"message\"", "/js/invite.js", "Strategy &lt;2027&gt;")
			.doesNotContain("Strategy <2027>");
	}

	@Test
	void invitePageOfADraftSaysToPublishFirst() {
		UUID draft = this.discussions.addDraft(null, this.organisers.findByEmail(this.owner).orElseThrow().id(),
				"Draft", new Outline("Draft", null, List.of()), OffsetDateTime.now());

		assertThat(this.mvc.get().uri("/discussions/{id}/invitations", draft).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"invite-draft\"", "Please publish it first");
		assertThat(
				this.mvc.get().uri("/discussions/{id}/invitations", this.discussion).with(httpBasic(this.owner, "pw")))
			.bodyText()
			.doesNotContain("id=\"invite-draft\"");
	}

	@Test
	void invitePageIsForTheDiscussionsOrganisersOnly() {
		assertThat(this.mvc.get().uri("/discussions/{id}/invitations", this.discussion).accept(MediaType.TEXT_HTML))
			.hasStatus(302)
			.headers()
			.hasHeaderSatisfying("Location", v -> assertThat(v).singleElement().asString().endsWith("/login"));
		assertThat(
				this.mvc.get().uri("/discussions/{id}/invitations", this.discussion).with(httpBasic(this.other, "pw")))
			.hasStatus(404);
	}

	@Test
	void batchPageIsForSignedInOrganisersOnly() {
		InvitationBatch batch = batchWithLedger(1, DeliveryStatus.SENT);

		assertThat(this.mvc.get().uri("/invitation-batches/{id}", batch.id()).accept(MediaType.TEXT_HTML))
			.hasStatus(302)
			.headers()
			.hasHeaderSatisfying("Location", v -> assertThat(v).singleElement().asString().endsWith("/login"));
		assertThat(this.mvc.get().uri("/invitation-batches/{id}", batch.id()).with(httpBasic(this.other, "pw")))
			.hasStatus(404);
	}

	@Test
	void invitePageShowsTheCountsOfEachEarlierBatch() {
		InvitationBatch older = batchWithLedger(3, DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.FAILED);
		InvitationBatch newer = batchWithLedger(4, DeliveryStatus.FAILED, DeliveryStatus.QUEUED);

		assertThat(
				this.mvc.get().uri("/discussions/{id}/invitations", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyText()
			.containsSubsequence("/invitation-batches/" + newer.id(), "4 invitees: 0 sent, 1 failed",
					"/invitation-batches/" + older.id(), "3 invitees: 2 sent, 1 failed");
	}

	@Test
	void batchPageShowsTheCountsAndTheQueuedMessage() {
		MvcTestResult sent = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\": [\"a@example.org\", \"b@example.org\"]}")
			.with(httpBasic(this.owner, "pw"))
			.exchange();
		String batch = sent.getResponse().getHeader("Location").substring("/api/invitation-batches/".length());

		assertThat(this.mvc.get().uri("/invitation-batches/{id}", batch).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyText()
			.contains("data-batch-id=\"" + batch + "\"", "id=\"count-total\">2<", "id=\"count-queued\">2<",
					"Your invites are being queued for sending. This might take some time depending on the number of invites",
					"/js/invitation-batch.js");
		assertThat(this.mvc.get().uri("/invitation-batches/{id}", batch).with(httpBasic(this.other, "pw")))
			.hasStatus(404);
		assertThat(
				this.mvc.get().uri("/discussions/{id}/invitations", this.discussion).with(httpBasic(this.owner, "pw")))
			.bodyText()
			.contains("/invitation-batches/" + batch);
	}

	private InvitationBatch batchWithLedger(int entries, DeliveryStatus... statuses) {
		UUID ownerId = this.organisers.findByEmail(this.owner).orElseThrow().id();
		return new InvitationLedgers(this.batches, this.deliveries).batch(this.discussion, ownerId, entries, statuses);
	}

	private String organiser() {
		return TestOrganisers.add(this.organisers, this.passwords, "inviter", "I").email();
	}

}
