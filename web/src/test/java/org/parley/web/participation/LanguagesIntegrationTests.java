package org.parley.web.participation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The language of pages and problems, in the contract's order: the signed-in person's
 * choice, {@code ?lang=} (kept in a cookie), {@code Accept-Language}, the discussion's
 * own language; with plural forms and dates as each language writes them.
 */
@WebIntegrationTest
class LanguagesIntegrationTests {

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

	UUID discussion;

	String owner;

	ParticipantRequests requests;

	ZonedDateTime closes;

	@BeforeEach
	void openDiscussion() throws Exception {
		Organiser owner = TestOrganisers.add(this.organisers, this.passwords, "owner", "O");
		this.owner = owner.email();
		this.discussion = this.discussions.addDraft(null, owner.id(), "Strategie",
				new Outline("Strategie", null,
						List.of(new OutlineSection("§ 1", "Zweck", 1, List.of(Block.paragraph("Eins."))),
								new OutlineSection(null, null, 1, List.of(Block.paragraph("Zwei."))))),
				OffsetDateTime.now());
		this.requests = new ParticipantRequests(this.mvc, this.signInLinks, this.jdbc, this.discussion);
		this.closes = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(12).withHour(18).withMinute(0);
		assertThat(TestOrganisers.patchDiscussion(this.mvc, this.discussion, this.owner,
				"{\"status\":\"OPEN\",\"timeZone\":\"Europe/Berlin\",\"closesAt\":\"" + this.closes.toOffsetDateTime()
						+ "\"}"))
			.hasStatusOk();
	}

	@Test
	void theBrowsersLanguageGivesThePageItsTextsDatesAndLang() throws Exception {
		String page = page(null, "de-AT,de;q=0.9,en;q=0.5", null);
		assertThat(page).contains("<html lang=\"de\"")
			.contains("noch 12 Tage (endet am " + this.closes.getDayOfMonth() + ". ")
			.contains("Offen")
			.contains("Inhalt")
			.doesNotContain("days left");
		assertThat(page(null, "fr", null)).contains("<html lang=\"fr\"").contains("encore 12 jours (se termine le ");
		assertThat(page(null, "es-MX", null)).contains("<html lang=\"es\"").contains("quedan 12 días (termina el ");
		assertThat(page(null, "pl,en;q=0.1", null)).as("the first language Parley speaks")
			.contains("<html lang=\"en\"")
			.contains("12 days left");
	}

