package org.parley.web.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 18: {@code GET /api/discussions} and {@code GET /api/discussions/{id}} reported
 * zero votes while {@code /stats} had the figures. All three now give the same ones.
 */
@WebIntegrationTest
class StatisticsAgreementIntegrationTests {

	private static final List<String> FIGURES = List.of("positivePercent", "positiveVotes", "negativeVotes",
			"totalVotes", "totalComments", "mostVoted", "mostCommented", "mostControversial");

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

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDiscussionListAndTheDiscussionGiveTheFiguresOfStats() throws Exception {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "stats", "S");
		UUID discussion = this.discussions.addDraft(null, owner.id(), "Figures",
				new Outline("Figures", null,
						List.of(new OutlineSection("1.", "One", 1, List.of(Block.paragraph("A."))),
								new OutlineSection("2.", "Two", 1, List.of(Block.paragraph("B."))))),
				OffsetDateTime.now());
		assertThat(this.mvc.patch()
			.uri("/api/discussions/{id}", discussion)
			.with(httpBasic(owner.email(), TestOrganisers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"OPEN\"}")).hasStatusOk();
		ParticipantRequests requests = new ParticipantRequests(this.mvc, this.signInLinks, this.jdbc, discussion);
		for (int i = 0; i < 3; i++) {
			MockHttpSession p = requests.signIn("voter-" + i + "-" + UUID.randomUUID() + "@example.org");
			assertThat(requests.vote(p, 1, (i < 2) ? "AGREE" : "DISAGREE")).hasStatus(204);
			assertThat(requests.vote(p, 2, "AGREE")).hasStatus(204);
			if (i == 0) {
				requests.comment(p, 2, null, "A point.");
			}
		}

		JsonNode stats = get("/api/discussions/" + discussion + "/stats");
		JsonNode one = get("/api/discussions/" + discussion).get("stats");
		JsonNode listed = null;
		for (JsonNode d : get("/api/discussions")) {
			if (d.get("id").asString().equals(discussion.toString())) {
				listed = d.get("stats");
			}
		}
		assertThat(stats.get("totalVotes").asInt()).isEqualTo(6);
		assertThat(stats.get("positivePercent").asInt()).isEqualTo(83);
		assertThat(listed).as("the discussion is listed").isNotNull();
		for (String figure : FIGURES) {
			assertThat(one.get(figure)).as("GET /api/discussions/{id} " + figure).isEqualTo(stats.get(figure));
			assertThat(listed.get(figure)).as("GET /api/discussions " + figure).isEqualTo(stats.get(figure));
		}
	}

	private JsonNode get(String path) throws Exception {
		return this.json.readTree(this.mvc.get().uri(path).with(csrf()).exchange().getResponse().getContentAsString());
	}

}
