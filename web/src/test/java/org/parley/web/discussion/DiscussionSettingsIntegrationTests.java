package org.parley.web.discussion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;
import org.parley.web.language.LocalDates;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebIntegrationTest
class DiscussionSettingsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	String owner;

	UUID discussion;

	@BeforeEach
	void draftDiscussion() {
		this.owner = organiser();
		UUID ownerId = this.organisers.findByEmail(this.owner).orElseThrow().id();
		this.discussion = this.discussions.addDraft(null, ownerId, "Draft strategy", new Outline("Draft strategy", null,
				List.of(new OutlineSection("Strategic Goal 1:", "Lead", 1, List.of(Block.paragraph("One."))),
						new OutlineSection("1.1.", "Build", 2, List.of(Block.paragraph("A."), Block.paragraph("B."))),
						new OutlineSection("1.2.", "Grow", 2, List.of(Block.paragraph("C."))))),
				OffsetDateTime.now());
	}

	@Test
	void draftIsHiddenUntilPublishedThenOpenToEveryone() {
		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion)).hasStatus(404);

		assertThat(patch("{\"status\":\"OPEN\"}", this.owner)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("OPEN");

		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(3);
	}

	@Test
	void datesDriveTheStatusAndTheDaysLeft() {
		java.time.ZoneId vienna = java.time.ZoneId.of("Europe/Vienna");
		OffsetDateTime closes = java.time.LocalDate.now(vienna)
			.plusDays(12)
			.atTime(23, 59)
			.atZone(vienna)
			.toOffsetDateTime();
		assertThat(patch("{\"status\":\"OPEN\",\"closesAt\":\"" + closes + "\",\"timeZone\":\"Europe/Vienna\"}",
				this.owner))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.daysLeft").isEqualTo(12);
				assertThat(json).extractingPath("$.timeZone").isEqualTo("Europe/Vienna");
			});

		assertThat(patch("{\"opensAt\":\"" + OffsetDateTime.now().minusDays(3) + "\",\"closesAt\":\""
				+ OffsetDateTime.now().minusDays(1) + "\"}", this.owner))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.status").isEqualTo("CLOSED");
				assertThat(json).extractingPath("$.daysLeft").isNull();
			});
	}

	@Test
	void closeDateBeforeOpenDateIsRefused() {
		assertThat(patch("{\"opensAt\":\"2027-02-15T10:00:00+01:00\",\"closesAt\":\"2027-02-01T10:00:00+01:00\"}",
				this.owner))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_DATES");
	}

	@Test
	void onlyItsOrganisersChangeADiscussionAndCoOrganisersCanBeAdded() {
		String stranger = organiser();
		assertThat(patch("{\"title\":\"Mine now\"}", stranger)).hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/api/discussions/{id}/organisers", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + stranger + "\"}")
			.with(httpBasic(this.owner, "pw"))).hasStatus(204);

		assertThat(patch("{\"title\":\"Shared draft\"}", stranger)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Shared draft");
	}

	@Test
	void draftOutlineIsFixedUntilPublished() {
		assertThat(edit("{\"op\":\"MERGE_WITH_NEXT\",\"section\":2}")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.length()").isEqualTo(2);
			assertThat(json).extractingPath("$[1].paragraphs[2].text").isEqualTo("1.2. Grow");
		});
		assertThat(edit("{\"op\":\"SPLIT\",\"section\":2,\"paragraph\":9}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_EDIT");

		patch("{\"status\":\"OPEN\"}", this.owner);

		assertThat(edit("{\"op\":\"CHANGE_LEVEL\",\"section\":1,\"level\":2}")).hasStatus(409)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("DISCUSSION_PUBLISHED");
	}

	@Test
	void draftPreviewListsTheHeadingsTheImportDoubtsLeastSureFirst() throws Exception {
		UUID ownerId = this.organisers.findByEmail(this.owner).orElseThrow().id();
		UUID doubted = this.discussions.addDraft(null, ownerId, "Doubted",
				new Outline("Doubted", null,
						List.of(new OutlineSection("1.", "Sure", 1, List.of(Block.paragraph("One.")), 0.95),
								new OutlineSection("2.", "Unsure", 1, List.of(Block.paragraph("Two.")), 0.7),
								new OutlineSection("3.", "Least sure", 1, List.of(Block.paragraph("Three.")), 0.55),
								new OutlineSection("4.", "Marked up", 1, List.of(Block.paragraph("Four."))))),
				OffsetDateTime.now());

		assertThat(this.mvc.get().uri("/api/discussions/{id}/sections", doubted).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[0].confidence").isEqualTo(0.95);
				assertThat(json).extractingPath("$[2].confidence").isEqualTo(0.55);
				assertThat(json).extractingPath("$[3]").asMap().doesNotContainKey("confidence");
			});
		String page = this.mvc.get()
			.uri("/discussions/{id}", doubted)
			.with(user(this.owner).roles("ORGANISER"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String list = page.substring(page.indexOf("id=\"doubted\""));
		assertThat(list.indexOf("Least sure")).as("least sure first").isLessThan(list.indexOf("Unsure"));
		assertThat(list.substring(0, list.indexOf("</ol>"))).doesNotContain("Sure</span>", "Marked up");
		assertThat(page.split("class=\"doubt\"", -1)).as("sections marked as doubted").hasSize(3);

		assertThat(this.mvc.post()
			.uri("/api/discussions/{id}/outline/edits", doubted)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"op\":\"RENAME\",\"section\":3,\"label\":\"3.\",\"heading\":\"Checked\"}")
			.with(httpBasic(this.owner, "pw"))).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$[2].confidence").isNull();
				assertThat(json).extractingPath("$[1].confidence").isEqualTo(0.7);
			});
	}

	@Test
	void pageFormsNeedTheCsrfToken() {
		assertThat(this.mvc.post()
			.uri("/discussions/{id}/status", this.discussion)
			.param("status", "OPEN")
			.with(user(this.owner).roles("ORGANISER"))).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/discussions/{id}/status", this.discussion)
			.param("status", "OPEN")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302);
		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion)).hasStatusOk();
	}

	@Test
	void organiserPageShowsSettingsAndEditFormsWithTheirToken() {
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"settings-form\"", "name=\"_csrf\"", "value=\"MERGE_WITH_NEXT\"", "id=\"publish\"");
	}

	@Test
	void aDraftIsDeletedWithEverythingOfItByItsOrganisersOnly() {
		assertThat(this.mvc.delete().uri("/api/discussions/{id}", this.discussion).with(httpBasic(organiser(), "pw")))
			.hasStatus(404);
		assertThat(sectionsOf(this.discussion)).isEqualTo(3);

		assertThat(this.mvc.delete().uri("/api/discussions/{id}", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatus(204);

		assertThat(this.mvc.get().uri("/api/discussions/{id}", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatus(404);
		assertThat(sectionsOf(this.discussion)).isZero();
		assertThat(this.jdbc
			.sql("""
					select count(*) from paragraph p where not exists (select 1 from section s where s.id = p.section_id)""")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPublishedDiscussionIsNotDeletedButADraftAgainWithoutParticipationIs() {
		patch("{\"status\":\"OPEN\"}", this.owner);

		assertThat(this.mvc.delete().uri("/api/discussions/{id}", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatus(409)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("DISCUSSION_NOT_DRAFT");
		assertThat(sectionsOf(this.discussion)).isEqualTo(3);

		patch("{\"status\":\"DRAFT\"}", this.owner);
		assertThat(this.mvc.delete().uri("/api/discussions/{id}", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatus(204);
	}

	@Test
	void theDraftPageDeletesOnlyWithTheConfirmationTicked() {
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"delete-draft-form\"", "id=\"confirm-delete-draft\"");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/delete", this.discussion)
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302).hasRedirectedUrl("/discussions/" + this.discussion);
		assertThat(sectionsOf(this.discussion)).isEqualTo(3);

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/delete", this.discussion)
			.param("confirm", "true")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302).hasRedirectedUrl("/");
		assertThat(sectionsOf(this.discussion)).isZero();
	}

	@Test
	void aPublishedDiscussionsPageOffersNoDeletion() {
		patch("{\"status\":\"OPEN\"}", this.owner);

		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("delete-draft-form");
	}

	@Test
	void aParagraphIsEditedAndDeletedKeepingTheOthersIds() throws Exception {
		String bId = paragraphId(2, 2);

		assertThat(edit("{\"op\":\"EDIT_PARAGRAPH\",\"section\":2,\"paragraph\":2,\"text\":\"  B, reworded.  \"}"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[1].paragraphs[1].text").isEqualTo("B, reworded.");
				assertThat(json).extractingPath("$[1].paragraphs[1].id").isEqualTo(bId);
			});
		assertThat(edit("{\"op\":\"EDIT_PARAGRAPH\",\"section\":2,\"paragraph\":2,\"text\":\" \"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("INVALID_EDIT");

		assertThat(edit("{\"op\":\"DELETE_PARAGRAPH\",\"section\":2,\"paragraph\":1}")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[1].paragraphs.length()").isEqualTo(1);
				assertThat(json).extractingPath("$[1].paragraphs[0].text").isEqualTo("B, reworded.");
				assertThat(json).extractingPath("$[1].paragraphs[0].id").isEqualTo(bId);
				assertThat(json).extractingPath("$[1].paragraphs[0].number").isEqualTo(1);
			});
		assertThat(this.jdbc.sql("select count(*) from paragraph where text = 'A.'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void theDraftPageEditsAndDeletesAParagraphThroughItsForms() {
		assertThat(this.mvc.get().uri("/discussions/{id}", this.discussion).with(user(this.owner).roles("ORGANISER")))
			.hasStatusOk()
			.bodyText()
			.contains("value=\"EDIT_PARAGRAPH\"", "value=\"DELETE_PARAGRAPH\"", "id=\"paragraph-text-2-2\"");

		assertThat(this.mvc.post()
			.uri("/discussions/{id}/outline/edits", this.discussion)
			.param("op", "EDIT_PARAGRAPH")
			.param("section", "2")
			.param("paragraph", "2")
			.param("text", "B, from the page.")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302);
		assertThat(this.mvc.post()
			.uri("/discussions/{id}/outline/edits", this.discussion)
			.param("op", "DELETE_PARAGRAPH")
			.param("section", "3")
			.param("paragraph", "1")
			.with(user(this.owner).roles("ORGANISER"))
			.with(csrf())).hasStatus(302);

		assertThat(
				this.mvc.get().uri("/api/discussions/{id}/sections", this.discussion).with(httpBasic(this.owner, "pw")))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$[1].paragraphs[1].text").isEqualTo("B, from the page.");
				assertThat(json).extractingPath("$[2].paragraphs.length()").isEqualTo(0);
			});
	}

	private String paragraphId(int section, int paragraph) throws Exception {
		String body = this.mvc.get()
			.uri("/api/discussions/{id}/sections", this.discussion)
			.with(httpBasic(this.owner, "pw"))
			.exchange()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body,
				"$[" + (section - 1) + "].paragraphs[" + (paragraph - 1) + "].id");
	}

	@Test
	void closedEarlyByHandThePagesSayTheDayItClosedNotThePlannedDate() {
		java.time.ZoneId vienna = java.time.ZoneId.of("Europe/Vienna");
		OffsetDateTime planned = OffsetDateTime.now(vienna).plusDays(40);
		patch("{\"status\":\"OPEN\",\"closesAt\":\"" + planned + "\",\"timeZone\":\"Europe/Vienna\"}", this.owner);
		assertThat(page()).doesNotContain("id=\"closed-on\"");

		assertThat(patch("{\"status\":\"CLOSED\"}", this.owner)).hasStatusOk();

		String today = LocalDates.dayMonth(OffsetDateTime.now(vienna), vienna, java.util.Locale.ENGLISH);
		String plannedDay = LocalDates.dayMonth(planned, vienna, java.util.Locale.ENGLISH);
		assertThat(page()).contains("<span id=\"closed-on\">Closed on " + today + "</span>")
			.doesNotContain("Closed on " + plannedDay);
		assertThat(this.mvc.get().uri("/").header("Accept-Language", "en")).hasStatusOk()
			.bodyText()
			.contains("Closed on " + today);
	}

	@Test
	void discussionsInABrowserIsTheListOfOpenConsultationsAndTheApiStaysJson() {
		String title = "Listed " + UUID.randomUUID();
		patch("{\"status\":\"OPEN\",\"title\":\"" + title + "\"}", this.owner);

		assertThat(this.mvc.get().uri("/discussions").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("class=\"cards\"", title, "/discussions/" + this.discussion);
		assertThat(this.mvc.get().uri("/api/discussions").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$[*].title")
			.asArray()
			.contains(title);
	}

	private String page() {
		try {
			return this.mvc.get()
				.uri("/discussions/{id}", this.discussion)
				.header("Accept-Language", "en")
				.exchange()
				.getResponse()
				.getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int sectionsOf(UUID discussionId) {
		return this.jdbc.sql("select count(*) from section where discussion_id = :d")
			.param("d", discussionId)
			.query(Integer.class)
			.single();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult patch(String json, String as) {
		return TestOrganisers.patchDiscussion(this.mvc, this.discussion, as, json);
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult edit(String json) {
		return this.mvc.post()
			.uri("/api/discussions/{id}/outline/edits", this.discussion)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(this.owner, "pw"))
			.exchange();
	}

	private String organiser() {
		return TestOrganisers.add(this.organisers, this.passwords, "settings", "O").email();
	}

}
