package org.parley.web.participation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InvitationLink;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.test.InvitationLedgers;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every caller × every kind of discussion × every action, each cell asserted. 404 for a
 * discussion the caller may not see, so that nothing reveals it exists; 401 where signing
 * in would help.
 */
@WebIntegrationTest
@TestPropertySource(properties = "parley.invitation.link-secret=" + AuthorisationMatrixIntegrationTests.SECRET)
class AuthorisationMatrixIntegrationTests {

	static final String SECRET = "authorisation-matrix-secret-0123456789abcdef";

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

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	DeliveryRepository deliveries;

	String owner;

	String coOwner;

	@BeforeEach
	void organisers() {
		this.owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "owner").email();
		this.coOwner = TestOrganisers.add(this.organisers, this.passwords, "co-owner", "co-owner").email();
	}

	@ParameterizedTest(name = "{0} × {1} × {2} → {3}")
	@CsvSource({
			// caller, privacy, action, expected status
			"anonymous, PUBLIC, read, 200", "participant, PUBLIC, read, 200", "invitee, PUBLIC, read, 200",
			"organiser, PUBLIC, read, 200", "co-organiser, PUBLIC, read, 200", "anonymous, PRIVATE, read, 404",
			"participant, PRIVATE, read, 404", "invitee, PRIVATE, read, 200", "organiser, PRIVATE, read, 200",
			"co-organiser, PRIVATE, read, 200", "anonymous, PUBLIC, comments, 200",
			"participant, PRIVATE, comments, 404", "invitee, PRIVATE, comments, 200", "anonymous, PUBLIC, stats, 200",
			"anonymous, PRIVATE, stats, 404", "invitee, PRIVATE, stats, 200", "anonymous, PUBLIC, vote, 401",
			"participant, PUBLIC, vote, 204", "invitee, PUBLIC, vote, 204", "organiser, PUBLIC, vote, 204",
			"co-organiser, PUBLIC, vote, 204", "anonymous, PRIVATE, vote, 401", "participant, PRIVATE, vote, 404",
			"invitee, PRIVATE, vote, 204", "organiser, PRIVATE, vote, 204", "co-organiser, PRIVATE, vote, 204",
			"anonymous, PUBLIC, comment, 401", "participant, PUBLIC, comment, 201", "invitee, PRIVATE, comment, 201",
			"participant, PRIVATE, comment, 404", "organiser, PRIVATE, comment, 201", "anonymous, PUBLIC, reply, 401",
			"participant, PUBLIC, reply, 201", "participant, PRIVATE, reply, 404", "invitee, PRIVATE, reply, 201",
			"co-organiser, PRIVATE, reply, 201", "anonymous, PUBLIC, comment-vote, 401",
			"participant, PUBLIC, comment-vote, 204", "participant, PRIVATE, comment-vote, 404",
			"invitee, PRIVATE, comment-vote, 204", "anonymous, PUBLIC, settings, 401",
			"participant, PUBLIC, settings, 404", "invitee, PRIVATE, settings, 404", "organiser, PUBLIC, settings, 200",
			"co-organiser, PRIVATE, settings, 200", "anonymous, PUBLIC, moderate, 401",
			"participant, PUBLIC, moderate, 404", "invitee, PRIVATE, moderate, 404",
			"organiser, PRIVATE, moderate, 204", "co-organiser, PUBLIC, moderate, 204",
			"anonymous, PUBLIC, invite, 401", "participant, PUBLIC, invite, 404", "invitee, PRIVATE, invite, 404",
			"organiser, PUBLIC, invite, 202", "co-organiser, PRIVATE, invite, 202",
			"anonymous, PUBLIC, add-organiser, 401", "participant, PUBLIC, add-organiser, 404",
			"organiser, PRIVATE, add-organiser, 204", "co-organiser, PUBLIC, add-organiser, 204" })
	void everyCallerSeesAndDoesExactlyWhatTheyMay(String caller, String privacy, String action, int expected) {
		UUID discussion = openDiscussion(privacy);
		UUID comment = existingComment(discussion);
		UnaryOperator<MockMvcRequestBuilder> as = as(caller, discussion);

		MockMvcRequestBuilder request = switch (action) {
			case "read" -> this.mvc.get().uri("/api/discussions/{id}/sections", discussion);
			case "comments" -> this.mvc.get().uri("/api/discussions/{id}/sections/1/comments", discussion);
			case "stats" -> this.mvc.get().uri("/api/discussions/{id}/stats", discussion);
			case "vote" ->
				json(this.mvc.put().uri("/api/discussions/{id}/sections/1/vote", discussion), "{\"value\":\"AGREE\"}");
			case "comment" -> json(this.mvc.post().uri("/api/discussions/{id}/sections/1/comments", discussion),
					"{\"text\":\"A point.\"}");
			case "reply" -> json(this.mvc.post().uri("/api/comments/{id}/replies", comment), "{\"text\":\"Indeed.\"}");
			case "comment-vote" -> json(this.mvc.put().uri("/api/comments/{id}/vote", comment), "{\"value\":\"UP\"}");
			case "settings" ->
				json(this.mvc.patch().uri("/api/discussions/{id}", discussion), "{\"title\":\"Renamed\"}");
			case "moderate" -> json(this.mvc.put().uri("/api/comments/{id}/state", comment), "{\"state\":\"HIDDEN\"}");
			case "invite" -> json(this.mvc.post().uri("/api/discussions/{id}/invitations", discussion),
					"{\"emails\":[\"someone@example.org\"]}");
			case "add-organiser" -> json(this.mvc.post().uri("/api/discussions/{id}/organisers", discussion),
					"{\"email\":\"" + this.coOwner + "\"}");
			default -> throw new IllegalArgumentException(action);
		};

		assertThat(as.apply(request).with(csrf())).hasStatus(expected);
	}

	private UnaryOperator<MockMvcRequestBuilder> as(String caller, UUID discussion) {
		return switch (caller) {
			case "anonymous" -> r -> r;
			case "organiser" -> r -> r.with(httpBasic(this.owner, "pw"));
			case "co-organiser" -> r -> r.with(httpBasic(this.coOwner, "pw"));
			case "participant" -> {
				MockHttpSession session = magicLinkSession("participant-" + UUID.randomUUID() + "@example.org");
				yield r -> r.session(session);
			}
			case "invitee" -> {
				MockHttpSession session = invitationSession(discussion);
				yield r -> r.session(session);
			}
			default -> throw new IllegalArgumentException(caller);
		};
	}

	private UUID openDiscussion(String privacy) {
		UUID ownerId = this.organisers.findByEmail(this.owner).orElseThrow().id();
		UUID id = this.discussions.addDraft(null, ownerId, "Matrix",
				new Outline("Matrix", null,
						List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("Text."))))),
				OffsetDateTime.now());
		this.discussions.addOrganiser(id, this.organisers.findByEmail(this.coOwner).orElseThrow().id());
		var draft = this.discussions.findById(id).orElseThrow();
		this.discussions.update(draft.withPrivacy(org.parley.domain.discussion.Privacy.valueOf(privacy))
			.publish(java.time.Clock.systemUTC()));
		return id;
	}

	private UUID existingComment(UUID discussion) {
		var author = this.participants.findOrCreate("author-" + UUID.randomUUID() + "@example.org",
				OffsetDateTime.now());
		UUID id = UUID.randomUUID();
		UUID section = this.discussions.sectionId(discussion, 1).orElseThrow();
		this.comments.add(new Comment(id, discussion, section, null, null, null, author.id(), "First.",
				CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		return id;
	}

	private MockHttpSession magicLinkSession(String email) {
		this.signInLinks.request(email, null, null);
		UUID link = this.jdbc.sql("select id from sign_in_link where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
		return (MockHttpSession) this.mvc.get()
			.uri("/sign-in/{token}", this.signInLinks.token(link))
			.exchange()
			.getRequest()
			.getSession();
	}

	private MockHttpSession invitationSession(UUID discussion) {
		String email = "invitee-" + UUID.randomUUID() + "@example.org";
		UUID delivery = new InvitationLedgers(this.batches, this.deliveries).sentInvitation(discussion,
				this.organisers.findByEmail(this.owner).orElseThrow().id(), email);
		String token = new InvitationLink(SECRET)
			.sign(new InvitationLink.Claims(delivery, discussion, Instant.now().plusSeconds(3600)));
		return (MockHttpSession) this.mvc.get().uri("/invitations/{token}", token).exchange().getRequest().getSession();
	}

	private static MockMvcRequestBuilder json(MockMvcRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
