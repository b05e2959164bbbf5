package org.parley.standalone;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * WCAG 2.2 AA in real Chromium: axe-core finds no violation of any impact on every page
 * and state (signed out, participant, organiser, a closed discussion, the error pages, in
 * English and German), at 1280 and 390 pixels; the page reflows at 320 pixels and at 200
 * % text; and the participation flow, quoting a passage included, works by keyboard
 * alone. Screenshots of each go to target/screenshots.
 */
class AccessibilityBrowserTests {

	private WebDriver browser;

	private WebDriverWait wait;

	private final List<String> violations = new ArrayList<>();

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30), Duration.ofMillis(50));
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void everyPageAndStateHasNoAxeViolationAtAnyImpact() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		DiscussionRepository discussions = web.getBean(DiscussionRepository.class);
		UUID open = discussion(discussions, web.getBean(OrganiserRepository.class), "Draft climate law", false);
		UUID closed = discussion(discussions, web.getBean(OrganiserRepository.class), "Closed transport plan", true);

		// Signed out.
		check(base + "/", "home");
		check(base + "/?lang=de", "home-de");
		check(base + "/discussions/" + open, "discussion-signed-out");
		check(base + "/discussions/" + closed, "discussion-closed");
		check(base + "/accessibility", "accessibility");
		check(base + "/login", "login");
		check(base + "/discussions/" + UUID.randomUUID(), "error-not-found");
		check(base + "/no-such-page", "error-no-page");
		check(base + "/sign-in/not-a-token", "sign-in-expired");
		check(base + "/?lang=en", "home-en");

		// A participant.
		signInAsParticipant(base, web.getBean(DevMailbox.class), open);
		check(base + "/discussions/" + open, "discussion-participant");
		this.browser.findElement(By.cssSelector("#section-2 .comments-toggle")).click();
		this.wait.until(d -> d.findElement(By.cssSelector("#section-2 .comment-form")).isDisplayed());
		axe("discussion-participant-comments-open");
		check(base + "/me/notifications", "notifications");
		check(base + "/discussions/" + closed, "discussion-closed-participant");
		this.browser.manage().deleteAllCookies();

		// An organiser.
		this.browser.get(base + "/login");
		this.browser.findElement(By.id("username")).sendKeys(RunningParley.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(RunningParley.PASSWORD, Keys.ENTER);
		this.wait.until(d -> !d.getCurrentUrl().contains("/login"));
		check(base + "/", "home-organiser");
		check(base + "/discussions/" + open, "discussion-organiser");
		check(base + "/discussions/" + closed, "discussion-closed-organiser");
		check(base + "/imports/new", "import-new");
		check(base + "/account", "account");
		check(base + "/discussions/" + open + "/invitations", "invite");
		check(base + "/accessibility/reports", "barrier-reports");
		check(base + "/dev/mailbox", "mailbox");
		check(base + "/discussions/" + open + "?lang=fr", "discussion-organiser-fr");

		assertThat(this.violations).as("axe-core violations, any impact").isEmpty();

		// The check finds a barrier where there is one: green text on yellow, an image
		// without a text.
		((JavascriptExecutor) this.browser).executeScript("var p = document.createElement('p');"
				+ "p.textContent = 'Low contrast'; p.style.color = '#7fbf7f'; p.style.background = '#ffff66';"
				+ "var i = document.createElement('img'); i.src = '/favicon.ico';"
				+ "document.querySelector('main').append(p, i);");
		axe("negative-control");
		assertThat(this.violations).anySatisfy(v -> assertThat(v).contains("color-contrast"))
			.anySatisfy(v -> assertThat(v).contains("image-alt"));
	}

	@Test
	void thePagesReflowAt320PixelsAndAt200PercentText() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		UUID open = discussion(web.getBean(DiscussionRepository.class), web.getBean(OrganiserRepository.class),
				"Reflowing draft", false);
		for (String page : List.of("/", "/discussions/" + open, "/accessibility")) {
			this.browser.manage().window().setSize(new Dimension(320, 900));
			this.browser.get(base + page);
			assertThat(horizontalOverflow()).as("%s at 320 px scrolls sideways", page).isLessThanOrEqualTo(0);
			this.browser.manage().window().setSize(new Dimension(1280, 900));
			this.browser.get(base + page);
			((JavascriptExecutor) this.browser).executeScript(
					"document.documentElement.style.fontSize = '200%';" + "document.body.style.fontSize = '34px';");
			assertThat(horizontalOverflow()).as("%s at 200 %% text scrolls sideways", page).isLessThanOrEqualTo(0);
		}
		this.browser.manage().window().setSize(new Dimension(320, 900));
		this.browser.get(base + "/discussions/" + open);
		HeadlessChromium.screenshot(this.browser, "discussion-320");
	}

	@Test
	void theParticipationFlowWorksByKeyboardAloneQuotingIncluded() throws Exception {
		String base = RunningParley.baseUrl();
		var web = RunningParley.get().web();
		UUID open = discussion(web.getBean(DiscussionRepository.class), web.getBean(OrganiserRepository.class),
				"Keyboard draft", false);
		this.browser.get(base + "/discussions/" + open);
		// The skip link is the first stop and leads into the page.
		tab();
		assertThat(focused().getText()).isEqualTo("Skip to the content");
		focused().sendKeys(Keys.ENTER);
		// The sign-in form, by keyboard.
		String email = "keys-" + UUID.randomUUID() + "@example.org";
		tabUntil(e -> "sign-in-email".equals(e.getAttribute("id")));
		focused().sendKeys(email, Keys.ENTER);
		this.wait.until(d -> d.findElement(By.id("sign-in-status")).getText().contains("Check your email"));
		this.browser.get(base + link(web.getBean(DevMailbox.class), email));
		this.wait.until(d -> d.getCurrentUrl().contains("/me/name"));
		tabUntil(e -> "name".equals(e.getAttribute("id")));
		focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "Kim by keyboard", Keys.ENTER);
		this.wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + open));

		// Vote on section 2, open its comments, choose paragraph 1, quote it, trim the
		// quote, write and post: Tab, Enter and arrow keys only.
		tabUntil(e -> "AGREE".equals(e.getAttribute("data-value")) && inSection(e, "section-2"));
		focused().sendKeys(Keys.ENTER);
		this.wait.until(d -> d.findElement(By.cssSelector("#section-2 .agree-count")).getText().equals("1 agree"));
		tabUntil(e -> e.getAttribute("class") != null && e.getAttribute("class").contains("comments-toggle")
				&& inSection(e, "section-2"));
		focused().sendKeys(Keys.ENTER);
		tabUntil(e -> "text".equals(e.getAttribute("name")) && inSection(e, "section-2"));
		focused().sendKeys("Clearer, please.");
		tab();
		assertThat(focused().getAttribute("name")).isEqualTo("paragraphNumber");
		focused().sendKeys(Keys.ARROW_DOWN);
		tab();
		assertThat(focused().getAttribute("class")).contains("quote-selection");
		focused().sendKeys(Keys.ENTER);
		this.wait.until(d -> "quote".equals(d.switchTo().activeElement().getAttribute("name")));
		assertThat(focused().getAttribute("value")).isEqualTo("Cars pay by the kilometre.");
		focused().sendKeys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
				Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
				Keys.BACK_SPACE);
		tabUntil(e -> "submit".equals(e.getAttribute("type")) && inSection(e, "section-2"));
		focused().sendKeys(Keys.ENTER);
		this.wait.until(d -> !d.findElements(By.cssSelector("#section-2 .comment-text")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#section-2 .comment-text")).getText())
			.isEqualTo("Clearer, please.");
		assertThat(this.browser.findElement(By.cssSelector("#section-2 .comment-quote")).getText())
			.isEqualTo("Cars pay by the");
		assertThat(this.browser.findElement(By.cssSelector("#section-2 .comment-meta")).getText())
			.contains("on paragraph 1");
		HeadlessChromium.screenshot(this.browser, "keyboard-flow");
	}

	private static boolean inSection(WebElement e, String section) {
		return !e.findElements(By.xpath("ancestor::section[@id='" + section + "']")).isEmpty();
	}

	private void tab() {
		new Actions(this.browser).sendKeys(Keys.TAB).perform();
	}

	private WebElement focused() {
		return this.browser.switchTo().activeElement();
	}

	private void tabUntil(java.util.function.Predicate<WebElement> found) {
		for (int i = 0; i < 300; i++) {
			tab();
			if (found.test(focused())) {
				return;
			}
		}
		throw new AssertionError("No such element reached by Tab");
	}

	private long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/** Loads the page and checks it at 1280 and 390 pixels, screenshots included. */
	private void check(String url, String name) throws Exception {
		this.browser.manage().window().setSize(new Dimension(1280, 1800));
		this.browser.get(url);
		axe(name);
		this.browser.manage().window().setSize(new Dimension(390, 1600));
		axe(name + "-390");
		this.browser.manage().window().setSize(new Dimension(1280, 1800));
	}

	@SuppressWarnings("unchecked")
	private void axe(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, "a11y-" + name);
		String axe;
		try (var in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		var js = (JavascriptExecutor) this.browser;
		js.executeScript(axe);
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		List<Object> found = (List<Object>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
				+ " 'wcag22aa', 'best-practice'] } }).then(function (r) { done(['passed ' + r.passes.length]"
				+ ".concat(r.violations.map(function (v) {"
				+ " return v.impact + ' ' + v.id + ': ' + v.help + ' ' + v.nodes.slice(0, 5).map(function (n) {"
				+ " return n.target.join(' '); }).join(', '); }))); });");
		// axe ran its rules: a page where it checked next to nothing would prove nothing.
		assertThat(Integer.parseInt(String.valueOf(found.get(0)).substring("passed ".length())))
			.as("axe rules that passed on %s", name)
			.isGreaterThan(15);
		found.subList(1, found.size()).forEach(v -> this.violations.add(name + " → " + v));
	}

	private void signInAsParticipant(String base, DevMailbox mailbox, UUID discussion) {
		String email = "a11y-" + UUID.randomUUID() + "@example.org";
		this.browser.get(base + "/discussions/" + discussion);
		this.browser.findElement(By.id("sign-in-email")).sendKeys(email);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(d -> d.findElement(By.id("sign-in-status")).getText().contains("Check your email"));
		this.browser.get(base + link(mailbox, email));
		this.wait.until(d -> d.getCurrentUrl().contains("/me/name"));
		try {
			axe("choose-name");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
		this.wait.until(d -> d.getCurrentUrl().endsWith("/discussions/" + discussion));
	}

	private static String link(DevMailbox mailbox, String email) {
		String link = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.to().contains(email))
				.map(m -> Pattern.compile("https?://[^\\s\"<>]+/sign-in/[^\\s\"<>]+").matcher(m.text()))
				.filter(Matcher::find)
				.map(Matcher::group)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		return link.substring(link.indexOf("/sign-in/"));
	}

	private static UUID discussion(DiscussionRepository discussions, OrganiserRepository organisers, String title,
			boolean closed) {
		UUID owner = organisers.findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID id = discussions
			.addDraft(null, owner, title,
					new Outline(
							title, "A draft for everyone to read and comment on.", List.of(
									new OutlineSection(null, null, 1,
											List.of(Block
												.paragraph("This draft sets out how the city meets its goals."))),
									new OutlineSection("§ 1", "Road pricing", 1,
											List.of(Block.paragraph("Cars pay by the kilometre."),
													Block.listItem("Buses are exempt."))),
									new OutlineSection("1.1.", "Rates", 2,
											List.of(Block.paragraph("The rate is set each year."))))),
					OffsetDateTime.now());
		Discussion draft = discussions.findById(id).orElseThrow();
		Discussion published = draft
			.schedule(null, OffsetDateTime.now().plusDays(12), java.time.ZoneId.of("Europe/Berlin"))
			.publish(java.time.Clock.systemUTC());
		discussions.update(closed ? published.close(java.time.Clock.systemUTC()) : published);
		return id;
	}

}
