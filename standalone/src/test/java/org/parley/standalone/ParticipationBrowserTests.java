package org.parley.standalone;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.system.DevMailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant in headless Chromium: asks for a magic link, opens it from the mailbox,
 * chooses a name, votes, comments, replies and votes on a comment, and sees the counts
 * change without reloading.
 */
class ParticipationBrowserTests {

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
	void participantVotesCommentsRepliesAndSeesTheCountsChange() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		UUID discussion = openDiscussion(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class));
		String email = "reader-" + UUID.randomUUID() + "@example.org";
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30), Duration.ofMillis(50));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

		// Sign in as a participant would: ask for a link on the page, read it from the
		// mailbox.
		this.browser.get(base + "/discussions/" + discussion);
		this.browser.findElement(By.id("sign-in-email")).sendKeys(email);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.id("sign-in-status")).getText().contains("Check your email"));
		DevMailbox mailbox = web.getBean(DevMailbox.class);
		String link = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.to().contains(email))
				.map(m -> java.util.regex.Pattern.compile("https?://[^\\s\"<>]+/sign-in/[^\\s\"<>]+").matcher(m.text()))
				.filter(java.util.regex.Matcher::find)
				.map(java.util.regex.Matcher::group)
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		this.browser.get(base + link.substring(link.indexOf("/sign-in/")));
		wait.until(d -> d.getCurrentUrl().contains("/me/name"));
		WebElement name = this.browser.findElement(By.id("name"));
		name.clear();
		name.sendKeys("Ana from Quito");
		this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));

		WebElement section2 = this.browser.findElement(By.id("section-2"));
		section2.findElement(By.cssSelector("button.vote[data-value=AGREE]")).click();
		wait.until(d -> d.findElement(By.id("section-2"))
			.findElement(By.cssSelector(".agree-count"))
			.getText()
			.equals("1 agree"));
		assertThat(section2.findElement(By.cssSelector(".percent")).getText()).contains("100% positive");
		assertThat(section2.findElement(By.cssSelector("button.vote[data-value=AGREE]")).getAttribute("aria-pressed"))
			.isEqualTo("true");

		section2.findElement(By.cssSelector(".comments-toggle")).click();
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("var p = document.querySelector('#section-2 p.paragraph'); var r = document.createRange();"
					+ " r.selectNodeContents(p); var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);");
		section2.findElement(By.cssSelector(".comment-form .quote-selection")).click();
		assertThat(section2.findElement(By.cssSelector(".comment-form textarea[name=quote]")).getAttribute("value"))
			.isEqualTo("A.");
		assertThat(section2.findElement(By.cssSelector(".comment-form select[name=paragraphNumber]"))
			.getAttribute("value")).as("the quoted passage's paragraph").isEqualTo("1");
		section2.findElement(By.cssSelector(".comment-form textarea"))
			.sendKeys("<b>Not bold</b> — see https://example.org/a");
		section2.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("#section-2 .comment-text")).isEmpty());
		WebElement text = this.browser.findElement(By.cssSelector("#section-2 .comment-text"));
		assertThat(text.getText()).startsWith("<b>Not bold</b>");
		assertThat(text.findElements(By.tagName("b"))).isEmpty();
		assertThat(text.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.org/a");
		assertThat(this.browser.findElement(By.cssSelector("#section-2 .comment-quote")).getText()).isEqualTo("A.");
		assertThat(this.browser.findElement(By.cssSelector("#section-2 .comment-status")).getText())
			.contains("Did you know you can vote on comments?");
		wait.until(d -> d.findElement(By.cssSelector("#section-2 .comments-toggle")).getText().contains("(1)"));

		this.browser.findElement(By.xpath("//section[@id='section-2']//button[text()='Vote up']")).click();
		wait.until(d -> d.findElement(By.cssSelector("#section-2 .comment-actions span")).getText().startsWith("▲ 1"));
		this.browser.findElement(By.xpath("//section[@id='section-2']//button[text()='Reply']")).click();
		this.browser.findElement(By.cssSelector("#section-2 form.reply-form textarea")).sendKeys("Answering myself.");
		this.browser.findElement(By.cssSelector("#section-2 form.reply-form button")).click();
		wait.until(d -> !d.findElements(By.cssSelector("#section-2 .replies .comment-text")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#section-2 .replies .comment-meta")).getText())
			.startsWith("Ana from Quito");

		this.browser.navigate().refresh();
		assertThat(this.browser.findElement(By.id("positive-percent")).getText()).isEqualTo("100%");
		assertThat(this.browser.findElement(By.id("my-contributions")).getText()).contains("1 vote, 2 comments");
		screenshot("participation");
		assertThat(seriousAccessibilityViolations()).as("axe-core serious or critical violations").isEmpty();
	}

	/**
	 * Runs axe-core (MPL 2.0, vendored from npm) on the page, returning serious and
	 * critical findings.
	 */
	@SuppressWarnings("unchecked")
	private List<String> seriousAccessibilityViolations() throws Exception {
		String axe;
		try (var in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		var js = (org.openqa.selenium.JavascriptExecutor) this.browser;
		js.executeScript(axe);
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		List<Object> violations = (List<Object>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document).then(function (r) { done(r.violations.filter(function (v) {"
				+ " return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
				+ " return v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
				+ " })); });");
		return violations.stream().map(String::valueOf).toList();
	}

	private static UUID openDiscussion(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, "Open consultation", new Outline("Open consultation", null,
				List.of(new OutlineSection("Strategic Goal 1:", "Lead", 1, List.of(Block.paragraph("One."))),
						new OutlineSection("1.1.", "Build", 2, List.of(Block.paragraph("A."), Block.listItem("B."))))),
				OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions
			.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(java.time.Clock.systemUTC()));
		return id;
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, name);
	}

}
