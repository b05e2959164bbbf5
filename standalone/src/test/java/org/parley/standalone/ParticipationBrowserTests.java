package org.parley.standalone;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.domain.discussion.Discussion;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.web.participation.SignInLinks;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A participant in headless Chromium: opens a magic link, chooses a name, votes, comments,
 * replies and votes on a comment, and sees the counts change without reloading.
 */
class ParticipationBrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
				"Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1280,1800");
		this.browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build(), options);
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
		UUID discussion = openDiscussion(web.getBean(DiscussionRepository.class), web.getBean(OrganiserRepository.class));
		String email = "reader-" + UUID.randomUUID() + "@example.org";
		SignInLinks links = web.getBean(SignInLinks.class);
		links.request(email, discussion, null);
		UUID linkId = web.getBean(JdbcClient.class)
			.sql("select id from sign_in_link where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20), Duration.ofMillis(50));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

		this.browser.get(base + "/sign-in/" + links.token(linkId));
		wait.until(d -> d.getCurrentUrl().contains("/me/name"));
		WebElement name = this.browser.findElement(By.id("name"));
		name.clear();
		name.sendKeys("Ana from Quito");
		this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));

		WebElement section2 = this.browser.findElement(By.id("section-2"));
		section2.findElement(By.cssSelector("button.vote[data-value=AGREE]")).click();
		wait.until(d -> d.findElement(By.id("section-2")).findElement(By.cssSelector(".agree-count")).getText().equals("1 agree"));
		assertThat(section2.findElement(By.cssSelector(".percent")).getText()).contains("100% positive");
		assertThat(section2.findElement(By.cssSelector("button.vote[data-value=AGREE]")).getAttribute("aria-pressed"))
			.isEqualTo("true");

		section2.findElement(By.cssSelector(".comments-toggle")).click();
		section2.findElement(By.cssSelector(".comment-form textarea")).sendKeys("<b>Not bold</b> — see https://example.org/a");
		section2.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("#section-2 .comment-text")).isEmpty());
		WebElement text = this.browser.findElement(By.cssSelector("#section-2 .comment-text"));
		assertThat(text.getText()).startsWith("<b>Not bold</b>");
		assertThat(text.findElements(By.tagName("b"))).isEmpty();
		assertThat(text.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.org/a");
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
		assertThat(this.browser.findElement(By.id("my-contributions")).getText()).contains("1 votes, 2 comments");
		screenshot("participation");
		assertThat(seriousAccessibilityViolations()).as("axe-core serious or critical violations").isEmpty();
	}

	/** Runs axe-core (MPL 2.0, vendored from npm) on the page, returning serious and critical findings. */
	@SuppressWarnings("unchecked")
	private List<String> seriousAccessibilityViolations() throws Exception {
		String axe;
		try (var in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		var js = (org.openqa.selenium.JavascriptExecutor) this.browser;
		js.executeScript(axe);
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		List<Object> violations = (List<Object>) js.executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "axe.run(document).then(function (r) { done(r.violations.filter(function (v) {"
						+ " return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
						+ " return v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
						+ " })); });");
		return violations.stream().map(String::valueOf).toList();
	}

	private static UUID openDiscussion(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, "Open consultation",
				new Outline("Open consultation", null, List.of(
						new OutlineSection("Strategic Goal 1:", "Lead", 1, List.of(Block.paragraph("One."))),
						new OutlineSection("1.1.", "Build", 2, List.of(Block.paragraph("A."), Block.listItem("B."))))),
				OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(java.time.Clock.systemUTC()));
		return id;
	}

	private void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
