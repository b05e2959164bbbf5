package org.parley.web.privacy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentGroupRepository;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.participation.VoteCount;
import org.parley.domain.participation.VoteRepository;
import org.parley.domain.test.OutcomeFixture;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;
import org.parley.web.participation.SignInLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A participant downloads everything they wrote and voted, as JSON and CSV, and erases
 * their account: their comments then show as "A former participant", their votes still
 * count, and nothing left links either to their address.
 */
@WebIntegrationTest
class PersonalDataIntegrationTests {

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
	VoteRepository votes;

	@Autowired
	ResponseRepository responses;

	@Autowired
	CommentGroupRepository groups;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	SignInLinks signInLinks;

	@Autowired
	JdbcClient jdbc;

	OutcomeFixture.Made made;

	MockHttpSession alice;

	@BeforeEach
	void discussion() {
		this.made = new OutcomeFixture(this.organisers, this.discussions, this.participants, this.comments, this.votes,
				this.responses, this.groups)
			.discussion(null, this.passwords.encode(TestOrganisers.PASSWORD));
		this.alice = signIn(this.made.alice().email());
	}

	@Test
	void participantDownloadsEverythingTheyWroteAndVotedAsJson() throws IOException {
		MvcTestResult result = this.mvc.get().uri("/api/me/data").session(this.alice).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.account.email").isEqualTo(this.made.alice().email());
		assertThat(result).bodyJson().extractingPath("$.account.displayName").isEqualTo("Alice");
		assertThat(result).bodyJson()
			.extractingPath("$.comments[*].text")
			.asArray()
			.containsExactly("The scope is too narrow.",
					"Please build the river route first, it is the safest for children.");
		assertThat(result).bodyJson().extractingPath("$.comments[0].responseStatus").isEqualTo("PARTLY_ACCEPTED");
		assertThat(result).bodyJson()
			.extractingPath("$.sectionVotes[*].agree")
			.asArray()
			.containsExactlyInAnyOrder(true, false);
		assertThat(result).bodyJson().extractingPath("$.commentVotes[0].up").isEqualTo(false);
		assertThat(result.getResponse().getContentAsString()).as("nobody else's words")
			.doesNotContain("I agree with Alice.")
			.doesNotContain(this.made.bob().email());
	}

	@Test
	void participantDownloadsTheSameAsCsv() throws IOException {
		MvcTestResult result = this.mvc.get().uri("/api/me/data.csv").session(this.alice).exchange();

		assertThat(result).hasStatusOk();
		String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))) {
			rows = parser.getRecords();
		}
		assertThat(rows.stream().map(r -> r.get("kind")).toList()).containsExactly("account", "comment", "comment",
				"section_vote", "section_vote", "comment_vote");
		assertThat(rows.get(0).get("text")).isEqualTo(this.made.alice().email());
		assertThat(rows.get(1).get("response_text")).isEqualTo("We widen it to the villages.");
		assertThat(rows.get(3).get("section_heading")).isEqualTo("Scope");
	}

	@Test
	void erasedAccountLeavesCommentsAsAFormerParticipantAndVotesCountedButUnlinked() {
		VoteCount before = this.votes.counts(this.made.discussionId()).get(1);
		String email = this.made.alice().email();

		assertThat(this.mvc.delete().uri("/api/me").session(this.alice).with(csrf())).hasStatus(204);

		assertThat(this.votes.counts(this.made.discussionId()).get(1)).as("still counted").isEqualTo(before);
		assertThat(this.participants.findByEmail(email)).as("the address is gone").isEmpty();
		var erased = this.participants.findById(this.made.alice().id()).orElseThrow();
		assertThat(erased.isErased()).isTrue();
		assertThat(erased.displayName()).isNull();
		assertThat(this.jdbc.sql("select count(*) from section_vote where participant_id = :p")
			.param("p", this.made.alice().id())
			.query(Long.class)
			.single()).as("no vote links to the erased row").isZero();
		assertThat(this.jdbc.sql("select count(*) from sign_in_link where email = :e")
			.param("e", email)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections/1/comments", this.made.discussionId()).exchange())
			.bodyJson()
			.extractingPath("$[?(@.text == 'The scope is too narrow.')].author")
			.asArray()
			.containsExactly("A former participant");
		assertThat(this.mvc.get().uri("/api/me/data").session(this.alice)).as("signed out").hasStatus(401);
	}

	@Test
	void signingInAgainAfterErasureStartsAFreshAccount() {
		this.mvc.delete().uri("/api/me").session(this.alice).with(csrf()).exchange();

		MockHttpSession again = signIn(this.made.alice().email());
		MvcTestResult data = this.mvc.get().uri("/api/me/data").session(again).exchange();
		assertThat(data).hasStatusOk();
		assertThat(data).bodyJson().extractingPath("$.comments").asArray().isEmpty();
		assertThat(data).bodyJson().extractingPath("$.account.id").isNotEqualTo(this.made.alice().id().toString());
	}

	@Test
	void anonymousCallersAreAskedToSignIn() {
		assertThat(this.mvc.get().uri("/api/me/data")).hasStatus(401);
		assertThat(this.mvc.delete().uri("/api/me").with(csrf())).hasStatus(401);
		assertThat(this.mvc.delete().uri("/api/me").session(this.alice)).as("CSRF on").hasStatus(403);
	}

	private MockHttpSession signIn(String email) {
		this.signInLinks.request(email, null, "test-" + UUID.randomUUID());
		UUID link = this.jdbc.sql("select id from sign_in_link where email = :e order by created_at desc limit 1")
			.param("e", email)
			.query(UUID.class)
			.single();
		MvcTestResult result = this.mvc.get().uri("/sign-in/{token}", this.signInLinks.token(link)).exchange();
		return (MockHttpSession) result.getRequest().getSession();
	}

}