	@Test
	void pluralFormsFollowTheLanguage() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		assertThat(this.requests.vote(alice, 1, "AGREE")).hasStatus(204);
		// The words beside the figure, not the whole page: the live script's data
		// attributes carry the ICU pattern with every plural form.
		assertThat(page(null, "de", null)).contains("<span id=\"total-votes-words\">Stimme insgesamt</span>");
		assertThat(page(null, "en", null)).contains("<span id=\"total-votes-words\">vote in total</span>");
		MockHttpSession bob = this.requests.signIn("bob-" + UUID.randomUUID() + "@example.org");
		assertThat(this.requests.vote(bob, 1, "DISAGREE")).hasStatus(204);
		assertThat(page(null, "de", null)).contains("<span id=\"total-votes-words\">Stimmen insgesamt</span>");
		assertThat(page(null, "en", null)).contains("<span id=\"total-votes-words\">votes in total</span>");
	}

	@Test
	void askingByLangIsRememberedInACookieAndOutranksTheBrowser() throws Exception {
		MvcTestResult asked = this.mvc.get()
			.uri("/discussions/{id}?lang=fr", this.discussion)
			.header("Accept-Language", "de")
			.exchange();
		assertThat(asked).hasStatusOk();
		assertThat(asked.getResponse().getContentAsString()).contains("<html lang=\"fr\"");
		Cookie cookie = asked.getResponse().getCookie("parley-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("fr");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(page(null, "de", cookie)).as("the cookie, later").contains("<html lang=\"fr\"");
		assertThat(page(null, "de", new Cookie("parley-lang", "xx"))).as("an unknown cookie counts for nothing")
			.contains("<html lang=\"de\"");
	}

	@Test
	void theSignedInPersonsChoiceComesFirstAndIsKept() throws Exception {
		String aliceEmail = "alice-" + UUID.randomUUID() + "@example.org";
		MockHttpSession alice = this.requests.signIn(aliceEmail);
		assertThat(this.mvc.put()
			.uri("/api/me/language")
			.session(alice)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"es\"}")).hasStatusOk().bodyJson().extractingPath("$.language").isEqualTo("es");
		assertThat(page(alice, "de", new Cookie("parley-lang", "fr"))).contains("<html lang=\"es\"");
		assertThat(this.jdbc.sql("select language from participant where email = :email")
			.param("email", aliceEmail)
			.query(String.class)
			.optional()).contains("es");

		assertThat(this.mvc.put()
			.uri("/api/me/language")
			.session(alice)
			.with(csrf())
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"tlh\"}")).hasStatus(400)
			.bodyJson()
			.satisfies(json -> assertThat(json.toString()).contains("UNSUPPORTED_LANGUAGE"));
	}

	@Test
	void choosingALanguageNeedsASignInAndCsrf() throws Exception {
		assertThat(this.mvc.put()
			.uri("/api/me/language")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"de\"}")).hasStatus(401);
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		assertThat(this.mvc.put()
			.uri("/api/me/language")
			.session(alice)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"de\"}")).hasStatus(403);
	}

	@Test
	void theDiscussionsLanguageIsItsTextsLangAndTheLastFallback() throws Exception {
		this.jdbc.sql("update discussion set language = 'de' where id = :id").param("id", this.discussion).update();
		String noPreference = this.mvc.get()
			.uri("/discussions/{id}", this.discussion)
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(noPreference).contains("<html lang=\"de\"").contains("id=\"discussion-title\" lang=\"de\"");
		String english = page(null, "en", null);
		assertThat(english).contains("<html lang=\"en\"")
			.as("the document keeps its own language inside an English page")
			.contains("<article class=\"outline\" lang=\"de\"");
	}

	@Test
	void problemsAnswerInTheReadersLanguage() throws Exception {
		MockHttpSession alice = this.requests.signIn("alice-" + UUID.randomUUID() + "@example.org");
		MvcTestResult empty = this.mvc.post()
			.uri("/api/discussions/{id}/sections/1/comments", this.discussion)
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + "x".repeat(5000) + "\"}")
			.session(alice)
			.with(csrf())
			.exchange();
		assertThat(empty).hasStatus(400);
		assertThat(empty.getResponse().getContentAsString()).contains("\"code\":\"COMMENT_TOO_LONG\"")
			.contains("Kommentare dürfen bis zu 2.000 Zeichen lang sein.");
		MvcTestResult unauthenticated = this.mvc.put()
			.uri("/api/discussions/{id}/sections/1/vote", this.discussion)
			.header("Accept-Language", "fr")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":\"AGREE\"}")
			.with(csrf())
			.exchange();
		assertThat(unauthenticated.getResponse().getContentAsString()).contains("Connectez-vous");
		MvcTestResult english = this.mvc.get()
			.uri("/api/discussions/{id}", UUID.randomUUID())
			.header("Accept-Language", "en")
			.exchange();
		assertThat(english).hasStatus(404);
		assertThat(english.getResponse().getContentAsString()).contains("\"code\":\"NOT_FOUND\"")
			.contains("There is nothing here");
	}

	@Test
	void everyPageCarriesTheLanguagePicker() throws Exception {
		String page = page(null, "de", null);
		assertThat(page).contains("hreflang=\"fr\"")
			.contains(">Français<")
			.contains(">Español<")
			.contains(">English<")
			.contains("aria-current=\"true\"");
		String home = this.mvc.get()
			.uri("/?x=1")
			.header("Accept-Language", "es")
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("href=\"/?x=1&amp;lang=de\"").contains("Consultas");
	}

	private String page(MockHttpSession session, String acceptLanguage, Cookie cookie) throws Exception {
		var request = this.mvc.get().uri("/discussions/{id}", this.discussion);
		if (acceptLanguage != null) {
			request = request.header("Accept-Language", acceptLanguage);
		}
		if (session != null) {
			request = request.session(session);
		}
		if (cookie != null) {
			request = request.cookie(cookie);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

}
