package org.parley.web.accessibility;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The accessibility statement, and the barrier form on it: anyone may report, with the
 * form's CSRF token, a few times an hour; the organisers read the reports.
 */
@WebIntegrationTest
class AccessibilityIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void theStatementNamesTheStandardTheGapsHowToReportAndTheDateOfTheCheck() throws Exception {
		String page = this.mvc.get()
			.uri("/accessibility")
			.header("Accept-Language", "en")
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("WCAG) 2.2 at level AA")
			.contains("EN 301 549")
			.contains("Known gaps")
			.contains("id=\"barrier-form\"")
			.contains("name=\"_csrf\"")
			.containsPattern("last checked on \\w+ \\d{1,2}, \\d{4}");
		String german = this.mvc.get()
			.uri("/accessibility")
			.header("Accept-Language", "de")
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(german).contains("Erklärung zur Barrierefreiheit")
			.containsPattern("zuletzt am \\d{1,2}\\. \\p{L}+ \\d{4}");
	}

	@Test
	void aReportIsStoredForTheOrganisersAndShownToThemEscaped() throws Exception {
		String text = "The <b>vote</b> buttons " + UUID.randomUUID() + " are not announced";
		MvcTestResult sent = this.mvc.post()
			.uri("/accessibility/barriers")
			.param("page", "/discussions/x")
			.param("description", text)
			.param("email", "reader@example.org")
			.with(csrf())
			.with(from("10.1.0." + (int) (Math.random() * 250)))
			.exchange();
		assertThat(sent).hasStatus(302);
		assertThat(sent.getMvcResult().getFlashMap().get("notice")).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from barrier_report where description = :d")
			.param("d", text)
			.query(Integer.class)
			.single()).isEqualTo(1);

		TestOrganisers.add(this.organisers, this.passwords, "reader", "R");
		String organiser = this.jdbc.sql("select email from organiser where email like 'reader-%' limit 1")
			.query(String.class)
			.single();
		String reports = this.mvc.get()
			.uri("/accessibility/reports")
			.with(httpBasic(organiser, TestOrganisers.PASSWORD))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(reports).contains("The &lt;b&gt;vote&lt;/b&gt; buttons").doesNotContain("<b>vote</b>");
		assertThat(this.mvc.get().uri("/accessibility/reports")).as("not for anyone").hasStatus(302);
	}

	@Test
	void aReportNeedsItsCsrfTokenAndADescription() {
		assertThat(
				this.mvc.post().uri("/accessibility/barriers").param("description", "No token").with(from("10.2.0.1")))
			.hasStatus(403);
		MvcTestResult empty = this.mvc.post()
			.uri("/accessibility/barriers")
			.param("description", "  ")
			.with(csrf())
			.with(from("10.2.0.2"))
			.exchange();
		assertThat(empty).hasStatus(302);
		assertThat(empty.getMvcResult().getFlashMap().get("problem")).isEqualTo("Please describe the barrier you met.");
	}

	@Test
	void oneClientReportsAFewTimesAnHourAndKeepsWhatItTyped() {
		String client = "10.3." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		String marker = UUID.randomUUID().toString();
		for (int i = 0; i < BarrierReports.PER_CLIENT_PER_HOUR; i++) {
			assertThat(this.mvc.post()
				.uri("/accessibility/barriers")
				.param("description", marker + " " + i)
				.with(csrf())
				.with(from(client))
				.exchange()
				.getMvcResult()
				.getFlashMap()
				.get("notice")).isNotNull();
		}
		MvcTestResult refused = this.mvc.post()
			.uri("/accessibility/barriers")
			.param("description", marker + " one too many")
			.with(csrf())
			.with(from(client))
			.exchange();
		assertThat(refused.getMvcResult().getFlashMap().get("problem")).asString().contains("Too many requests");
		assertThat(refused.getMvcResult().getFlashMap().get("typedDescription")).isEqualTo(marker + " one too many");
		assertThat(this.jdbc.sql("select count(*) from barrier_report where description like :m")
			.param("m", marker + "%")
			.query(Integer.class)
			.single()).isEqualTo(BarrierReports.PER_CLIENT_PER_HOUR);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
