package org.parley.web.invitation;

import java.nio.charset.StandardCharsets;
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
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@WebIntegrationTest
class InvitationControllerIntegrationTests {

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

	UUID discussion;

	@BeforeEach
	void organiserWithADiscussion() {
		UUID admin = TestOrganisers.ensureAdmin(this.organisers, this.passwords);
		TestOrganisers.ensure(this.organisers, this.passwords, "other@parley.test", "other-secret", "Other");
		this.discussion = this.discussions.addDraft(null, admin, "Strategy", new Outline("Strategy", null, List.of()),
				OffsetDateTime.now());
		// Invitations go out for a published discussion only.
		this.discussions
			.update(this.discussions.findById(this.discussion).orElseThrow().publish(java.time.Clock.systemUTC()));
	}

	@Test
	void invitationsForADraftAreRefused() {
		UUID admin = this.organisers.findByEmail(TestOrganisers.ADMIN).orElseThrow().id();
		UUID draft = this.discussions.addDraft(null, admin, "Draft", new Outline("Draft", null, List.of()),
				OffsetDateTime.now());

		assertThat(this.mvc.post()
			.uri("/api/discussions/{id}/invitations", draft)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\":[\"ana@example.org\"]}")
			.with(httpBasic(TestOrganisers.ADMIN, TestOrganisers.ADMIN_PASSWORD))).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("DISCUSSION_NOT_PUBLISHED");
		assertThat(this.jdbc.sql("select count(*) from invitation_batch where discussion_id = :d")
			.param("d", draft)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void jsonListIsStoredAndAcceptedWithItsTotal() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"emails\": [\"a@example.org\", \"b@example.org\", \"not-an-address\"], \"message\": \"Join us\"}")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(202);
		String location = result.getResponse().getHeader("Location");
		assertThat(location).startsWith("/api/invitation-batches/");
		assertThat(result).bodyJson().extractingPath("$.state").isEqualTo("QUEUED");
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.queued").isEqualTo(3);
		assertThat(result).bodyJson()
			.extractingPath("$.message")
			.isEqualTo(
					"Your invites are being queued for sending. This might take some time depending on the number of invites");
		UUID id = UUID.fromString(location.substring("/api/invitation-batches/".length()));
		assertThat(this.batches.findById(id)).get().extracting(b -> b.message()).isEqualTo("Join us");
		assertThat(this.jdbc.sql("select count(*) from outbox_message where payload like :p")
			.param("p", "%" + id + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);

		assertThat(this.mvc.get().uri(location).with(httpBasic("admin@parley.test", "admin-secret"))).bodyJson()
			.extractingPath("$.total")
			.isEqualTo(3);
	}

	@Test
	void csvUploadWithBomAndHeaderIsCounted() {
		byte[] csv = "\uFEFFemail;name\r\nana@example.org;Ana\r\nbo@example.org;Bo\r\n"
			.getBytes(StandardCharsets.UTF_8);

		MvcTestResult result = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.multipart()
			.file(new MockMultipartFile("file", "invitees.csv", "text/csv", csv))
			.param("message", "Hello")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(202);
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(2);
	}

	@Test
	void onlyTheDiscussionsOrganisersMayInviteOrReadTheBatch() {
		MvcTestResult other = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\": [\"a@example.org\"]}")
			.with(httpBasic("other@parley.test", "other-secret"))
			.exchange();
		assertThat(other).hasStatus(404);
		assertThat(other).bodyJson().extractingPath("$.code").isEqualTo("NOT_FOUND");

		MvcTestResult mine = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\": [\"a@example.org\"]}")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();
		String location = mine.getResponse().getHeader("Location");
		assertThat(this.mvc.get().uri(location).with(httpBasic("other@parley.test", "other-secret"))).hasStatus(404);
		assertThat(this.mvc.get().uri(location + "/recipients").with(httpBasic("other@parley.test", "other-secret")))
			.hasStatus(404);
	}

	@Test
	void emptyListIsRefusedWithAProblem() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\": []}")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("EMPTY_LIST");
	}

	@Test
	void recipientsAreListedByStatusWithTheirReason() {
		UUID batchId = batchWithRows();

		MvcTestResult result = this.mvc.get()
			.uri("/api/invitation-batches/{id}/recipients?status=FAILED", batchId)
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$[0].email").isEqualTo("bounced@example.org");
		assertThat(result).bodyJson().extractingPath("$[0].reason").isEqualTo("550 User unknown");
		assertThat(result).bodyJson().extractingPath("$.length()").isEqualTo(1);
	}

	@Test
	void oneClickUnsubscribeSuppressesTheAddressAtOnce() {
		String token = "tok-" + UUID.randomUUID();
		String key = "unsubscriber-" + token + "@example.org";
		UUID batchId = batchWithRows();
		OffsetDateTime now = OffsetDateTime.now();
		this.deliveries.addAll(List.of(new Delivery(UUID.randomUUID(), batchId, 3, key, key, null, DeliveryStatus.SENT,
				null, null, 1, null, false, null, token, now, now, null)));

		assertThat(this.mvc.get().uri("/unsubscribe/{t}", token)).hasStatus(200);
		assertThat(this.suppressions.isSuppressed(key)).isFalse();

		MvcTestResult result = this.mvc.post()
			.uri("/unsubscribe/{t}", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")
			.exchange();

		assertThat(result).hasStatus(200);
		assertThat(this.suppressions.isSuppressed(key)).isTrue();
		assertThat(this.mvc.post().uri("/unsubscribe/unknown-token")).hasStatus(404);
	}

	private UUID batchWithRows() {
		MvcTestResult mine = this.mvc.post()
			.uri("/api/discussions/{id}/invitations", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"emails\": [\"bounced@example.org\", \"queued@example.org\"]}")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();
		UUID batchId = UUID
			.fromString(mine.getResponse().getHeader("Location").substring("/api/invitation-batches/".length()));
		OffsetDateTime now = OffsetDateTime.now();
		this.deliveries.addAll(List.of(
				new Delivery(UUID.randomUUID(), batchId, 1, "bounced@example.org", "bounced@example.org", null,
						DeliveryStatus.FAILED, "550 User unknown", 550, 1, null, false, null, null, now, null, null),
				new Delivery(UUID.randomUUID(), batchId, 2, "queued@example.org", "queued@example.org", null,
						DeliveryStatus.QUEUED, null, null, 0, now, false, null, null, now, null, null)));
		return batchId;
	}

}
