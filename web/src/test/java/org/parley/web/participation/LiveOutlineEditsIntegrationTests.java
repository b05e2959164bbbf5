package org.parley.web.participation;

import java.io.UnsupportedEncodingException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A published discussion with votes and comments goes back to a draft and through every
 * outline edit; each vote and comment stays on the text it was given to (ADR 0018). What
 * is where is read back through the API, by section heading and paragraph text, never by
 * number.
 */
@WebIntegrationTest
class LiveOutlineEditsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	String owner;

	UUID discussion;

	ParticipantRequests requests;

	@BeforeEach
	void publishedDiscussion() {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "live-edits", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategy", new Outline("Strategy", null,
				List.of(new OutlineSection("1.", "Lead", 1, List.of(Block.paragraph("Lead text."))),
						new OutlineSection("1.1.", "Build", 2,
								List.of(Block.paragraph("A."), Block.paragraph("B."), Block.paragraph("C."))),
						new OutlineSection("1.2.", "Grow", 2, List.of(Block.paragraph("D."), Block.paragraph("E."))),
						new OutlineSection("1.3.", "Share", 2, List.of(Block.paragraph("F."))), new OutlineSection(
								"1.4.", "Explore", 2, List.of(Block.paragraph("G."), Block.paragraph("H."))))),
				OffsetDateTime.now());
		this.requests = new ParticipantRequests(this.mvc, this.signInLinks, this.jdbc, this.discussion);
		assertThat(patch("{\"status\":\"OPEN\"}")).hasStatusOk();
	}

	@Test
	void votesAndCommentsStayOnTheirTextThroughEveryOutlineEdit() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		MockHttpSession bob = this.requests.signIn("bob-" + UUID.randomUUID() + "@example.org");
		MockHttpSession carol = this.requests.signIn("carol-" + UUID.randomUUID() + "@example.org");
		vote(alice, 3, "AGREE");
		vote(bob, 3, "AGREE");
		vote(carol, 3, "DISAGREE");
		vote(alice, 4, "DISAGREE");
		vote(bob, 5, "AGREE");
		vote(carol, 2, "AGREE");
		this.requests.comment(alice, 1, null, "On Lead");
		this.requests.comment(alice, 3, null, "On Grow");
		String onE = this.requests.comment(bob, 3, 2, "On E");
		this.requests.reply(alice, onE, "Reply on E");
		this.requests.comment(carol, 2, 3, "On C");
		this.requests.comment(alice, 4, 1, "On F");
		this.requests.comment(bob, 4, null, "On Share");
		this.requests.comment(carol, 5, 1, "On G");
		JsonNode before = sections();
		UUID grow = UUID.fromString(before.get(2).get("id").asString());
		UUID f = UUID.fromString(before.get(3).get("paragraphs").get(0).get("id").asString());

		assertThat(patch("{\"status\":\"DRAFT\"}")).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("PARTICIPATION_EXISTS");
		assertThat(patch("{\"status\":\"DRAFT\",\"confirm\":true}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("DRAFT");
		edit("{\"op\":\"MERGE_WITH_NEXT\",\"section\":3}");
		edit("{\"op\":\"SPLIT\",\"section\":2,\"paragraph\":2}");
		edit("{\"op\":\"PARAGRAPH_TO_HEADING\",\"section\":4,\"paragraph\":2}");
		edit("{\"op\":\"HEADING_TO_PARAGRAPH\",\"section\":6}");
		edit("{\"op\":\"CHANGE_LEVEL\",\"section\":1,\"level\":2}");
		edit("{\"op\":\"RENAME\",\"section\":2,\"label\":\"1.1.\",\"heading\":\"Construct\"}");
		assertThat(patch("{\"status\":\"OPEN\"}")).hasStatusOk();

		JsonNode after = sections();
		assertThat(headings(after)).containsExactly("Lead", "Construct", null, "Grow", "E.");
		assertThat(paragraphs(after.get(4))).containsExactly("1.3. Share", "F.", "1.4. Explore", "G.", "H.");
		assertThat(after.get(3).get("id").asString()).isEqualTo(grow.toString());
		assertThat(after.get(4).get("paragraphs").get(1).get("id").asString()).isEqualTo(f.toString());
		assertThat(votes(after)).containsExactly(entry("Lead", "0/0"), entry("Construct", "1/0"),
				entry("(untitled)", "0/0"), entry("Grow", "2/1"), entry("E.", "0/0"));
		assertThat(this.mvc.get().uri("/api/discussions/{id}/stats", this.discussion)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.totalVotes")
			.isEqualTo(4);
		assertThat(this.mvc.get().uri("/api/discussions/{id}/removed-sections", this.discussion)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[*].heading").asArray().containsExactly("Share", "Explore");
				assertThat(json).extractingPath("$[0].votes.disagree").isEqualTo(1);
				assertThat(json).extractingPath("$[0].votes.agree").isEqualTo(0);
				assertThat(json).extractingPath("$[1].votes.agree").isEqualTo(1);
				assertThat(json).extractingPath("$[*].comments").asArray().containsExactly(0, 0);
			});
		assertThat(whereEachCommentIs(after)).containsOnly(entry("On Lead", "Lead / the whole section"),
				entry("On Grow", "Grow / the whole section"), entry("On E", "E. / the whole section"),
				entry("Reply on E", "E. / reply to On E"), entry("On C", "(untitled) / C."), entry("On F", "E. / F."),
				entry("On Share", "E. / 1.3. Share"), entry("On G", "E. / G."));
	}

	@Test
	void goingBackToDraftWithoutParticipationNeedsNoConfirmation() {
		assertThat(patch("{\"status\":\"DRAFT\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("DRAFT");
	}

	@Test
	void thePageAsksTheOrganiserToConfirmGoingBackToDraftOnceParticipationExists() {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		this.requests.comment(alice, 1, null, "Keep me");
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"confirm-back-to-draft\"", "name=\"confirm\"");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/status", this.discussion)
			.param("status", "DRAFT")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302);
		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("OPEN");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/status", this.discussion)
			.param("status", "DRAFT")
			.param("confirm", "true")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302);
		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion)).hasStatus(404);

		edit("{\"op\":\"MERGE_WITH_NEXT\",\"section\":1}");
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"removed-title\"", "<span class=\"heading\">Build</span>");
	}

	@Test
	void aCommentedParagraphIsNotDeletedButItsTextIsEditedUnderItsComments() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		this.requests.comment(alice, 2, 2, "On B");
		assertThat(patch("{\"status\":\"DRAFT\",\"confirm\":true}")).hasStatusOk();

		assertThat(this.mvc.post()
			.uri("/api/discussions/{id}/outline/edits", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"op\":\"DELETE_PARAGRAPH\",\"section\":2,\"paragraph\":2}")
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("PARAGRAPH_HAS_COMMENTS");
		edit("{\"op\":\"DELETE_PARAGRAPH\",\"section\":2,\"paragraph\":1}");
		edit("{\"op\":\"EDIT_PARAGRAPH\",\"section\":2,\"paragraph\":1,\"text\":\"B, reworded.\"}");
		assertThat(patch("{\"status\":\"OPEN\"}")).hasStatusOk();

		JsonNode after = sections();
		assertThat(paragraphs(after.get(1))).containsExactly("B, reworded.", "C.");
		assertThat(whereEachCommentIs(after)).containsOnly(entry("On B", "Build / B, reworded."));
	}

	@Test
	void commentsCarryTheirParagraphIdAndRevision() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		String b = sections().get(1).get("paragraphs").get(1).get("id").asString();
		this.requests.comment(alice, 2, 2, "On B");

		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections/2/comments", this.discussion)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[0].paragraphId").isEqualTo(b);
				assertThat(json).extractingPath("$[0].paragraphNumber").isEqualTo(2);
				assertThat(json).extractingPath("$[0].revision").isEqualTo(1);
			});
	}

	private void vote(MockHttpSession session, int section, String value) {
		assertThat(this.requests.vote(session, section, value)).hasStatus(204);
	}

	private void edit(String json) {
		assertThat(this.mvc.post()
			.uri("/api/discussions/{id}/outline/edits", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))).hasStatusOk();
	}

	private MvcTestResult patch(String json) {
		return TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner, json);
	}

	private JsonNode sections() throws UnsupportedEncodingException {
		return get("/api/discussions/{id}/sections");
	}

	private JsonNode get(String uri, Object... more) throws UnsupportedEncodingException {
		Object[] variables = new Object[more.length + 1];
		variables[0] = this.discussion;
		System.arraycopy(more, 0, variables, 1, more.length);
		MvcTestResult result = this.mvc.get()
			.uri(uri, variables)
			.with(httpBasic(this.owner, TestOrganisers.PASSWORD))
			.exchange();
		assertThat(result).hasStatusOk();
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	private static List<String> headings(JsonNode sections) {
		return sections.values()
			.stream()
			.map(s -> s.get("heading").isNull() ? null : s.get("heading").asString())
			.toList();
	}

	private static List<String> paragraphs(JsonNode section) {
		return section.get("paragraphs").values().stream().map(p -> p.get("text").asString()).toList();
	}

	private static String name(JsonNode section) {
		return section.get("heading").isNull() ? "(untitled)" : section.get("heading").asString();
	}

	private static Map<String, String> votes(JsonNode sections) {
		Map<String, String> votes = new LinkedHashMap<>();
		for (JsonNode s : sections) {
			votes.put(name(s), s.get("votes").get("agree").asInt() + "/" + s.get("votes").get("disagree").asInt());
		}
		return votes;
	}

	/** Each comment's text, with the heading and paragraph text it is shown on. */
	private Map<String, String> whereEachCommentIs(JsonNode sections) throws UnsupportedEncodingException {
		Map<String, String> where = new LinkedHashMap<>();
		for (JsonNode s : sections) {
			Map<String, String> paragraphText = new LinkedHashMap<>();
			s.get("paragraphs").forEach(p -> paragraphText.put(p.get("id").asString(), p.get("text").asString()));
			for (JsonNode c : get("/api/discussions/{id}/sections/{n}/comments", s.get("number").asInt())) {
				JsonNode paragraph = c.get("paragraphId");
				where.put(c.get("text").asString(), name(s) + " / "
						+ ((paragraph != null) ? paragraphText.get(paragraph.asString()) : "the whole section"));
				for (JsonNode reply : c.get("replies")) {
					where.put(reply.get("text").asString(), name(s) + " / reply to " + c.get("text").asString());
				}
			}
		}
		return where;
	}

}
