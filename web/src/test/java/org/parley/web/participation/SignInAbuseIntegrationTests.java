package org.parley.web.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatchRepository;
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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What an anonymous caller can do with {@code POST /api/sign-in-links} and the links it
 * mails: flood one inbox, mail many, learn who is invited, and what a mail scanner or a
 * forged sign-in does to a link.
 */
@WebIntegrationTest
class SignInAbuseIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	JdbcClient jdbc;

	Organiser owner;

	@BeforeEach
	void owner() {
		this.owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
	}

	@Test
	void variantsOfOneAddressShareItsLimit() {
		String tag = "v" + UUID.randomUUID().toString().substring(0, 8);
		String client = client();
		List<String> variants = List.of(tag + "@example.org", tag + "@example.org(1)", "(x)" + tag + "@example.org",
				"\"" + tag + "\"@example.org", tag.toUpperCase() + "@EXAMPLE.org");
		for (String variant : variants) {
			assertThat(ask(variant, null, client)).as(variant).hasStatus(202);
		}

		assertThat(ask(tag + "@example.org.", null, client)).hasStatus(429)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("RATE_LIMITED");
		assertThat(this.jdbc.sql("select distinct email from sign_in_link where email like :t")
			.param("t", "%" + tag.toLowerCase() + "%")
			.query(String.class)
			.list()).containsExactly(tag.toLowerCase() + "@example.org");
	}

	@Test
	void oneClientCannotMailManyAddresses() {
		String client = client();
		for (int i = 0; i < 30; i++) {
			assertThat(ask("many-" + UUID.randomUUID() + "@example.org", null, client)).hasStatus(202);
		}

		assertThat(ask("many-" + UUID.randomUUID() + "@example.org", null, client)).hasStatus(429)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("RATE_LIMITED");
		assertThat(ask("many-" + UUID.randomUUID() + "@example.org", null, client())).hasStatus(202);
	}

	@Test
	void invitedAndUninvitedAddressesGetTheSameAnswers() {
		UUID discussion = discussion("PRIVATE");
		String invitee = "invitee-" + UUID.randomUUID() + "@example.org";
		String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
		new InvitationLedgers(this.batches, this.deliveries).sentInvitation(discussion, this.owner.id(), invitee);

		List<String> invited = new ArrayList<>();
		List<String> uninvited = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			invited.add(answer(ask(invitee, discussion, client())));
			uninvited.add(answer(ask(stranger, discussion, client())));
		}

		assertThat(invited).isEqualTo(uninvited);
		assertThat(invited.get(5)).startsWith("429");
		assertThat(answer(ask("nobody-" + UUID.randomUUID() + "@example.org", UUID.randomUUID(), client())))
			.isEqualTo(invited.get(0));
	}

	@Test
	void aScannerOpeningTheLinkFirstDoesNotUseItUp() {
		String token = linkFor("reader-" + UUID.randomUUID() + "@example.org", discussion("PUBLIC"));

		assertThat(this.mvc.head().uri("/sign-in/{token}", token)).hasStatusOk();
		assertThat(this.mvc.get().uri("/sign-in/{token}", token)).as("the scanner").hasStatus(302);
		MvcTestResult person = this.mvc.get().uri("/sign-in/{token}", token).exchange();

		assertThat(person).hasStatus(302);
		assertThat(person.getRequest().getSession(false)).isNotNull();
	}

	@Test
	void aLinkForSomeoneElseAsksBeforeSwitchingTheBrowser() {
		UUID discussion = discussion("PUBLIC");
		String victim = "victim-" + UUID.randomUUID() + "@example.org";
		MvcTestResult signedIn = this.mvc.get().uri("/sign-in/{token}", linkFor(victim, discussion)).exchange();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
		String attackersLink = linkFor("attacker-" + UUID.randomUUID() + "@example.org", discussion);

		MvcTestResult opened = this.mvc.get().uri("/sign-in/{token}", attackersLink).session(session).exchange();

		assertThat(opened).hasStatusOk().bodyText().contains("Switch to another account?");
		assertThat(signedInAs(session)).isEqualTo(victim);
		MvcTestResult confirmed = this.mvc.post()
			.uri("/sign-in/{token}", attackersLink)
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(confirmed).hasStatus(302);
		assertThat(signedInAs((MockHttpSession) confirmed.getRequest().getSession())).startsWith("attacker-");
		assertThat(this.mvc.post().uri("/sign-in/{token}", attackersLink).session(session)).as("without a token")
			.hasStatus(403);
	}

	@Test
	void aLinkForTheSignedInPersonJustGoesOn() {
		UUID discussion = discussion("PUBLIC");
		String reader = "same-" + UUID.randomUUID() + "@example.org";
		MockHttpSession session = (MockHttpSession) this.mvc.get()
			.uri("/sign-in/{token}", linkFor(reader, discussion))
			.exchange()
			.getRequest()
			.getSession();

		assertThat(this.mvc.get().uri("/sign-in/{token}", linkFor(reader, discussion)).session(session)).hasStatus(302)
			.hasRedirectedUrl("/discussions/" + discussion);
	}

	@Test
	void aLineBreakInNextIsNoHeaderSplit() {
		MockHttpSession session = (MockHttpSession) this.mvc.get()
			.uri("/sign-in/{token}", linkFor("next-" + UUID.randomUUID() + "@example.org", null))
			.exchange()
			.getRequest()
			.getSession();

		assertThat(this.mvc.post()
			.uri("/me/name")
			.param("name", "Nia")
			.param("next", "/discussions\r\nSet-Cookie: planted=1")
			.session(session)
			.with(csrf())).hasStatus(302).hasRedirectedUrl("/");
	}

	private static String signedInAs(MockHttpSession session) {
		return ((SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication()
			.getName();
	}

	private String linkFor(String email, UUID discussion) {
		this.signInLinks.request(email, discussion, client());
		UUID id = this.jdbc.sql("select id from sign_in_link where email = :e order by created_at desc limit 1")
			.param("e", email)
			.query(UUID.class)
			.single();
		return this.signInLinks.token(id);
	}

	private MvcTestResult ask(String email, UUID discussion, String client) {
		String json = "{\"email\":\"" + email.replace("\"", "\\\"") + "\""
				+ ((discussion != null) ? ",\"discussionId\":\"" + discussion + "\"" : "") + "}";
		return this.mvc.post()
			.uri("/api/sign-in-links")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(request -> {
				request.setRemoteAddr(client);
				return request;
			})
			.with(csrf())
			.exchange();
	}

	private static String answer(MvcTestResult result) {
		return result.getResponse().getStatus() + " "
				+ new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String client() {
		UUID random = UUID.randomUUID();
		return "198.51." + (random.getMostSignificantBits() & 0xFF) + "." + (random.getLeastSignificantBits() & 0xFF);
	}

	private UUID discussion(String privacy) {
		UUID id = this.discussions.addDraft(null, this.owner.id(), "Sign-in",
				new Outline("Sign-in", null,
						List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("Text."))))),
				OffsetDateTime.now());
		var draft = this.discussions.findById(id).orElseThrow();
		this.discussions.update(draft.withPrivacy(org.parley.domain.discussion.Privacy.valueOf(privacy))
			.publish(java.time.Clock.systemUTC()));
		return id;
	}

}
