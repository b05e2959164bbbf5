package org.parley.standalone;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.Participant;
import org.parley.domain.participation.ParticipantRepository;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser in headless Chromium reviews a re-imported version (the matcher's marks,
 * the words added and removed, un-pair and re-pair, a change of meaning), publishes it,
 * and the discussion page marks what changed; screenshots in target/screenshots.
 */
class RevisionBrowserTests {

	private final RevisionIntegrationTests api = new RevisionIntegrationTests();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void organiserReviewsTheMatchingSeesTheWordDiffAndPublishes() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		String discussion = this.api.importVersion1(base);
		this.api.send("PATCH", base + "/api/discussions/" + discussion, "{\"status\":\"OPEN\"}", 200);
		JsonNode v1 = this.api.getJson(base + "/api/discussions/" + discussion + "/sections");
		RevisionIntegrationTests.Revised revised = RevisionIntegrationTests.Revised
			.of(this.api.getJson(base + "/api/discussions/" + discussion).get("title").asString(), v1);
		Participant reader = web.getBean(ParticipantRepository.class)
			.findOrCreate("browser-reader-" + UUID.randomUUID() + "@example.org", OffsetDateTime.now());
		String edited = revised.edited.get(0);
		String editedSection = sectionOf(v1, edited);
		Comment comment = new Comment(UUID.randomUUID(), UUID.fromString(discussion), UUID.fromString(editedSection),
				UUID.fromString(edited), null, null, reader.id(), "Please say this more plainly.",
				CommentState.PUBLISHED, 0, OffsetDateTime.now());
		web.getBean(CommentRepository.class).add(comment);

		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60), Duration.ofMillis(100));
		wait.ignoring(StaleElementReferenceException.class);
		this.browser.get(base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		// The first visit: version 1 is what this browser has seen.
		this.browser.get(base + "/discussions/" + discussion);
		wait.until(d -> "1".equals(((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return window.localStorage.getItem('parley.seen." + discussion + "')")));

		// Re-import from the versions page, with live progress, onto the review.
		this.browser.get(base + "/discussions/" + discussion + "/versions");
		wait.until(d -> d.findElement(By.id("versions-message")).getText().contains("only one version"));
		java.nio.file.Path v2 = java.nio.file.Files.createTempFile("v2-", ".md");
		java.nio.file.Files.writeString(v2, revised.markdown, StandardCharsets.UTF_8);
		this.browser.findElement(By.id("reimport-file")).sendKeys(v2.toAbsolutePath().toString());
		this.browser.findElement(By.cssSelector("#reimport-form button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/versions?revision=2"));
		wait.until(d -> d.findElements(By.cssSelector(".version-paragraph")).size() > 10);

		// Each paragraph carries the matcher's mark; an edit shows its words added and
		// removed.
		String draftId = null;
		for (JsonNode m : this.api.getJson(base + "/api/discussions/" + discussion + "/revisions/2/matches")) {
			if (!m.get("from").isNull() && m.get("from").asString().equals(edited)) {
				draftId = m.get("to").asString();
			}
		}
		String draft = draftId;
		assertThat(draft).isNotNull();
		WebElement editedBlock = paragraph(draft);
		assertThat(editedBlock.findElement(By.cssSelector(".match-kind")).getText()).isEqualTo("edited");
		assertThat(editedBlock.findElement(By.cssSelector(".hint")).getText()).matches(" ?confidence \\d+ %");
		assertThat(editedBlock.findElements(By.cssSelector(".diff ins")))
			.anySatisfy(ins -> assertThat(ins.getText()).contains("substantially"));
		assertThat(editedBlock.findElements(By.cssSelector(".diff del"))).isNotEmpty();
		List<String> kinds = this.browser.findElements(By.cssSelector(".match-kind"))
			.stream()
			.map(WebElement::getText)
			.distinct()
			.toList();
		assertThat(kinds).contains("unchanged", "edited", "moved", "split", "merged", "removed");
		assertThat(this.browser.findElement(By.cssSelector(".version-section.removed")).getText())
			.contains(textOf(v1, revised.removed.get(0)).substring(0, 30));
		screenshot("revision-review");

		// Un-pair the edited paragraph, pair it back, and say the edit changes its
		// meaning.
		editedBlock.findElement(By.xpath(".//button[text()='Un-pair']")).click();
		wait.until(d -> paragraph(draft).findElement(By.cssSelector(".match-kind")).getText().equals("new"));
		new org.openqa.selenium.support.ui.Select(
				paragraph(draft).findElement(By.cssSelector(".review-controls select")))
			.selectByValue(edited);
		wait.until(d -> paragraph(draft).findElement(By.cssSelector(".match-kind")).getText().equals("edited"));
		paragraph(draft).findElement(By.cssSelector("input[value=meaning]")).click();
		wait.until(d -> matches(base, discussion).contains("\"from\":\"" + edited + "\",\"to\":\"" + draft
				+ "\",\"kind\":\"EDITED\",\"confidence\":1.0," + "\"meaningChanged\":true"));

		this.browser.findElement(By.id("publish-revision")).click();
		wait.until(d -> d.findElement(By.id("versions-message")).getText().contains("published"));
		assertThat(this.browser.findElement(By.id("review-actions")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.cssSelector("#version-switcher")).getText()).contains("Version 1")
			.contains("Version 2 (published)");
		screenshot("revision-published-diff");

		// The discussion page: what changed, since the last visit, and the comment that
		// led to it.
		this.api.send("PUT", base + "/api/comments/" + comment.id() + "/led-to", "{\"revision\":2}", 204);
		int number = sectionNumber(this.api.getJson(base + "/api/discussions/" + discussion + "/sections"),
				editedSection);
		this.browser.get(base + "/discussions/" + discussion);
		wait.until(d -> d.findElement(By.id("section-" + number)).getText().contains("Changed in version 2"));
		assertThat(this.browser.findElement(By.id("section-" + number)).getText())
			.contains("Changed since your last visit");
		WebElement section = this.browser.findElement(By.id("section-" + number));
		section.findElement(By.cssSelector(".comments-toggle")).click();
		wait.until(d -> d.findElement(By.id("section-" + number))
			.getText()
			.contains("This comment led to a change in version 2"));
		screenshot("revision-discussion-marks");
		HttpResponse<String> anonymous = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(base + "/discussions/" + discussion + "/versions?revision=2"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(200);
	}

	private String matches(String base, String discussion) {
		try {
			return this.api.getJson(base + "/api/discussions/" + discussion + "/revisions/2/matches").toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private WebElement paragraph(String id) {
		return this.browser.findElement(By.cssSelector(".version-paragraph[data-paragraph-id='" + id + "']"));
	}

	private static String sectionOf(JsonNode sections, String paragraphId) {
		for (JsonNode s : sections) {
			for (JsonNode p : s.get("paragraphs")) {
				if (p.get("id").asString().equals(paragraphId)) {
					return s.get("id").asString();
				}
			}
		}
		throw new IllegalArgumentException(paragraphId);
	}

	private static String textOf(JsonNode sections, String paragraphId) {
		for (JsonNode s : sections) {
			for (JsonNode p : s.get("paragraphs")) {
				if (p.get("id").asString().equals(paragraphId)) {
					return p.get("text").asString();
				}
			}
		}
		throw new IllegalArgumentException(paragraphId);
	}

	private static int sectionNumber(JsonNode sections, String sectionId) {
		for (JsonNode s : sections) {
			if (s.get("id").asString().equals(sectionId)) {
				return s.get("number").asInt();
			}
		}
		throw new IllegalArgumentException(sectionId);
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, name);
	}

}
