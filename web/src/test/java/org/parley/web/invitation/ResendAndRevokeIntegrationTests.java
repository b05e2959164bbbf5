package org.parley.web.invitation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InvitationLink;
import org.parley.domain.invitation.Invitee;
import org.parley.domain.invitation.InviteeList;
import org.parley.domain.invitation.SuppressionReason;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@WebIntegrationTest
@TestPropertySource(properties = "parley.invitation.link-secret=" + ResendAndRevokeIntegrationTests.LINK_SECRET)
class ResendAndRevokeIntegrationTests {

	static final String LINK_SECRET = "resend-revoke-test-secret-0123456789abcdef";

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
	SuppressionRepository suppressions;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	String owner;

	UUID discussion;

	UUID batch;

	@BeforeEach
	void privateDiscussionWithABatch() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategy",
				new Outline("Strategy", null,
						List.of(new OutlineSection("1.", "Goals", 1, List.of(Block.paragraph("One."))))),
				OffsetDateTime.now());
		assertThat(patch("{\"status\":\"OPEN\"}")).hasStatusOk();
		assertThat(patch("{\"privacy\":\"PRIVATE\"}")).hasStatusOk();
		MvcTestResult sent = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\": [\"placeholder@example.org\"], \"message\": \"Please join\"}")
			.with(httpBasic(this.owner, "pw"))
			.exchange();
		this.batch = UUID
			.fromString(sent.getResponse().getHeader("Location").substring("/api/invitation-batches/".length()));
	}

	@Test
	void revokedLinkStopsWorkingAndThePrivateDiscussionClosesToTheInvitee() {
		String invitee = "invitee-" + UUID.randomUUID() + "@example.org";
		UUID delivery = row(1, invitee, null, DeliveryStatus.SENT);
		String link = new InvitationLink(LINK_SECRET)
			.sign(new InvitationLink.Claims(delivery, this.discussion, Instant.now().plusSeconds(3600)));
		MvcTestResult opened = this.mvc.get().uri("/invitations/{token}", link).exchange();
		assertThat(opened).hasStatus(302);
		MockHttpSession session = (MockHttpSession) opened.getRequest().getSession();
		assertThat(sections(session)).hasStatusOk();

		MvcTestResult revoked = this.mvc.post()
			.uri("/api/invitation-batches/{b}/recipients/{d}/revoke", this.batch, delivery)
			.with(httpBasic(this.owner, "pw"))
			.exchange();

		assertThat(revoked).hasStatusOk();
		assertThat(revoked).bodyJson().extractingPath("$.revoked").isEqualTo(true);
		assertThat(revoked).bodyJson().extractingPath("$.status").isEqualTo("SENT");
		assertThat(sections(session)).as("the invitee's open session").hasStatus(404);
		assertThat(this.mvc.get().uri("/invitations/{token}", link)).hasStatus(410)
			.bodyText()
			.contains("The organiser has withdrawn this invitation.");
		assertThat(this.deliveries.isInvited(this.discussion, invitee)).isFalse();
	}

	@Test
	void revokingAnInvitationNotYetSentFailsItSoNoWorkerSendsIt() {
		String invitee = "queued-" + UUID.randomUUID() + "@example.org";
		UUID delivery = row(1, invitee, null, DeliveryStatus.QUEUED);

		assertThat(this.mvc.post()
			.uri("/api/invitation-batches/{b}/recipients/{d}/revoke", this.batch, delivery)
			.with(httpBasic(this.owner, "pw"))).hasStatusOk();

		Delivery row = this.deliveries.findById(delivery).orElseThrow();
		assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(row.reason()).isEqualTo("Revoked by the organiser before it was sent");
		assertThat(row.isRevoked()).isTrue();
		OffsetDateTime now = OffsetDateTime.now();
		assertThat(this.deliveries.claim(delivery, now, now.plusMinutes(5))).isFalse();
		assertThat(this.deliveries.findDue(now.plusYears(1), 10_000)).extracting(Delivery::id).doesNotContain(delivery);
	}

	@Test
	void resendQueuesANewOneLineBatchWithTheSameMessageThroughTheOutbox() {
		String invitee = "failed-" + UUID.randomUUID() + "@example.org";
		UUID delivery = row(1, invitee, "Zoë \"Z\", Ana", DeliveryStatus.FAILED);

		MvcTestResult resent = this.mvc.post()
			.uri("/api/invitation-batches/{b}/recipients/{d}/resend", this.batch, delivery)
			.with(httpBasic(this.owner, "pw"))
			.exchange();

		assertThat(resent).hasStatus(202);
		assertThat(resent).bodyJson().extractingPath("$.total").isEqualTo(1);
		UUID newBatch = UUID
			.fromString(resent.getResponse().getHeader("Location").substring("/api/invitation-batches/".length()));
		assertThat(newBatch).isNotEqualTo(this.batch);
		assertThat(this.batches.findById(newBatch).orElseThrow().message()).isEqualTo("Please join");
		assertThat(this.batches.findById(newBatch).orElseThrow().discussionId()).isEqualTo(this.discussion);
		assertThat(InviteeList.parse(this.batches.content(newBatch).orElseThrow()).invitees())
			.containsExactly(new Invitee(1, invitee, "Zoë \"Z\", Ana"));
		assertThat(this.jdbc.sql("select count(*) from outbox_message where payload like :p")
			.param("p", "%" + newBatch + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void resendNeverReachesASuppressedAddressNorOneStillOnItsWay() {
		String unsubscribed = "gone-" + UUID.randomUUID() + "@example.org";
		UUID sent = row(1, unsubscribed, null, DeliveryStatus.SENT);
		this.suppressions.suppress(unsubscribed, SuppressionReason.UNSUBSCRIBED, "test", OffsetDateTime.now());
		UUID queued = row(2, "queued-" + UUID.randomUUID() + "@example.org", null, DeliveryStatus.QUEUED);
		int batchesBefore = this.batches.findByDiscussion(this.discussion, Integer.MAX_VALUE).size();

		assertThat(resend(sent)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo("SUPPRESSED");
		assertThat(resend(queued)).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo("STILL_SENDING");
		assertThat(this.batches.findByDiscussion(this.discussion, Integer.MAX_VALUE)).hasSize(batchesBefore);
	}

	@Test
	void onlyTheDiscussionsOrganisersMayResendOrRevoke() {
		UUID delivery = row(1, "someone-" + UUID.randomUUID() + "@example.org", null, DeliveryStatus.SENT);
		String other = TestOrganisers.add(this.organisers, this.passwords, "other", "X").email();

		assertThat(this.mvc.post()
			.uri("/api/invitation-batches/{b}/recipients/{d}/resend", this.batch, delivery)
			.with(httpBasic(other, "pw"))).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/api/invitation-batches/{b}/recipients/{d}/revoke", this.batch, delivery)
			.with(httpBasic(other, "pw"))).hasStatus(404);
		assertThat(this.deliveries.findById(delivery).orElseThrow().isRevoked()).isFalse();
	}

	private MvcTestResult resend(UUID delivery) {
		return this.mvc.post()
			.uri("/api/invitation-batches/{b}/recipients/{d}/resend", this.batch, delivery)
			.with(httpBasic(this.owner, "pw"))
			.exchange();
	}

	private MvcTestResult sections(MockHttpSession session) {
		return this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion).session(session).exchange();
	}

	/**
	 * A ledger row as the worker's fan-out writes it, at a line the placeholder list does
	 * not use.
	 */
	private UUID row(int line, String email, String name, DeliveryStatus status) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now();
		this.deliveries.addAll(List.of(new Delivery(id, this.batch, line + 100, email, email.toLowerCase(), name,
				status, (status == DeliveryStatus.FAILED) ? "550 No such user" : null, null, 1,
				(status == DeliveryStatus.QUEUED) ? now : null, false, null, "t-" + id, now,
				(status == DeliveryStatus.SENT) ? now : null, null)));
		return id;
	}

	private MvcTestResult patch(String json) {
		return TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner, json);
	}

}
