package org.parley.web.participation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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
			"anonymous, PRIVATE, stats, 404", "invitee, PRIVATE, stats, 200", "anonymous, PRIVATE, events, 404",
			"participant, PRIVATE, events, 404", "anonymous, PUBLIC, vote, 401", "participant, PUBLIC, vote, 204",
			"invitee, PUBLIC, vote, 204", "organiser, PUBLIC, vote, 204", "co-organiser, PUBLIC, vote, 204",
			"anonymous, PRIVATE, vote, 401", "participant, PRIVATE, vote, 404", "invitee, PRIVATE, vote, 204",
			"organiser, PRIVATE, vote, 204", "co-organiser, PRIVATE, vote, 204", "anonymous, PUBLIC, comment, 401",
			"participant, PUBLIC, comment, 201", "invitee, PRIVATE, comment, 201", "participant, PRIVATE, comment, 404",
			"organiser, PRIVATE, comment, 201", "anonymous, PUBLIC, reply, 401", "participant, PUBLIC, reply, 201",
			"participant, PRIVATE, reply, 404", "invitee, PRIVATE, reply, 201", "co-organiser, PRIVATE, reply, 201",
			"anonymous, PUBLIC, comment-vote, 401", "participant, PUBLIC, comment-vote, 204",
			"participant, PRIVATE, comment-vote, 404", "invitee, PRIVATE, comment-vote, 204",
			"anonymous, PUBLIC, settings, 401", "participant, PUBLIC, settings, 404", "invitee, PRIVATE, settings, 404",
			"organiser, PUBLIC, settings, 200", "co-organiser, PRIVATE, settings, 200",
			"anonymous, PUBLIC, moderate, 401", "participant, PUBLIC, moderate, 404", "invitee, PRIVATE, moderate, 404",
			"organiser, PRIVATE, moderate, 204", "co-organiser, PUBLIC, moderate, 204",
			"anonymous, PUBLIC, invite, 401", "participant, PUBLIC, invite, 404", "invitee, PRIVATE, invite, 404",
			"organiser, PUBLIC, invite, 202", "co-organiser, PRIVATE, invite, 202",
			"anonymous, PUBLIC, add-organiser, 401", "participant, PUBLIC, add-organiser, 404",
			"organiser, PRIVATE, add-organiser, 204", "co-organiser, PUBLIC, add-organiser, 204",
			"anonymous, PUBLIC, answer, 401", "participant, PUBLIC, answer, 404", "invitee, PRIVATE, answer, 404",
			"organiser, PRIVATE, answer, 200", "co-organiser, PUBLIC, answer, 200",
			"anonymous, PUBLIC, comment-groups, 401", "participant, PUBLIC, comment-groups, 404",
			"invitee, PRIVATE, comment-groups, 404", "organiser, PRIVATE, comment-groups, 200",
			"anonymous, PUBLIC, moderation, 401", "participant, PUBLIC, moderation, 404",
			"co-organiser, PRIVATE, moderation, 200", "anonymous, PUBLIC, revisions, 200",
			"participant, PRIVATE, revisions, 404", "invitee, PRIVATE, revisions, 200",
			"organiser, PRIVATE, revisions, 200", "anonymous, PUBLIC, revision-outline, 200",
			"participant, PRIVATE, revision-outline, 404", "invitee, PRIVATE, revision-outline, 200",
			"anonymous, PUBLIC, matches, 200", "participant, PRIVATE, matches, 404",
			"co-organiser, PRIVATE, matches, 200", "anonymous, PUBLIC, removed-text, 200",
			"participant, PRIVATE, removed-text, 404", "invitee, PRIVATE, removed-text, 200",
			"anonymous, PUBLIC, publish-revision, 401", "participant, PUBLIC, publish-revision, 404",
			"invitee, PRIVATE, publish-revision, 404", "organiser, PUBLIC, publish-revision, 409",
			"anonymous, PUBLIC, reimport, 401", "participant, PUBLIC, reimport, 404", "invitee, PRIVATE, reimport, 404",
			"anonymous, PUBLIC, led-to, 401", "participant, PUBLIC, led-to, 404", "invitee, PRIVATE, led-to, 404",
			"organiser, PUBLIC, led-to, 204", "co-organiser, PRIVATE, led-to, 204", "anonymous, PUBLIC, pair, 401",
			"participant, PUBLIC, pair, 404", "organiser, PUBLIC, pair, 409", "anonymous, PUBLIC, meaning, 401",
			"participant, PUBLIC, meaning, 404", "organiser, PRIVATE, meaning, 409" })
	void everyCallerSeesAndDoesExactlyWhatTheyMay(String caller, String privacy, String action, int expected) {
		UUID discussion = openDiscussion(privacy);
		UUID comment = existingComment(discussion);
		UnaryOperator<MockMvcRequestBuilder> as = as(caller, discussion);

		MockMvcRequestBuilder request = switch (action) {
			case "read" -> this.mvc.get().uri("/api/discussions/{id}/sections", discussion);
			case "comments" -> this.mvc.get().uri("/api/discussions/{id}/sections/1/comments", discussion);
			case "stats" -> this.mvc.get().uri("/api/discussions/{id}/stats", discussion);
			// The streams that may open are tested over real HTTP
			// (LiveDiscussionIntegrationTests): MockMvc holds no live connection.
			case "events" -> this.mvc.get().uri("/api/discussions/{id}/events", discussion);
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
			case "answer" -> json(this.mvc.put().uri("/api/comments/{id}/response", comment),
					"{\"status\":\"NOTED\",\"text\":\"Thank you.\"}");
			case "comment-groups" -> this.mvc.get().uri("/api/discussions/{id}/comment-groups", discussion);
			case "moderation" -> this.mvc.get().uri("/api/discussions/{id}/moderation", discussion);
			case "add-organiser" -> json(this.mvc.post().uri("/api/discussions/{id}/organisers", discussion),
					"{\"email\":\"" + this.coOwner + "\"}");
			case "revisions" -> this.mvc.get().uri("/api/discussions/{id}/revisions", discussion);
			case "revision-outline" -> this.mvc.get().uri("/api/discussions/{id}/sections?revision=1", discussion);
			case "matches" -> this.mvc.get().uri("/api/discussions/{id}/revisions/1/matches", discussion);
			case "removed-text" -> this.mvc.get().uri("/api/discussions/{id}/removed-text-comments", discussion);
			// Revision 1 is published already: publishing it again is refused.
			case "publish-revision" -> this.mvc.post().uri("/api/discussions/{id}/revisions/1/publish", discussion);
			case "reimport" ->
				json(this.mvc.post().uri("/api/discussions/{id}/revisions", discussion), "{\"driveFileId\":\"abc\"}");
			case "led-to" -> json(this.mvc.put().uri("/api/comments/{id}/led-to", comment), "{\"revision\":1}");
			case "pair" -> json(
					this.mvc.put()
						.uri("/api/discussions/{id}/revisions/1/paragraphs/{p}/pair", discussion, UUID.randomUUID()),
					"{\"from\":null}");
			case "meaning" -> json(
					this.mvc.put()
						.uri("/api/discussions/{id}/revisions/1/paragraphs/{p}/meaning", discussion, UUID.randomUUID()),
					"{\"meaningChanged\":true}");
			default -> throw new IllegalArgumentException(action);
		};

		assertThat(as.apply(request).with(csrf())).hasStatus(expected);
	}

	/**
	 * Every endpoint the web serves, with who may call it: PUBLIC (anyone), TOKEN (anyone
	 * with the token in the path), SIGNED_IN (any participant or organiser) or ORGANISER.
	 * The cells above go deeper for the participation endpoints; this row per endpoint
	 * makes sure none is forgotten: a new endpoint without a row fails
	 * {@link #everyEndpointTheWebServesHasARow}.
	 */
	static final Map<String, String> ENDPOINTS = Map.ofEntries(Map.entry("ANY /error", "PUBLIC"),
			Map.entry("GET /", "PUBLIC"), Map.entry("GET /login", "PUBLIC"), Map.entry("GET /accessibility", "PUBLIC"),
			Map.entry("POST /accessibility/barriers", "PUBLIC"), Map.entry("GET /accessibility/reports", "ORGANISER"),
			Map.entry("PUT /api/me/language", "SIGNED_IN"), Map.entry("GET /discussions/{id}", "PUBLIC"),
			Map.entry("GET /api/discussions", "PUBLIC"), Map.entry("GET /api/discussions/{id}", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/sections", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/sections/{number}/comments", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/stats", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/events", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/removed-sections", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/revisions", "PUBLIC"),
			Map.entry("GET /discussions/{id}/versions", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/revisions/{n}/matches", "PUBLIC"),
			Map.entry("GET /api/discussions/{id}/removed-text-comments", "PUBLIC"),
			Map.entry("POST /api/discussions/{id}/revisions", "ORGANISER"),
			Map.entry("PUT /api/discussions/{id}/revisions/{n}/paragraphs/{paragraphId}/pair", "ORGANISER"),
			Map.entry("PUT /api/discussions/{id}/revisions/{n}/paragraphs/{paragraphId}/meaning", "ORGANISER"),
			Map.entry("POST /api/discussions/{id}/revisions/{n}/publish", "ORGANISER"),
			Map.entry("PUT /api/comments/{id}/led-to", "ORGANISER"), Map.entry("POST /api/sign-in-links", "PUBLIC"),
			Map.entry("GET /sign-in/{token}", "TOKEN"), Map.entry("POST /sign-in/{token}", "TOKEN"),
			Map.entry("GET /invitations/{token}", "TOKEN"), Map.entry("GET /unsubscribe/{token}", "TOKEN"),
			Map.entry("POST /unsubscribe/{token}", "TOKEN"),
			Map.entry("GET /unsubscribe/notifications/{token}", "TOKEN"),
			Map.entry("POST /unsubscribe/notifications/{token}", "TOKEN"), Map.entry("GET /me/name", "SIGNED_IN"),
			Map.entry("POST /me/name", "SIGNED_IN"), Map.entry("GET /me/notifications", "SIGNED_IN"),
			Map.entry("POST /me/notifications", "SIGNED_IN"),
			Map.entry("GET /api/me/notification-settings", "SIGNED_IN"),
			Map.entry("PUT /api/me/notification-settings", "SIGNED_IN"),
			Map.entry("PUT /api/discussions/{id}/follow", "SIGNED_IN"),
			Map.entry("DELETE /api/discussions/{id}/follow", "SIGNED_IN"),
			Map.entry("POST /discussions/{id}/follow", "SIGNED_IN"),
			Map.entry("PUT /api/discussions/{id}/sections/{number}/vote", "SIGNED_IN"),
			Map.entry("DELETE /api/discussions/{id}/sections/{number}/vote", "SIGNED_IN"),
			Map.entry("POST /api/discussions/{id}/sections/{number}/comments", "SIGNED_IN"),
			Map.entry("POST /api/comments/{id}/replies", "SIGNED_IN"),
			Map.entry("PUT /api/comments/{id}/vote", "SIGNED_IN"),
			Map.entry("POST /api/comments/{id}/flags", "SIGNED_IN"),
			Map.entry("PUT /api/comments/{id}/state", "ORGANISER"),
			Map.entry("PATCH /api/discussions/{id}", "ORGANISER"),
			Map.entry("POST /api/discussions/{id}/outline/edits", "ORGANISER"),
			Map.entry("DELETE /api/discussions/{id}", "ORGANISER"),
			Map.entry("POST /discussions/{id}/delete", "ORGANISER"), Map.entry("GET /discussions", "PUBLIC"),
			Map.entry("POST /api/discussions/{id}/organisers", "ORGANISER"),
			Map.entry("POST /discussions/{id}/settings", "ORGANISER"),
			Map.entry("POST /discussions/{id}/status", "ORGANISER"),
			Map.entry("POST /discussions/{id}/outline/edits", "ORGANISER"),
			Map.entry("GET /discussions/{id}/invitations", "ORGANISER"),
			Map.entry("GET /invitation-batches/{id}", "ORGANISER"),
			Map.entry("POST /api/discussions/{id}/invitations", "ORGANISER"),
			Map.entry("GET /api/invitation-batches/{id}", "ORGANISER"),
			Map.entry("GET /api/invitation-batches/{id}/events", "ORGANISER"),
			Map.entry("GET /api/invitation-batches/{id}/recipients", "ORGANISER"),
			Map.entry("GET /api/invitation-batches/{id}/recipients.csv", "ORGANISER"),
			Map.entry("POST /api/invitation-batches/{id}/recipients/{deliveryId}/resend", "ORGANISER"),
			Map.entry("POST /api/invitation-batches/{id}/recipients/{deliveryId}/revoke", "ORGANISER"),
			Map.entry("POST /api/imports", "ORGANISER"), Map.entry("GET /api/imports/{id}", "ORGANISER"),
			Map.entry("GET /api/imports/{id}/events", "ORGANISER"), Map.entry("GET /imports/new", "ORGANISER"),
			Map.entry("GET /imports/{id}", "ORGANISER"), Map.entry("POST /imports/drive", "ORGANISER"),
			Map.entry("POST /imports/drive/disconnect", "ORGANISER"),
			Map.entry("GET /imports/drive/connected", "ORGANISER"), Map.entry("GET /api/dev/mailbox", "ORGANISER"),
			Map.entry("GET /dev/mailbox", "ORGANISER"), Map.entry("GET /account", "ORGANISER"),
			Map.entry("POST /account/password", "ORGANISER"), Map.entry("POST /account/organisers", "ORGANISER"),
			Map.entry("PUT /api/account/password", "ORGANISER"), Map.entry("POST /api/organisers", "ORGANISER"),
			Map.entry("GET /organiser-setup/{token}", "TOKEN"), Map.entry("POST /organiser-setup/{token}", "TOKEN"),
			// The outcome (issue 17): answers, groups, moderation.
			Map.entry("PUT /api/comments/{id}/response", "ORGANISER"),
			Map.entry("PUT /api/comment-groups/{id}/response", "ORGANISER"),
			Map.entry("POST /api/discussions/{id}/responses", "ORGANISER"),
			Map.entry("PUT /api/discussions/{id}/response-deadline", "ORGANISER"),
			Map.entry("GET /api/discussions/{id}/comment-groups", "ORGANISER"),
			Map.entry("GET /api/discussions/{id}/moderation", "ORGANISER"),
			Map.entry("POST /api/discussions/{id}/moderation", "ORGANISER"),
			Map.entry("GET /discussions/{id}/moderation", "ORGANISER"),
			Map.entry("POST /discussions/{id}/moderation", "ORGANISER"),
			Map.entry("POST /discussions/{id}/response-deadline", "ORGANISER"),
			Map.entry("POST /discussions/{id}/responses", "ORGANISER"),
			// The consultation's outcome (issue 17): exports, reports, a participant's
			// own data.
			Map.entry("GET /api/discussions/{id}/comments.csv", "ORGANISER"),
			Map.entry("GET /api/discussions/{id}/comments.xlsx", "ORGANISER"),
			Map.entry("GET /api/discussions/{id}/votes.csv", "ORGANISER"),
			Map.entry("POST /api/discussions/{id}/reports", "ORGANISER"),
			Map.entry("POST /discussions/{id}/reports", "ORGANISER"), Map.entry("GET /reports/{id}", "ORGANISER"),
			Map.entry("GET /api/reports/{id}", "ORGANISER"), Map.entry("GET /api/reports/{id}/events", "ORGANISER"),
			Map.entry("GET /api/reports/{id}/file", "ORGANISER"), Map.entry("GET /api/me/data", "SIGNED_IN"),
			Map.entry("GET /api/me/data.csv", "SIGNED_IN"), Map.entry("DELETE /api/me", "SIGNED_IN"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointTheWebServesHasARow() {
		assertThat(endpoints()).as("endpoints of the web, each needs a row in ENDPOINTS")
			.containsExactlyInAnyOrderElementsOf(ENDPOINTS.keySet());
	}

	@Test
	void anonymousCallersReachOnlyPublicAndTokenEndpointsAndParticipantsNoOrganiserOne() {
		MockHttpSession participant = magicLinkSession("matrix-" + UUID.randomUUID() + "@example.org");
		for (Map.Entry<String, String> row : ENDPOINTS.entrySet()) {
			String method = row.getKey().substring(0, row.getKey().indexOf(' '));
			String path = row.getKey()
				.substring(method.length() + 1)
				.replace("{id}", UUID.randomUUID().toString())
				.replace("{deliveryId}", UUID.randomUUID().toString())
				.replace("{paragraphId}", UUID.randomUUID().toString())
				.replace("{n}", "2")
				.replace("{number}", "1")
				.replace("{token}", "not-a-token");
			MvcTestResult anonymous = request(method, path).exchange();
			int status = anonymous.getResponse().getStatus();
			String location = anonymous.getResponse().getHeader("Location");
			boolean refused = status == 401 || (status == 302 && location != null && location.endsWith("/login"));
			switch (row.getValue()) {
				case "PUBLIC", "TOKEN" ->
					assertThat(refused).as("%s for anyone, answered %s", row.getKey(), status).isFalse();
				default -> assertThat(refused).as("%s needs a sign-in, answered %s", row.getKey(), status).isTrue();
			}
			if (row.getValue().equals("ORGANISER")) {
				MvcTestResult asParticipant = request(method, path).session(participant).exchange();
				int answer = asParticipant.getResponse().getStatus();
				if (answer == 302) {
					// A page form answers by going back to the page with the refusal.
					assertThat(asParticipant.getMvcResult().getFlashMap().containsKey("problem"))
						.as("%s as a participant refuses on the page", row.getKey())
						.isTrue();
				}
				else {
					// Refused (403, or 404 where the object stays hidden, 400 where a
					// form
					// field is checked first), never done and never asked to sign in.
					assertThat(answer).as("%s as a participant", row.getKey()).isBetween(400, 499).isNotEqualTo(401);
				}
			}
		}
	}

	private MockMvcRequestBuilder request(String method, String path) {
		MockMvcRequestBuilder request = switch (method) {
			case "GET", "ANY" -> this.mvc.get().uri(path);
			case "POST" -> this.mvc.post().uri(path);
			case "PUT" -> this.mvc.put().uri(path);
			case "PATCH" -> this.mvc.patch().uri(path);
			case "DELETE" -> this.mvc.delete().uri(path);
			default -> throw new IllegalArgumentException(method);
		};
		return json(request, "{}").with(csrf());
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("org.parley.")) {
				Set<String> verbs = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
						: info.getMethodsCondition()
							.getMethods()
							.stream()
							.map(Enum::name)
							.collect(java.util.stream.Collectors.toSet());
				for (String pattern : info.getPatternValues()) {
					verbs.forEach(verb -> endpoints.add(verb + " " + pattern));
				}
			}
		});
		return endpoints;
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
		this.signInLinks.request(email, null, "test-" + UUID.randomUUID());
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
