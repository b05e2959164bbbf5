package org.parley.standalone;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
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
 * Two browsers on one discussion, as issue 18 asks: a participant and an organiser. What
 * one does, the other sees within 1 second and without a reload: a new comment and the
 * section's counts, a vote and the statistics, a hidden comment disappearing, and the
 * discussion closing. Each wait starts when the action is sent and gives up after 1 s.
 */
class LiveDiscussionBrowserTests {

	/** The bound: everyone viewing sees the change within 1 second. */
	private static final Duration LIVE = Duration.ofSeconds(1);

	private WebDriver participant;

	private WebDriver organiser;

	@AfterEach
	void closeBrowsers() {
		for (WebDriver browser : new WebDriver[] { this.participant, this.organiser }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void whatOneBrowserDoesTheOtherShowsWithinOneSecond() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		UUID discussion = openDiscussion(web.getBean(DiscussionRepository.class),
				web.getBean(OrganiserRepository.class));
		this.participant = HeadlessChromium.start();
		this.organiser = HeadlessChromium.start();
		signInAsParticipant(base, discussion, web.getBean(DevMailbox.class));
		signInAsOrganiser(base, discussion);
		openComments(this.participant, 2);
		openComments(this.organiser, 2);

		// The participant comments; the organiser's page shows it, and the new count.
		this.participant.findElement(By.cssSelector("#section-2 .comment-form textarea")).sendKeys("Seen live?");
		this.participant.findElement(By.cssSelector("#section-2 .comment-form button[type=submit]")).click();
		within(this.organiser, d -> text(d, "#section-2 .comment-list").contains("Seen live?"));
		within(this.organiser, d -> text(d, "#section-2 .comments-toggle").contains("(1)"));
		assertThat(text(this.organiser, "#live-announcer")).contains("New comment by Ana from Quito on section 2");
		// Focus stayed where the organiser had it.
		assertThat(this.organiser.switchTo().activeElement().getAttribute("class")).contains("comments-toggle");

		// The participant votes; the organiser sees the count and the statistics; the
		// participant's own contributions follow without a reload.
		this.participant.findElement(By.cssSelector("#section-2 button.vote[data-value=AGREE]")).click();
		within(this.organiser, d -> text(d, "#section-2 .agree-count").equals("1 agree"));
		within(this.organiser, d -> text(d, "#total-votes").equals("1"));
		within(this.organiser, d -> text(d, "#positive-percent").equals("100%"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> text(this.participant, "#my-contributions").contains("1 vote, 1 comment"));
		HeadlessChromium.screenshot(this.organiser, "live-organiser-sees-comment");

		// The organiser hides it; it disappears from the participant's page.
		this.organiser.findElement(By.xpath("//section[@id='section-2']//button[text()='Hide']")).click();
		within(this.participant, d -> !text(d, "#section-2 .comment-list").contains("Seen live?"));
		within(this.participant, d -> text(d, "#section-2 .comments-toggle").contains("(0)"));

		// The organiser closes the discussion; the participant's page says so and takes
		// no
		// more votes.
		this.organiser.findElement(By.id("close")).click();
		within(this.participant, d -> text(d, "#live-notice").equals("This discussion is now closed."));
		assertThat(text(this.participant, "#discussion-status")).isEqualTo("Closed");
		assertThat(this.participant.findElement(By.cssSelector("#section-2 .vote-buttons")).isDisplayed()).isFalse();
		assertThat(this.participant.findElement(By.id("days-left")).isDisplayed()).isFalse();
		HeadlessChromium.screenshot(this.participant, "live-participant-sees-closed");
	}

	/** Waits at most 1 s, polling every 20 ms, from now. */
	private static void within(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
		WebDriverWait wait = new WebDriverWait(browser, LIVE, Duration.ofMillis(20));
		wait.ignoring(StaleElementReferenceException.class);
		wait.until(condition::apply);
	}

	private static String text(WebDriver browser, String css) {
		List<WebElement> found = browser.findElements(By.cssSelector(css));
		return found.isEmpty() ? "" : found.get(0).getText().strip();
	}

	private static void openComments(WebDriver browser, int section) {
		WebElement toggle = browser.findElement(By.cssSelector("#section-" + section + " .comments-toggle"));
		toggle.click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("#section-" + section + " .comment-list li")).isEmpty());
	}

	private void signInAsOrganiser(String base, UUID discussion) {
		this.organiser.get(base + "/login");
		this.organiser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.organiser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD);
		this.organiser.findElement(By.cssSelector("main button[type=submit]")).click();
		new WebDriverWait(this.organiser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
		this.organiser.get(base + "/discussions/" + discussion);
	}

	private void signInAsParticipant(String base, UUID discussion, DevMailbox mailbox) {
		String email = "live-" + UUID.randomUUID() + "@example.org";
		WebDriverWait wait = new WebDriverWait(this.participant, Duration.ofSeconds(30));
		this.participant.get(base + "/discussions/" + discussion);
		this.participant.findElement(By.id("sign-in-email")).sendKeys(email);
		this.participant.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		Pattern link = Pattern.compile("https?://[^\\s\"<>]+/sign-in/[^\\s\"<>]+");
		String url = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.to().contains(email))
				.map(m -> link.matcher(m.text()))
				.filter(Matcher::find)
				.map(Matcher::group)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		this.participant.get(base + url.substring(url.indexOf("/sign-in/")));
		wait.until(d -> d.getCurrentUrl().contains("/me/name"));
		WebElement name = this.participant.findElement(By.id("name"));
		name.clear();
		name.sendKeys("Ana from Quito");
		this.participant.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
		((JavascriptExecutor) this.participant).executeScript("window.scrollTo(0, 0);");
	}

	private static UUID openDiscussion(DiscussionRepository discussions, OrganiserRepository organisers) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions.addDraft(null, owner, "Live consultation",
				new Outline("Live consultation", null,
						List.of(new OutlineSection("1.", "Purpose", 1, List.of(Block.paragraph("Why."))),
								new OutlineSection("2.", "Measures", 1, List.of(Block.paragraph("What."))))),
				OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		discussions.update(draft.schedule(null, OffsetDateTime.now().plusDays(12), null).publish(Clock.systemUTC()));
		return id;
	}

}
